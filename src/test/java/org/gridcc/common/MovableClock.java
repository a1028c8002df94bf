package org.gridcc.common;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** The service clock in tests: real time, moved forward by a test that needs a deadline to pass. */
@Mock
@ApplicationScoped
public class MovableClock extends ServiceClock {

    private volatile Duration ahead = Duration.ZERO;

    @Override
    public Instant now() {
        return Instant.now().plus(ahead);
    }

    public void moveAhead(Duration by) {
        ahead = ahead.plus(by);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }
}
