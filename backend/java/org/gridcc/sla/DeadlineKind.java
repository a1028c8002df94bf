package org.gridcc.sla;

/**
 * What a deadline is for. Most are duties of a unit; an {@linkplain #isOption() option} is a time
 * limit on a right someone may use, and letting it pass closes the right without anybody being late.
 */
public enum DeadlineKind {
    /** Luoping: a unit claims the case (认领; the 签收 action meets it). */
    CLAIM("签收", false),
    /** Luoping: the unit answers the resident (答复). */
    REPLY("答复", false),
    /** Luoping: the case is finished (办结). */
    FINISH("办结", false),
    /** Lanshan 125: the centre dispatches the petition to the responsible unit (当天下达指令). */
    DISPATCH("派单", false),
    /** Lanshan 125: the responsible unit meets the petitioner (次日见面). */
    CONTACT("见面", false),
    /** Lanshan 125: a first solution or answer (初步解决方案或答复意见). */
    FIRST_ANSWER("初步方案", false),
    /** Lanshan 125: the answer, also for complex matters (答复时限). */
    FINAL_ANSWER("答复时限", false),
    /** 信访: the petitions office registers and disposes of the petition: accept, transfer or decline. */
    ACCEPTANCE_DECISION("受理决定", false),
    /** 信访: a body that received a transferred petition tells the petitioner it has it. */
    TRANSFER_NOTICE("转送告知", false),
    /** 信访: a body that received a transferred petition may object that it is not its matter. */
    TRANSFER_OBJECTION("转送异议期", true),
    /** 信访: the accepted petition is handled and answered (办结); the one that may be extended. */
    HANDLING("办理", false),
    /** 信访: the petitioner may ask for a review (复查) of the reply. */
    REVIEW_REQUEST("复查申请期", true),
    /** 信访: the review opinion is given. */
    REVIEW_ANSWER("复查", false),
    /** 信访: the petitioner may ask for a re-review (复核) of the review opinion. */
    RE_REVIEW_REQUEST("复核申请期", true),
    /** 信访: the re-review opinion is given. */
    RE_REVIEW_ANSWER("复核", false),
    /** 领导包案: the case is finished by the date the lead leader set (定办结时限); in no rule set, set per case. */
    CASE_LEAD("包案时限", false);

    private final String label;
    private final boolean option;

    DeadlineKind(String label, boolean option) {
        this.label = label;
        this.option = option;
    }

    /** The deadline's name on the pages: the step it waits for (签收, 答复, 办结, 受理决定 ...). */
    public String label() {
        return label;
    }

    /** True when the limit is on a right that may be used, not on a duty that must be done. */
    public boolean isOption() {
        return option;
    }
}
