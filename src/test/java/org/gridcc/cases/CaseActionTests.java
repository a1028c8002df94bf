package org.gridcc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridcc.sla.CaseEvent;
import org.gridcc.sla.DeadlineKind;
import org.gridcc.sla.RuleSet;
import org.gridcc.sla.RuleSets;
import org.junit.jupiter.api.Test;

/** The transition table against the closed loop and the 信访 steps as the sources describe them, written out by hand. */
class CaseActionTests {

    private static final RuleSet LUOPING = RuleSets.load("luoping");
    private static final RuleSet LANSHAN = RuleSets.load("lanshan-125");
    private static final RuleSet XINFANG = RuleSets.load("xinfang");
    private static final Set<DeadlineKind> OPEN_AT_INTAKE = Set.of(DeadlineKind.CLAIM, DeadlineKind.REPLY, DeadlineKind.FINISH);

    @Test
    void aNewCaseOfTheLocalRulesIsAcceptedRejectedOrDispatched() {
        assertThat(CaseAction.allowedIn(CaseStatus.RECEIVED, LUOPING, OPEN_AT_INTAKE))
                .containsExactly("accept", "reject", "dispatch", "supervise", "assign-leader", "merge", "keep-separate");
    }

    @Test
    void aNewPetitionIsAcceptedTransferredOrRejectedBeforeItIsDispatched() {
        Set<DeadlineKind> open = Set.of(DeadlineKind.ACCEPTANCE_DECISION);
        assertThat(CaseAction.allowedIn(CaseStatus.RECEIVED, XINFANG, open))
                .containsExactly("accept", "reject", "transfer", "supervise", "assign-leader", "merge", "keep-separate");
        assertThat(CaseAction.DISPATCH.refusal(CaseStatus.RECEIVED, XINFANG, open)).contains(CaseAction.Refusal.DECISION_FIRST);
        assertThat(CaseAction.DISPATCH.refusal(CaseStatus.ACCEPTED, XINFANG, Set.of(DeadlineKind.HANDLING))).isEmpty();
        assertThat(CaseAction.DISPATCH.refusal(CaseStatus.RECEIVED, LANSHAN, Set.of(DeadlineKind.DISPATCH)))
                .as("Lanshan's centre dispatches the day it receives").isEmpty();
        assertThat(CaseAction.allowedIn(CaseStatus.TRANSFERRED, XINFANG, Set.of(DeadlineKind.TRANSFER_NOTICE, DeadlineKind.TRANSFER_OBJECTION)))
                .containsExactly("accept", "object", "supervise", "assign-leader", "keep-separate");
    }

    @Test
    void onlyAnOpenHandlingDeadlineIsExtendedAndOnlyWhereTheRulesAllowIt() {
        assertThat(CaseAction.EXTEND.refusal(CaseStatus.ACCEPTED, XINFANG, Set.of(DeadlineKind.HANDLING))).isEmpty();
        assertThat(CaseAction.EXTEND.refusal(CaseStatus.ACCEPTED, XINFANG, Set.of(DeadlineKind.REVIEW_REQUEST)))
                .contains(CaseAction.Refusal.NOTHING_OPEN);
        assertThat(CaseAction.EXTEND.refusal(CaseStatus.DISPATCHED, LUOPING, Set.of(DeadlineKind.FINISH)))
                .contains(CaseAction.Refusal.NOT_ITS_RULES);
        assertThat(CaseAction.EXTEND.usedOn(DeadlineKind.HANDLING, XINFANG)).isTrue();
        assertThat(CaseAction.EXTEND.usedOn(DeadlineKind.ACCEPTANCE_DECISION, XINFANG)).isFalse();
        assertThat(CaseAction.EXTEND.usedOn(DeadlineKind.FINISH, LUOPING)).as("no extension in the rule set").isFalse();
    }

    @Test
    void theRegulationsStepsBelongToTheRuleSetsThatNameThem() {
        assertThat(CaseAction.TRANSFER.appliesTo(XINFANG)).isTrue();
        assertThat(CaseAction.TRANSFER.appliesTo(LUOPING)).isFalse();
        assertThat(CaseAction.TRANSFER.appliesTo(LANSHAN)).isFalse();
        assertThat(CaseAction.FIRST_ANSWER.appliesTo(LANSHAN)).as("Lanshan's 初步方案").isTrue();
        assertThat(CaseAction.FIRST_ANSWER.appliesTo(XINFANG)).isFalse();
        assertThat(CaseAction.REQUEST_REVIEW.appliesTo(XINFANG)).isTrue();
        assertThat(CaseAction.REQUEST_RE_REVIEW.appliesTo(LUOPING)).isFalse();
        assertThat(CaseAction.CLAIM.appliesTo(LUOPING)).as("the loop's own actions apply everywhere").isTrue();
        assertThat(CaseAction.CLAIM.appliesTo(XINFANG)).isTrue();
    }

    @Test
    void aRepliedPetitionMayBeReviewedThenReReviewed() {
        assertThat(CaseAction.allowedIn(CaseStatus.REPLIED, XINFANG, Set.of(DeadlineKind.REVIEW_REQUEST)))
                .containsExactly("request-review", "finish", "supervise", "assign-leader", "keep-separate");
        assertThat(CaseAction.allowedIn(CaseStatus.REPLIED, XINFANG, Set.of(DeadlineKind.RE_REVIEW_REQUEST)))
                .containsExactly("request-re-review", "finish", "supervise", "assign-leader", "keep-separate");
        assertThat(CaseAction.allowedIn(CaseStatus.REPLIED, XINFANG, Set.of())).as("after the re-review: nothing more to ask for")
                .containsExactly("finish", "supervise", "assign-leader", "keep-separate");
        assertThat(CaseAction.REQUEST_REVIEW.usedOn(DeadlineKind.REVIEW_REQUEST, XINFANG)).isTrue();
        assertThat(CaseAction.REQUEST_REVIEW.usedOn(DeadlineKind.RE_REVIEW_REQUEST, XINFANG)).isFalse();
        assertThat(CaseAction.allowedIn(CaseStatus.REVIEWING, XINFANG, Set.of(DeadlineKind.REVIEW_ANSWER)))
                .containsExactly("answer-review", "supervise", "assign-leader");
        assertThat(CaseAction.allowedIn(CaseStatus.RE_REVIEWING, XINFANG, Set.of(DeadlineKind.RE_REVIEW_ANSWER)))
                .containsExactly("answer-re-review", "supervise", "assign-leader");
        assertThat(CaseAction.ANSWER_REVIEW.to()).isEqualTo(CaseStatus.REPLIED);
        assertThat(CaseAction.REQUEST_RE_REVIEW.to()).isEqualTo(CaseStatus.RE_REVIEWING);
    }

    @Test
    void aClosedCaseAllowsNothingButArchivingARejection() {
        assertThat(CaseAction.allowedIn(CaseStatus.ARCHIVED, XINFANG, Set.of())).isEmpty();
        assertThat(CaseAction.allowedIn(CaseStatus.REJECTED, LUOPING, Set.of())).containsExactly("archive");
    }

    @Test
    void everyStateBeforeClosingMayBeSupervised() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(CaseAction.SUPERVISE.allowedFrom(status)).as(status.code()).isEqualTo(status.isOpen());
        }
    }

    @Test
    void eachEventCountsAsTheDeadlineEventTheRegulationsName() {
        assertThat(CaseAction.deadlineEventOf("RECEIVED")).contains(CaseEvent.RECEIVED);
        assertThat(CaseAction.deadlineEventOf("REOPENED")).contains(CaseEvent.REOPENED);
        assertThat(CaseAction.deadlineEventOf("REJECTED")).as("不予受理 disposes of a petition").contains(CaseEvent.DECLINED);
        assertThat(CaseAction.deadlineEventOf("TRANSFERRED")).contains(CaseEvent.TRANSFERRED);
        assertThat(CaseAction.deadlineEventOf("TRANSFER_OBJECTED")).contains(CaseEvent.TRANSFER_OBJECTED);
        assertThat(CaseAction.deadlineEventOf("FIRST_ANSWERED")).contains(CaseEvent.FIRST_ANSWERED);
        assertThat(CaseAction.deadlineEventOf("REVIEW_ANSWERED")).contains(CaseEvent.REVIEW_ANSWERED);
        assertThat(CaseAction.deadlineEventOf("EXTENDED")).contains(CaseEvent.EXTENDED);
        assertThat(CaseAction.deadlineEventOf("LEADER_ASSIGNED")).contains(CaseEvent.LEADER_ASSIGNED);
        assertThat(CaseAction.deadlineEventOf("SUPERVISED")).isEmpty();
        assertThat(CaseAction.deadlineEventOf("EVALUATED")).as("the rating itself meets nothing").isEmpty();
        assertThat(CaseAction.deadlineEventOf("OVERDUE")).isEmpty();
        assertThat(CaseAction.deadlineEventOf("GRID_CHANGED")).isEmpty();
    }

    @Test
    void actionsAreFoundByTheirPathsOnly() {
        assertThat(CaseAction.of("request-re-review")).contains(CaseAction.REQUEST_RE_REVIEW);
        assertThat(CaseAction.of("REQUEST_RE_REVIEW")).isEqualTo(Optional.empty());
        assertThat(Arrays.stream(CaseAction.values()).map(CaseAction::path).distinct().count()).isEqualTo(CaseAction.values().length);
        assertThat(Arrays.stream(CaseAction.values()).map(CaseAction::eventType).distinct().count()).isEqualTo(CaseAction.values().length);
    }

    @Test
    void statusesHaveOnePhaseEach() {
        assertThat(Arrays.stream(CaseStatus.values()).filter(s -> !s.isOpen())).containsExactlyInAnyOrder(CaseStatus.ARCHIVED, CaseStatus.REJECTED);
        assertThat(Arrays.stream(CaseStatus.values()).filter(CaseStatus::inHandling)).containsExactlyInAnyOrder(CaseStatus.DISPATCHED,
                CaseStatus.CLAIMED, CaseStatus.CONTACTED, CaseStatus.REPLIED, CaseStatus.REVIEWING, CaseStatus.RE_REVIEWING);
        assertThat(CaseStatus.RE_REVIEWING.code()).isEqualTo("re_reviewing");
        assertThat(CaseStatus.of("re_reviewing")).contains(CaseStatus.RE_REVIEWING);
        assertThat(CaseStatus.of("RE_REVIEWING")).isEmpty();
        assertThat(CaseStatus.open()).hasSize(CaseStatus.values().length - 2);
        assertThat(CaseStatus.RE_REVIEWING.label()).isEqualTo("复核中");
        assertThat(CaseStatus.TRANSFERRED.label()).isEqualTo("已转送");
        assertThat(CaseStatus.ofCode("claimed")).isEqualTo(CaseStatus.CLAIMED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CaseStatus.ofCode("lost")).hasMessageContaining("lost");
    }

    @Test
    void theSqlDefinitionIsWrittenFromTheEnum() {
        String sql = CaseStatusSql.definition();
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(sql).contains("WHEN '%s' THEN '%s'".formatted(status.code(), status.phase().code()));
        }
        assertThat(sql).contains("<> 'closed'");
        assertThat(List.of(sql.split("CREATE OR REPLACE FUNCTION"))).hasSize(3);
    }
}
