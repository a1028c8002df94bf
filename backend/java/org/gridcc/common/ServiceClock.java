package org.gridcc.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The one clock of the service: deadlines, sweeps and intake read the time here, so tests can move it. */
@ApplicationScoped
public class ServiceClock {

    /** Deadlines and case codes follow the time of the place the cases come from. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public Instant now() {
        return Instant.now();
    }

    /** A time as people at the centre read it: with the +08:00 offset. */
    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, CHINA);
    }

    /** The database answers in UTC; people read +08:00. */
    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : local(time.toInstant());
    }
}
