package org.gridcc.sla;

/** The events of a case that start or meet a deadline. */
public enum CaseEvent {
    /** The centre took the case in (接访 / 登记): walk-in, hotline, letter, grid worker, online. */
    RECEIVED,
    /** The centre sent the case to the unit that must handle it (派单 / 交办). */
    DISPATCHED,
    /** A unit took the case on (接单 / 认领). */
    CLAIMED,
    /** The responsible unit met or reached the petitioner (见面了解情况). */
    CONTACTED,
    /** The unit gave a first solution or answer (初步解决方案或答复意见). */
    FIRST_ANSWERED,
    /** The unit gave its reply (答复 / 处理意见书); it counts from here for a review. */
    REPLIED,
    /** The case is finished (办结). */
    FINISHED,
    /** A petition was accepted for handling (受理). */
    ACCEPTED,
    /** A petition was not accepted, and the petitioner told where to go instead (不予受理 / 告知). */
    DECLINED,
    /** A petition was transferred to the body with authority over it (转送 / 交办). */
    TRANSFERRED,
    /** The body that received a transferred petition objected that it is not its matter (提出异议). */
    TRANSFER_OBJECTED,
    /** The petitioner asked for a review of the reply (请求复查). */
    REVIEW_REQUESTED,
    /** The review opinion was given (复查意见). */
    REVIEW_ANSWERED,
    /** The petitioner asked for a re-review of the review opinion (请求复核). */
    RE_REVIEW_REQUESTED,
    /** The re-review opinion was given (复核意见); the same facts are not accepted again. */
    RE_REVIEW_ANSWERED,
    /**
     * The resident was not satisfied and the case went back to its unit (不满意重办): a new round of
     * handling, in which this event stands for the case's receipt, acceptance and dispatch.
     */
    REOPENED,
    /** A deadline was extended; carries the days granted. */
    EXTENDED,
    /** A lead leader took the case on (领导包案) with the date it must be finished by. */
    LEADER_ASSIGNED
}
