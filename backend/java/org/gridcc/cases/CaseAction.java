package org.gridcc.cases;

import static org.gridcc.cases.CaseStatus.ACCEPTED;
import static org.gridcc.cases.CaseStatus.ARCHIVED;
import static org.gridcc.cases.CaseStatus.CLAIMED;
import static org.gridcc.cases.CaseStatus.CONTACTED;
import static org.gridcc.cases.CaseStatus.DISPATCHED;
import static org.gridcc.cases.CaseStatus.EVALUATED;
import static org.gridcc.cases.CaseStatus.FINISHED;
import static org.gridcc.cases.CaseStatus.REJECTED;
import static org.gridcc.cases.CaseStatus.REPLIED;
import static org.gridcc.cases.CaseStatus.RE_REVIEWING;
import static org.gridcc.cases.CaseStatus.RECEIVED;
import static org.gridcc.cases.CaseStatus.REVIEWING;
import static org.gridcc.cases.CaseStatus.TRANSFERRED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridcc.sla.CaseEvent;
import org.gridcc.sla.DeadlineKind;
import org.gridcc.sla.RuleSet;

/**
 * The closed loop (受理 → 分流 → 处置 → 反馈 → 评价 → 归档) with the 信访 steps (转送, 异议, 复查, 复核)
 * as data: each action, the states it may be taken from, the state it leads to (null: the state
 * stays), the event it writes and the deadline event it counts as. An action marked for its rule
 * set is offered only where the case's rule set names its deadline event (转送 and 复查 are
 * steps of the 信访工作条例, 初步方案 of Lanshan's 125).
 */
public enum CaseAction {
    ACCEPT("accept", "受理", states(RECEIVED, TRANSFERRED), ACCEPTED, "ACCEPTED", CaseEvent.ACCEPTED, false),
    REJECT("reject", "不予受理", states(RECEIVED), REJECTED, "REJECTED", CaseEvent.DECLINED, false),
    TRANSFER("transfer", "转送", states(RECEIVED), TRANSFERRED, "TRANSFERRED", CaseEvent.TRANSFERRED, true),
    OBJECT("object", "转送异议", states(TRANSFERRED), RECEIVED, "TRANSFER_OBJECTED", CaseEvent.TRANSFER_OBJECTED, true),
    DISPATCH("dispatch", "派单", states(RECEIVED, ACCEPTED), DISPATCHED, "DISPATCHED", CaseEvent.DISPATCHED, false),
    CLAIM("claim", "签收", states(DISPATCHED), CLAIMED, "CLAIMED", CaseEvent.CLAIMED, false),
    RETURN("return", "退回", states(DISPATCHED, CLAIMED), ACCEPTED, "RETURNED", null, false),
    ESCALATE("escalate", "上报", states(DISPATCHED, CLAIMED, CONTACTED), DISPATCHED, "ESCALATED", null, false),
    CONTACT("contact", "联系", states(CLAIMED), CONTACTED, "CONTACTED", CaseEvent.CONTACTED, false),
    FIRST_ANSWER("first-answer", "初步方案", states(CLAIMED, CONTACTED), null, "FIRST_ANSWERED", CaseEvent.FIRST_ANSWERED, true),
    REPLY("reply", "答复", states(CLAIMED, CONTACTED), REPLIED, "REPLIED", CaseEvent.REPLIED, false),
    REQUEST_REVIEW("request-review", "申请复查", states(REPLIED, FINISHED, EVALUATED), REVIEWING, "REVIEW_REQUESTED",
            CaseEvent.REVIEW_REQUESTED, true),
    ANSWER_REVIEW("answer-review", "复查意见", states(REVIEWING), REPLIED, "REVIEW_ANSWERED", CaseEvent.REVIEW_ANSWERED, true),
    REQUEST_RE_REVIEW("request-re-review", "申请复核", states(REPLIED, FINISHED, EVALUATED), RE_REVIEWING, "RE_REVIEW_REQUESTED",
            CaseEvent.RE_REVIEW_REQUESTED, true),
    ANSWER_RE_REVIEW("answer-re-review", "复核意见", states(RE_REVIEWING), REPLIED, "RE_REVIEW_ANSWERED", CaseEvent.RE_REVIEW_ANSWERED, true),
    FINISH("finish", "办结", states(REPLIED), FINISHED, "FINISHED", CaseEvent.FINISHED, false),
    /** 不满意 reopens the case instead: back to its unit, dispatched, with a REOPENED event after this one. */
    EVALUATE("evaluate", "评价", states(FINISHED), EVALUATED, "EVALUATED", null, false),
    ARCHIVE("archive", "归档", states(EVALUATED, REJECTED), ARCHIVED, "ARCHIVED", null, false),
    SUPERVISE("supervise", "督办", openStates(), null, "SUPERVISED", null, false),
    ASSIGN_LEADER("assign-leader", "领导包案", states(RECEIVED, ACCEPTED, TRANSFERRED, DISPATCHED, CLAIMED, CONTACTED, REPLIED, REVIEWING,
            RE_REVIEWING), null, "LEADER_ASSIGNED", CaseEvent.LEADER_ASSIGNED, false),
    EXTEND("extend", "延期", states(ACCEPTED, DISPATCHED, CLAIMED, CONTACTED), null, "EXTENDED", CaseEvent.EXTENDED, true),
    /** 调解 of a dispute: the mediator picked from the pool (点菜), the kind, the outcome; the state stays. */
    MEDIATE("mediate", "调解", states(ACCEPTED, DISPATCHED, CLAIMED, CONTACTED), null, "MEDIATED", null, false),
    MERGE("merge", "合并", states(RECEIVED, ACCEPTED, DISPATCHED), ARCHIVED, "MERGED", null, false),
    KEEP_SEPARATE("keep-separate", "不予合并", states(RECEIVED, ACCEPTED, TRANSFERRED, DISPATCHED, CLAIMED, CONTACTED, REPLIED), null,
            "KEPT_SEPARATE", null, false);

    /** The event a reopening writes, after the unsatisfied rating (不满意重办). */
    public static final String REOPENED = "REOPENED";
    /** The event of a case taken in. */
    public static final String RECEIVED_EVENT = "RECEIVED";
    /** Where a reopened case stands: back with the unit that handled it, dispatched. */
    public static final CaseStatus REOPENED_STATUS = DISPATCHED;

    private final String path;
    private final String label;
    private final Set<CaseStatus> from;
    private final CaseStatus to;
    private final String eventType;
    private final CaseEvent deadlineEvent;
    private final boolean forItsRuleSet;

    CaseAction(String path, String label, Set<CaseStatus> from, CaseStatus to, String eventType, CaseEvent deadlineEvent,
               boolean forItsRuleSet) {
        this.path = path;
        this.label = label;
        this.from = from;
        this.to = to;
        this.eventType = eventType;
        this.deadlineEvent = deadlineEvent;
        this.forItsRuleSet = forItsRuleSet;
    }

    public String path() {
        return path;
    }

    /** The action's name on the pages (受理, 派单, ...). */
    public String label() {
        return label;
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    /** Whether the action belongs to a case of this rule set: the 信访 steps to the rule sets that name them. */
    public boolean appliesTo(RuleSet rules) {
        return !forItsRuleSet || rules.names(deadlineEvent);
    }

    /** Why the action cannot be taken now. */
    public enum Refusal {
        /** Not a step of the case's rule set (转送 under Luoping's rule). */
        NOT_ITS_RULES,
        /** Not from the case's state. */
        NOT_IN_THIS_STATE,
        /** 信访: the petition is first accepted or transferred (第22条), then dispatched. */
        DECISION_FIRST,
        /** A petitioner's right (复查, 复核) or an extension with no open deadline to use it on. */
        NOTHING_OPEN
    }

    /**
     * Why the action cannot be taken on a case of these rules in this state whose open (unmet)
     * deadlines are of these kinds; empty when it can (its body and holder are checked apart).
     */
    public Optional<Refusal> refusal(CaseStatus status, RuleSet rules, Set<DeadlineKind> open) {
        if (!appliesTo(rules)) return Optional.of(Refusal.NOT_ITS_RULES);
        if (!allowedFrom(status)) return Optional.of(Refusal.NOT_IN_THIS_STATE);
        if (this == DISPATCH && status == RECEIVED && decisionFirst(rules)) return Optional.of(Refusal.DECISION_FIRST);
        if (usesAnOpenDeadline() && open.stream().noneMatch(kind -> usedOn(kind, rules))) return Optional.of(Refusal.NOTHING_OPEN);
        return Optional.empty();
    }

    /** Taken only by the unit holding the case, which names itself (签收, 联系, 初步方案, 答复, 办结). */
    public boolean byTheHolder() {
        return this == CLAIM || this == CONTACT || this == FIRST_ANSWER || this == REPLY || this == FINISH;
    }

    /** A right of the petitioner, or an extension: taken on an open deadline. */
    private boolean usesAnOpenDeadline() {
        return this == REQUEST_REVIEW || this == REQUEST_RE_REVIEW || this == EXTEND;
    }

    /** Whether the action is taken on a deadline of this kind: the right it meets, or the deadline an extension moves. */
    public boolean usedOn(DeadlineKind kind, RuleSet rules) {
        if (this == EXTEND) return rules.extension() != null && rules.extension().kind() == kind;
        return rules.rule(kind).map(rule -> rule.metBy().contains(deadlineEvent)).orElse(false);
    }

    /** Whether the rules have a disposal decision (accept, transfer or decline) counted from receipt, made before dispatch. */
    private static boolean decisionFirst(RuleSet rules) {
        return rules.kinds().stream().anyMatch(rule -> rule.from() == CaseEvent.RECEIVED && rule.metBy().contains(CaseEvent.ACCEPTED));
    }

    /** The state after the action; null when it leaves the state as it is. */
    public CaseStatus to() {
        return to;
    }

    public String eventType() {
        return eventType;
    }

    public Optional<CaseEvent> deadlineEvent() {
        return Optional.ofNullable(deadlineEvent);
    }

    public static Optional<CaseAction> of(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }

    /** The actions a case of these rules allows in this state with these open deadlines, by their path names. */
    public static List<String> allowedIn(CaseStatus status, RuleSet rules, Set<DeadlineKind> open) {
        return Arrays.stream(values()).filter(a -> a.refusal(status, rules, open).isEmpty()).map(CaseAction::path).toList();
    }

    /** The state a case is in after a history entry of this type, for the entries that change it (its intake, the actions that lead somewhere, a reopening). */
    public static Map<String, CaseStatus> statesReached() {
        var reached = new HashMap<String, CaseStatus>();
        reached.put(RECEIVED_EVENT, RECEIVED);
        for (CaseAction action : values()) {
            if (action.to != null) reached.put(action.eventType, action.to);
        }
        reached.put(REOPENED, REOPENED_STATUS);
        return Map.copyOf(reached);
    }

    /** The deadline event that a history entry of this type counts as, if any. */
    public static Optional<CaseEvent> deadlineEventOf(String eventType) {
        if (eventType.equals(RECEIVED_EVENT)) return Optional.of(CaseEvent.RECEIVED);
        if (eventType.equals(REOPENED)) return Optional.of(CaseEvent.REOPENED);
        return Arrays.stream(values()).filter(a -> a.eventType.equals(eventType)).findFirst().flatMap(CaseAction::deadlineEvent);
    }

    private static Set<CaseStatus> states(CaseStatus first, CaseStatus... rest) {
        return Set.copyOf(EnumSet.of(first, rest));
    }

    private static Set<CaseStatus> openStates() {
        return Set.copyOf(CaseStatus.open());
    }
}
