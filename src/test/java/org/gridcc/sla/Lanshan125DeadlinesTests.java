package org.gridcc.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.sla.CaseEvent.RECEIVED;
import static org.gridcc.sla.CaseEvent.REPLIED;
import static org.gridcc.sla.DeadlineKind.CONTACT;
import static org.gridcc.sla.DeadlineKind.DISPATCH;
import static org.gridcc.sla.DeadlineKind.FINAL_ANSWER;
import static org.gridcc.sla.DeadlineKind.FIRST_ANSWER;
import static org.gridcc.sla.SlaFixtures.at;
import static org.gridcc.sla.SlaFixtures.deadlines;
import static org.gridcc.sla.SlaFixtures.endOf;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lanshan "125": dispatch the same day, meet the next working day, first answer in 5 working days, at most 30 days. */
class Lanshan125DeadlinesTests {

    @Test
    void aVisitOnTheFridayBeforeSpringFestival() {
        var deadlines = visit("2026-02-13T16:00");

        assertThat(deadlines.get(DISPATCH).due()).isEqualTo(endOf("2026-02-13"));
        assertThat(deadlines.get(CONTACT).due()).as("Sat Feb 14 is a swapped workday").isEqualTo(endOf("2026-02-14"));
        assertThat(deadlines.get(FIRST_ANSWER).due()).as("Feb 14, then Feb 24-27").isEqualTo(endOf("2026-02-27"));
        assertThat(deadlines.get(FINAL_ANSWER).due()).as("30 natural days, a local cap kept on a Sunday")
                .isEqualTo(endOf("2026-03-15"));
    }

    @Test
    void aVisitOnAHolidayIsDispatchedAndFollowedUpOnTheNextWorkingDay() {
        var deadlines = visit("2026-02-15T10:00");

        assertThat(deadlines.get(DISPATCH).due()).isEqualTo(endOf("2026-02-24"));
        assertThat(deadlines.get(CONTACT).due()).isEqualTo(endOf("2026-02-24"));
        assertThat(deadlines.get(FIRST_ANSWER).due()).as("Feb 24-27 and swapped Sat Feb 28").isEqualTo(endOf("2026-02-28"));
        assertThat(deadlines.get(FINAL_ANSWER).due()).isEqualTo(endOf("2026-03-17"));
    }

    @Test
    void aVisitOnTheEveOfNationalDay() {
        var deadlines = visit("2026-09-30T10:00");

        assertThat(deadlines.get(DISPATCH).due()).isEqualTo(endOf("2026-09-30"));
        assertThat(deadlines.get(CONTACT).due()).isEqualTo(endOf("2026-10-08"));
        assertThat(deadlines.get(FIRST_ANSWER).due()).as("Oct 8, 9, swapped Sat 10, 12, 13").isEqualTo(endOf("2026-10-13"));
        assertThat(deadlines.get(FINAL_ANSWER).due()).isEqualTo(endOf("2026-10-30"));
    }

    @Test
    void theNextDayIsTheNextWorkingDay() {
        assertThat(visit("2026-09-18T11:00").get(CONTACT).due()).as("Fri -> swapped Sun Sep 20").isEqualTo(endOf("2026-09-20"));
        assertThat(visit("2026-03-06T11:00").get(CONTACT).due()).as("Fri -> Mon").isEqualTo(endOf("2026-03-09"));
    }

    @Test
    void theOneDayLimitsAreWarnedAtFourInTheAfternoon() {
        var deadlines = visit("2026-02-13T09:00");
        var dispatch = deadlines.get(DISPATCH);

        assertThat(dispatch.warnAt()).isEqualTo(at("2026-02-13T16:00"));
        assertThat(dispatch.statusAt(at("2026-02-13T15:59"))).isEqualTo(DeadlineStatus.RUNNING);
        assertThat(dispatch.statusAt(at("2026-02-13T16:00"))).isEqualTo(DeadlineStatus.WARNED);
        assertThat(dispatch.statusAt(at("2026-02-14T00:01"))).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(deadlines.get(CONTACT).warnAt()).isEqualTo(at("2026-02-14T16:00"));
        assertThat(visit("2026-02-13T17:30").get(DISPATCH).warnAt()).as("late visits are warned at once")
                .isEqualTo(at("2026-02-13T17:30"));
    }

    @Test
    void theOtherLimitsAreWarnedInTheirLastFifth() {
        // Feb 13 16:00 to Feb 28 00:00 is 344 hours; a fifth is 68.8 hours.
        assertThat(visit("2026-02-13T16:00").get(FIRST_ANSWER).warnAt()).isEqualTo(at("2026-02-25T03:12"));
    }

    @Test
    void aFullReplyMeetsTheFirstAnswerToo() {
        var deadlines = deadlines("lanshan-125", CaseHistory.none()
                .with(RECEIVED, at("2026-02-13T16:00"))
                .with(REPLIED, at("2026-02-26T10:00")));

        assertThat(deadlines.get(FIRST_ANSWER).statusAt(at("2026-03-01T00:00"))).isEqualTo(DeadlineStatus.MET);
        assertThat(deadlines.get(FINAL_ANSWER).statusAt(at("2026-03-01T00:00"))).isEqualTo(DeadlineStatus.MET);
    }

    private static Map<DeadlineKind, Deadline> visit(String localTime) {
        return deadlines("lanshan-125", CaseHistory.none().with(RECEIVED, at(localTime)));
    }
}
