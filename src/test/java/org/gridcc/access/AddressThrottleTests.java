package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressThrottleTests {

    private static final Instant MINUTE = Instant.parse("2026-03-02T08:15:00Z");
    private static final Duration PACE = Duration.ofSeconds(3);

    private static AddressThrottle failedThrice(String address) {
        var throttle = new AddressThrottle(3, PACE);
        for (int i = 0; i < 3; i++) throttle.failed(address, MINUTE.plusSeconds(i));
        return throttle;
    }

    @Test
    void withinItsAllowanceAnAddressGoesAtOnce() {
        var throttle = new AddressThrottle(3, PACE);
        throttle.failed("10.0.0.1", MINUTE);
        throttle.failed("10.0.0.1", MINUTE.plusSeconds(1));
        assertThat(throttle.turn("10.0.0.1", MINUTE.plusSeconds(2))).isEqualTo(new AddressThrottle.Turn(Duration.ZERO, false));
    }

    @Test
    void beyondItsAllowanceItsAttemptsTakeTurnsAPaceApart() {
        var throttle = failedThrice("10.0.0.1");
        Instant now = MINUTE.plusSeconds(5);
        assertThat(throttle.turn("10.0.0.1", now).delay()).isEqualTo(PACE);
        assertThat(throttle.turn("10.0.0.1", now).delay()).isEqualTo(PACE.multipliedBy(2));
        assertThat(throttle.turn("10.0.0.1", now.plusSeconds(1)).delay()).isEqualTo(PACE.multipliedBy(3).minusSeconds(1));
        // Once the turns given are past, the next waits one pace again.
        assertThat(throttle.turn("10.0.0.1", now.plusSeconds(30)).delay()).isEqualTo(PACE);
    }

    @Test
    void anotherAddressIsNotSlowed() {
        var throttle = failedThrice("10.0.0.1");
        assertThat(throttle.turn("10.0.0.2", MINUTE.plusSeconds(5)).delay()).isZero();
    }

    @Test
    void onlyAnAttemptThatWouldWaitOverAMinuteIsRefusedAndItBooksNoTurn() {
        var throttle = failedThrice("10.0.0.1");
        Instant now = MINUTE.plusSeconds(5);
        for (int i = 1; i <= 20; i++) assertThat(throttle.turn("10.0.0.1", now).refused()).isFalse();
        var refused = throttle.turn("10.0.0.1", now);
        assertThat(refused).isEqualTo(new AddressThrottle.Turn(PACE, true));
        assertThat(throttle.turn("10.0.0.1", now.plus(PACE)).refused()).isFalse();
    }

    @Test
    void aNewMinuteStartsTheCountAgain() {
        var throttle = failedThrice("10.0.0.1");
        assertThat(throttle.turn("10.0.0.1", MINUTE.plusSeconds(60)).delay()).isZero();
    }
}
