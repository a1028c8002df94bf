package org.gridcc.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.sla.CaseEvent.ACCEPTED;
import static org.gridcc.sla.CaseEvent.RECEIVED;
import static org.gridcc.sla.CaseEvent.RE_REVIEW_REQUESTED;
import static org.gridcc.sla.CaseEvent.REPLIED;
import static org.gridcc.sla.CaseEvent.REVIEW_ANSWERED;
import static org.gridcc.sla.CaseEvent.REVIEW_REQUESTED;
import static org.gridcc.sla.CaseEvent.TRANSFERRED;
import static org.gridcc.sla.DeadlineKind.ACCEPTANCE_DECISION;
import static org.gridcc.sla.DeadlineKind.HANDLING;
import static org.gridcc.sla.DeadlineKind.RE_REVIEW_ANSWER;
import static org.gridcc.sla.DeadlineKind.RE_REVIEW_REQUEST;
import static org.gridcc.sla.DeadlineKind.REVIEW_ANSWER;
import static org.gridcc.sla.DeadlineKind.REVIEW_REQUEST;
import static org.gridcc.sla.DeadlineKind.TRANSFER_NOTICE;
import static org.gridcc.sla.DeadlineKind.TRANSFER_OBJECTION;
import static org.gridcc.sla.SlaFixtures.at;
import static org.gridcc.sla.SlaFixtures.deadlines;
import static org.gridcc.sla.SlaFixtures.endOf;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 信访工作条例: natural days, the last day moved off holidays and rest days to the next working day. */
class XinfangDeadlinesTests {

    @Test
    void theAcceptanceDecisionIsDueFifteenDaysAfterReceipt() {
        assertThat(due(ACCEPTANCE_DECISION, RECEIVED, "2026-03-05T10:00")).as("Fri Mar 20").isEqualTo(endOf("2026-03-20"));
        assertThat(due(ACCEPTANCE_DECISION, RECEIVED, "2026-03-06T10:00")).as("Sat Mar 21 -> Mon").isEqualTo(endOf("2026-03-23"));
        assertThat(due(ACCEPTANCE_DECISION, RECEIVED, "2026-01-30T10:00")).as("swapped Sat Feb 14 stays").isEqualTo(endOf("2026-02-14"));
        assertThat(due(ACCEPTANCE_DECISION, RECEIVED, "2026-02-01T10:00")).as("Feb 16 in Spring Festival").isEqualTo(endOf("2026-02-24"));
        assertThat(due(ACCEPTANCE_DECISION, RECEIVED, "2026-09-16T10:00")).as("Oct 1, National Day").isEqualTo(endOf("2026-10-08"));
    }

    @Test
    void onlyTheDeadlinesWhoseStartHasHappenedApply() {
        var deadlines = deadlines("xinfang", CaseHistory.none().with(RECEIVED, at("2026-09-16T10:00")));

        assertThat(deadlines).containsOnlyKeys(ACCEPTANCE_DECISION);
        assertThat(deadlines.get(ACCEPTANCE_DECISION).statusAt(at("2026-10-05T00:00"))).isEqualTo(DeadlineStatus.WARNED);
    }

    @Test
    void aTransferredPetitionIsNoticedInFifteenDaysAndObjectedToInFiveWorkingDays() {
        var deadlines = deadlines("xinfang", CaseHistory.none()
                .with(RECEIVED, at("2026-09-21T09:00"))
                .with(TRANSFERRED, at("2026-09-28T15:00")));

        assertThat(deadlines.get(ACCEPTANCE_DECISION).metAt()).isEqualTo(at("2026-09-28T15:00"));
        assertThat(deadlines.get(TRANSFER_NOTICE).due()).isEqualTo(endOf("2026-10-13"));
        assertThat(deadlines.get(TRANSFER_OBJECTION).due()).as("Sep 29, 30, Oct 8, 9, swapped Sat 10").isEqualTo(endOf("2026-10-10"));
        assertThat(deadlines.get(TRANSFER_OBJECTION).statusAt(at("2026-10-12T09:00"))).as("an option lapses")
                .isEqualTo(DeadlineStatus.LAPSED);
    }

    @Test
    void handlingTakesSixtyDaysFromAcceptance() {
        assertThat(due(HANDLING, ACCEPTED, "2026-09-30T10:00")).as("Sun Nov 29 -> Mon").isEqualTo(endOf("2026-11-30"));
        assertThat(due(HANDLING, ACCEPTED, "2025-12-18T10:00")).as("Feb 16 in Spring Festival").isEqualTo(endOf("2026-02-24"));
    }

    @Test
    void anExtensionMovesHandlingOnFromTheOriginalLastDay() {
        var accepted = CaseHistory.none().with(ACCEPTED, at("2026-09-30T10:00"));
        assertThat(deadlines("xinfang", accepted.extendedBy(30)).get(HANDLING).due()).isEqualTo(endOf("2026-12-30"));

        var overSpringFestival = CaseHistory.none().with(ACCEPTED, at("2025-12-18T10:00"));
        assertThat(deadlines("xinfang", overSpringFestival.extendedBy(8)).get(HANDLING).due()).as("Feb 24 + 8")
                .isEqualTo(endOf("2026-03-04"));
        assertThat(deadlines("xinfang", overSpringFestival.extendedBy(4)).get(HANDLING).due()).as("swapped Sat Feb 28")
                .isEqualTo(endOf("2026-02-28"));
    }

    @Test
    void anExtensionMovesOnlyHandling() {
        var deadlines = deadlines("xinfang", CaseHistory.none()
                .with(RECEIVED, at("2026-09-16T10:00"))
                .with(ACCEPTED, at("2026-09-30T10:00"))
                .extendedBy(30));

        assertThat(deadlines.get(ACCEPTANCE_DECISION).due()).isEqualTo(endOf("2026-10-08"));
    }

    @Test
    void reviewAndReReviewAreRequestedAndAnsweredWithinThirtyDaysEach() {
        assertThat(due(REVIEW_REQUEST, REPLIED, "2026-02-05T10:00")).as("Sat Mar 7 -> Mon").isEqualTo(endOf("2026-03-09"));
        assertThat(due(REVIEW_ANSWER, REVIEW_REQUESTED, "2026-09-01T10:00")).as("Oct 1 -> Oct 8").isEqualTo(endOf("2026-10-08"));
        assertThat(due(RE_REVIEW_REQUEST, REVIEW_ANSWERED, "2026-09-10T10:00")).as("swapped Sat Oct 10 stays")
                .isEqualTo(endOf("2026-10-10"));
        assertThat(due(RE_REVIEW_ANSWER, RE_REVIEW_REQUESTED, "2026-09-20T10:00")).isEqualTo(endOf("2026-10-20"));
    }

    @Test
    void aReviewNotAskedForInTimeLapsesButAnUnansweredOneIsOverdue() {
        var deadlines = deadlines("xinfang", CaseHistory.none()
                .with(REPLIED, at("2026-02-05T10:00"))
                .with(REVIEW_REQUESTED, at("2026-09-01T10:00")));

        assertThat(deadlines.get(REVIEW_REQUEST).statusAt(at("2026-03-10T09:00"))).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(deadlines.get(REVIEW_ANSWER).statusAt(at("2026-10-09T09:00"))).isEqualTo(DeadlineStatus.OVERDUE);
    }

    private static Instant due(DeadlineKind kind, CaseEvent start, String localTime) {
        return deadlines("xinfang", CaseHistory.none().with(start, at(localTime))).get(kind).due();
    }
}
