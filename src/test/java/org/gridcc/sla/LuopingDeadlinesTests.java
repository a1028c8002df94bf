package org.gridcc.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.sla.CaseEvent.CLAIMED;
import static org.gridcc.sla.CaseEvent.DISPATCHED;
import static org.gridcc.sla.CaseEvent.RECEIVED;
import static org.gridcc.sla.CaseEvent.REPLIED;
import static org.gridcc.sla.DeadlineKind.CLAIM;
import static org.gridcc.sla.DeadlineKind.FINISH;
import static org.gridcc.sla.DeadlineKind.REPLY;
import static org.gridcc.sla.SlaFixtures.at;
import static org.gridcc.sla.SlaFixtures.deadlines;
import static org.gridcc.sla.SlaFixtures.endOf;

import org.junit.jupiter.api.Test;

/** Luoping: claim within 24 hours, reply within 72 hours, finish within a week, all from the resident's order. */
class LuopingDeadlinesTests {

    @Test
    void hoursRunThroughNationalDayAndTheWeekEndsOnItsSeventhDayEvenOnAHoliday() {
        var deadlines = deadlines("luoping", CaseHistory.none()
                .with(RECEIVED, at("2026-09-30T10:00"))
                .with(DISPATCHED, at("2026-09-30T11:00")));

        assertThat(deadlines.get(CLAIM).due()).isEqualTo(at("2026-10-01T10:00"));
        assertThat(deadlines.get(REPLY).due()).isEqualTo(at("2026-10-03T10:00"));
        assertThat(deadlines.get(FINISH).due()).as("a local rule: not moved off the holiday").isEqualTo(endOf("2026-10-07"));
        assertThat(deadlines.values()).allSatisfy(d -> assertThat(d.startedBy()).isEqualTo(RECEIVED));
    }

    @Test
    void aCaseIsWarnedInTheLastQuarterOfEachLimit() {
        var deadlines = deadlines("luoping", CaseHistory.none().with(RECEIVED, at("2026-09-30T10:00")));

        assertThat(deadlines.get(CLAIM).warnAt()).as("6 of 24 hours before").isEqualTo(at("2026-10-01T04:00"));
        assertThat(deadlines.get(REPLY).warnAt()).as("18 of 72 hours before").isEqualTo(at("2026-10-02T16:00"));
        // Sep 30 10:00 to Oct 8 00:00 is 182 hours; a quarter is 45.5 hours.
        assertThat(deadlines.get(FINISH).warnAt()).isEqualTo(at("2026-10-06T02:30"));
    }

    @Test
    void theWeekOverSpringFestivalIsSevenNaturalDays() {
        var deadlines = deadlines("luoping", CaseHistory.none().with(RECEIVED, at("2026-02-13T09:00")));

        assertThat(deadlines.get(FINISH).due()).isEqualTo(endOf("2026-02-20"));
    }

    @Test
    void aCaseWithoutEventsHasNoDeadlines() {
        assertThat(deadlines("luoping", CaseHistory.none())).isEmpty();
    }

    @Test
    void theStatusFollowsTheClockAndTheEventsThatMeetEachDeadline() {
        var deadlines = deadlines("luoping", CaseHistory.none()
                .with(RECEIVED, at("2026-09-30T10:00"))
                .with(CLAIMED, at("2026-10-01T11:00"))
                .with(REPLIED, at("2026-10-02T09:00")));

        var claim = deadlines.get(CLAIM);
        assertThat(claim.metAt()).isEqualTo(at("2026-10-01T11:00"));
        assertThat(claim.statusAt(at("2026-10-01T03:59"))).isEqualTo(DeadlineStatus.RUNNING);
        assertThat(claim.statusAt(at("2026-10-01T04:00"))).isEqualTo(DeadlineStatus.WARNED);
        assertThat(claim.statusAt(at("2026-10-01T10:00"))).as("the due time itself is on time").isEqualTo(DeadlineStatus.WARNED);
        assertThat(claim.statusAt(at("2026-10-01T10:01"))).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(claim.statusAt(at("2026-10-01T11:00"))).isEqualTo(DeadlineStatus.MET_LATE);
        assertThat(deadlines.get(REPLY).statusAt(at("2026-10-05T00:00"))).isEqualTo(DeadlineStatus.MET);
        assertThat(deadlines.get(FINISH).statusAt(at("2026-10-08T00:01"))).isEqualTo(DeadlineStatus.OVERDUE);
    }
}
