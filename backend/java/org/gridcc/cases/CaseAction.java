package org.gridcc.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridcc.sla.CaseEvent;

/**
 * The closed loop (受理 → 分流 → 处置 → 反馈 → 评价 → 归档) as data: each action, the states it
 * may be taken from, the state it leads to (null: the state stays), the event it writes and the
 * deadline event it counts as.
 */
public enum CaseAction {
    ACCEPT("accept", states("received"), "accepted", "ACCEPTED", CaseEvent.ACCEPTED),
    REJECT("reject", states("received"), "rejected", "REJECTED", CaseEvent.DECLINED),
    DISPATCH("dispatch", states("received", "accepted"), "dispatched", "DISPATCHED", CaseEvent.DISPATCHED),
    CLAIM("claim", states("dispatched"), "claimed", "CLAIMED", CaseEvent.CLAIMED),
    RETURN("return", states("dispatched", "claimed"), "accepted", "RETURNED", null),
    ESCALATE("escalate", states("dispatched", "claimed", "contacted"), "dispatched", "ESCALATED", null),
    CONTACT("contact", states("claimed"), "contacted", "CONTACTED", CaseEvent.CONTACTED),
    REPLY("reply", states("claimed", "contacted"), "replied", "REPLIED", CaseEvent.REPLIED),
    FINISH("finish", states("replied"), "finished", "FINISHED", CaseEvent.FINISHED),
    EVALUATE("evaluate", states("finished"), "evaluated", "EVALUATED", null),
    ARCHIVE("archive", states("evaluated", "rejected"), "archived", "ARCHIVED", null),
    SUPERVISE("supervise", states("received", "accepted", "dispatched", "claimed", "contacted", "replied", "finished"), null,
            "SUPERVISED", null),
    ASSIGN_LEADER("assign-leader", states("received", "accepted", "dispatched", "claimed", "contacted", "replied"), null,
            "LEADER_ASSIGNED", null),
    EXTEND("extend", states("accepted", "dispatched", "claimed", "contacted"), null, "EXTENDED", null),
    MERGE("merge", states("received", "accepted", "dispatched"), "archived", "MERGED", null),
    KEEP_SEPARATE("keep-separate", states("received", "accepted", "dispatched", "claimed", "contacted", "replied"), null,
            "KEPT_SEPARATE", null);

    /** The states in which a case needs nobody any more. */
    public static final List<String> CLOSED_STATES = List.of("archived", "rejected");
    public static boolean isClosed(String status) {
        return CLOSED_STATES.contains(status);
    }

    /** The same, as an SQL list for the queries of this package. */
    static final String CLOSED_STATES_SQL = "('" + String.join("', '", CLOSED_STATES) + "')";

    private final String path;
    private final Set<String> from;
    private final String to;
    private final String eventType;
    private final CaseEvent deadlineEvent;

    CaseAction(String path, Set<String> from, String to, String eventType, CaseEvent deadlineEvent) {
        this.path = path;
        this.from = from;
        this.to = to;
        this.eventType = eventType;
        this.deadlineEvent = deadlineEvent;
    }

    public String path() {
        return path;
    }

    public boolean allowedFrom(String status) {
        return from.contains(status);
    }

    /** The state after the action; null when it leaves the state as it is. */
    public String to() {
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

    /** The actions a case in this state allows, by their path names. */
    public static List<String> allowedIn(String status) {
        return Arrays.stream(values()).filter(a -> a.allowedFrom(status)).map(CaseAction::path).toList();
    }

    /** The case event type that a history entry of this type counts as for deadlines, if any. */
    public static Optional<CaseEvent> deadlineEventOf(String eventType) {
        if (eventType.equals("RECEIVED")) return Optional.of(CaseEvent.RECEIVED);
        return Arrays.stream(values()).filter(a -> a.eventType.equals(eventType)).findFirst().flatMap(CaseAction::deadlineEvent);
    }

    private static Set<String> states(String... names) {
        return Set.copyOf(List.of(names));
    }
}
