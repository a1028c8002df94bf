package org.gridcc.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a case stands in the closed loop, and the one definition of open, in handling and closed:
 * Java reads {@link #phase()}, SQL calls {@code case_phase(status)} and {@code case_open(status)},
 * which {@link CaseStatusSql} writes from this enum at every start.
 */
public enum CaseStatus {
    RECEIVED("已登记", Phase.INTAKE),
    ACCEPTED("已受理", Phase.INTAKE),
    /** 转送: with the body that has authority over the petition, which accepts it or objects. */
    TRANSFERRED("已转送", Phase.INTAKE),
    DISPATCHED("已交办", Phase.HANDLING),
    CLAIMED("已签收", Phase.HANDLING),
    CONTACTED("已联系当事人", Phase.HANDLING),
    REPLIED("已答复", Phase.HANDLING),
    /** 复查: the body above the one that replied reviews the reply. */
    REVIEWING("复查中", Phase.HANDLING),
    /** 复核: the body above the reviewing one re-reviews the review opinion. */
    RE_REVIEWING("复核中", Phase.HANDLING),
    FINISHED("已办结", Phase.HANDLED),
    EVALUATED("已回访评价", Phase.HANDLED),
    ARCHIVED("已归档", Phase.CLOSED),
    REJECTED("不予受理", Phase.CLOSED);

    /** The phases: taken in and not yet with a handling unit, being handled, handled and followed up, closed. */
    public enum Phase {
        INTAKE, HANDLING, HANDLED, CLOSED;

        public String code() {
            return name().toLowerCase();
        }
    }

    private final String label;
    private final Phase phase;

    CaseStatus(String label, Phase phase) {
        this.label = label;
        this.phase = phase;
    }

    /** As the API and the database write it: {@code re_reviewing}. */
    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    /** The centre's word for it (状态). */
    public String label() {
        return label;
    }

    public Phase phase() {
        return phase;
    }

    /** Open: somebody still owes the case something (everything but archived and rejected). */
    public boolean isOpen() {
        return phase != Phase.CLOSED;
    }

    public boolean inHandling() {
        return phase == Phase.HANDLING;
    }

    public static Optional<CaseStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    public static CaseStatus ofCode(String code) {
        return of(code).orElseThrow(() -> new IllegalStateException("no case status " + code));
    }

    /** The states that are not closed. */
    public static Set<CaseStatus> open() {
        EnumSet<CaseStatus> open = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus s : values()) if (s.isOpen()) open.add(s);
        return open;
    }
}
