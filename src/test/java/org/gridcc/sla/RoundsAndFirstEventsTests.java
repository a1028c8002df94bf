package org.gridcc.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.sla.CaseEvent.ACCEPTED;
import static org.gridcc.sla.CaseEvent.CLAIMED;
import static org.gridcc.sla.CaseEvent.DISPATCHED;
import static org.gridcc.sla.CaseEvent.FINISHED;
import static org.gridcc.sla.CaseEvent.RECEIVED;
import static org.gridcc.sla.CaseEvent.REOPENED;
import static org.gridcc.sla.CaseEvent.REPLIED;
import static org.gridcc.sla.SlaFixtures.CALENDAR_2026;
import static org.gridcc.sla.SlaFixtures.at;
import static org.gridcc.sla.SlaFixtures.endOf;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rounds of handling, the first event that meets a deadline, the 包案 deadline and provisional deadlines. */
class RoundsAndFirstEventsTests {

    private static List<Deadline> deadlines(String ruleSet, CaseHistory history) {
        return DeadlineCalculator.deadlines(RuleSets.load(ruleSet), CALENDAR_2026, history);
    }

    private static Deadline find(List<Deadline> deadlines, int round, DeadlineKind kind) {
        return deadlines.stream().filter(d -> d.round() == round && d.kind() == kind).findFirst().orElseThrow();
    }

    private static final CaseHistory HANDLED = CaseHistory.none()
            .with(RECEIVED, at("2026-11-02T09:00"))
            .with(DISPATCHED, at("2026-11-02T10:00"))
            .with(CLAIMED, at("2026-11-02T11:00"))
            .with(REPLIED, at("2026-11-03T11:00"))
            .with(FINISHED, at("2026-11-04T11:00"));

    @Test
    void aReopeningStartsARoundCountedFromIt() {
        var all = deadlines("luoping", HANDLED.with(REOPENED, at("2026-11-10T15:00")));

        assertThat(all).hasSize(6);
        assertThat(find(all, 1, DeadlineKind.CLAIM).due()).isEqualTo(at("2026-11-11T15:00"));
        assertThat(find(all, 1, DeadlineKind.REPLY).due()).isEqualTo(at("2026-11-13T15:00"));
        assertThat(find(all, 1, DeadlineKind.FINISH).due()).isEqualTo(endOf("2026-11-17"));
        assertThat(all.stream().filter(d -> d.round() == 1)).allSatisfy(d -> assertThat(d.metAt()).isNull());
        assertThat(all.stream().filter(d -> d.round() == 0)).allSatisfy(d -> assertThat(d.metAt()).isNotNull());
    }

    @Test
    void aLaterEventOfTheSameKindMeetsOnlyItsOwnRound() {
        var all = deadlines("luoping", HANDLED.with(REOPENED, at("2026-11-10T15:00")).with(CLAIMED, at("2026-11-13T09:00")));

        assertThat(find(all, 0, DeadlineKind.CLAIM).metAt()).isEqualTo(at("2026-11-02T11:00"));
        assertThat(find(all, 0, DeadlineKind.CLAIM).statusAt(at("2026-11-20T00:00"))).isEqualTo(DeadlineStatus.MET);
        assertThat(find(all, 1, DeadlineKind.CLAIM).metAt()).isEqualTo(at("2026-11-13T09:00"));
        assertThat(find(all, 1, DeadlineKind.CLAIM).statusAt(at("2026-11-20T00:00"))).isEqualTo(DeadlineStatus.MET_LATE);
    }

    @Test
    void theFirstEventThatMeetsADeadlineMeetsIt() {
        var all = deadlines("luoping", CaseHistory.none()
                .with(RECEIVED, at("2026-11-02T09:00"))
                .with(CLAIMED, at("2026-11-02T10:00"))
                .with(CLAIMED, at("2026-11-05T10:00")));

        assertThat(find(all, 0, DeadlineKind.CLAIM).metAt()).isEqualTo(at("2026-11-02T10:00"));
    }

    @Test
    void aReopenedPetitionIsHandledAgainWithinSixtyDaysFromTheReopening() {
        var all = deadlines("xinfang", CaseHistory.none()
                .with(RECEIVED, at("2026-09-01T09:00"))
                .with(ACCEPTED, at("2026-09-02T09:00"))
                .with(REPLIED, at("2026-09-20T09:00"))
                .with(REOPENED, at("2026-10-12T09:00")));

        assertThat(find(all, 1, DeadlineKind.ACCEPTANCE_DECISION).metAt()).as("a reopening stands for the acceptance")
                .isEqualTo(at("2026-10-12T09:00"));
        assertThat(find(all, 1, DeadlineKind.HANDLING).due()).as("Oct 12 + 60 = Fri Dec 11").isEqualTo(endOf("2026-12-11"));
        assertThat(find(all, 1, DeadlineKind.HANDLING).metAt()).isNull();
    }

    @Test
    void aLeadersDateIsADeadlineMetWhenTheCaseIsFinished() {
        var beforeFinishing = CaseHistory.none().with(RECEIVED, at("2026-11-02T09:00"))
                .ledUntil(LocalDate.parse("2026-11-20"), at("2026-11-03T12:00"));
        Deadline lead = find(deadlines("luoping", beforeFinishing), 0, DeadlineKind.CASE_LEAD);
        assertThat(lead.due()).isEqualTo(endOf("2026-11-20"));
        assertThat(lead.metAt()).isNull();
        assertThat(find(deadlines("luoping", beforeFinishing.with(FINISHED, at("2026-11-19T10:00"))), 0, DeadlineKind.CASE_LEAD).metAt())
                .isEqualTo(at("2026-11-19T10:00"));
    }

    @Test
    void deadlinesCountedOverAYearWithoutItsCalendarAreProvisional() {
        var accepted = deadlines("xinfang", CaseHistory.none().with(RECEIVED, at("2026-12-01T09:00")).with(ACCEPTED, at("2026-12-02T09:00")));
        assertThat(find(accepted, 0, DeadlineKind.ACCEPTANCE_DECISION).provisional()).as("Dec 16, 2026 is loaded").isFalse();
        assertThat(find(accepted, 0, DeadlineKind.HANDLING).provisional()).as("Jan 31, 2027 is not").isTrue();
        var hours = deadlines("luoping", CaseHistory.none().with(RECEIVED, at("2026-12-31T20:00")));
        assertThat(hours).as("hours and unmoved natural days need no calendar").allSatisfy(d -> assertThat(d.provisional()).isFalse());
        var workingDays = deadlines("lanshan-125", CaseHistory.none().with(RECEIVED, at("2026-12-28T10:00")));
        assertThat(find(workingDays, 0, DeadlineKind.FIRST_ANSWER).provisional()).as("five working days into 2027").isTrue();
        assertThat(find(workingDays, 0, DeadlineKind.DISPATCH).provisional()).isFalse();
    }
}
