package org.gridcc.grid;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The nested levels of the grid (一张网), coarsest first; each geographic level tiles its
 * parent. Special grids (专属网格: schools, offices, companies) sit inside a village beside
 * the geographic levels.
 */
public enum GridLevel {
    COUNTY("county", "县/区"),
    TOWNSHIP("township", "乡镇/街道"),
    VILLAGE("village", "村/社区"),
    GROUP("group", "村民小组"),
    BASE("base", "网格"),
    SPECIAL("special", "专属网格");

    private final String code;
    private final String chinese;

    GridLevel(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    /** The word stored in the database and used in the API. */
    @JsonValue
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    /** The level a grid of this level sits in; none for the county. Special grids sit in a village. */
    public Optional<GridLevel> parent() {
        return switch (this) {
            case COUNTY -> Optional.empty();
            case SPECIAL -> Optional.of(VILLAGE);
            default -> Optional.of(values()[ordinal() - 1]);
        };
    }

    /** The levels whose grids sit directly in a grid of this level. */
    public List<GridLevel> children() {
        return Arrays.stream(values()).filter(l -> l.parent().orElse(null) == this).toList();
    }

    /** Digits of a code at this level: the county's 6, then 3 per level down (a special grid's as a group's). */
    public int codeLength() {
        return 6 + 3 * parentCount();
    }

    private int parentCount() {
        return parent().map(p -> 1 + p.parentCount()).orElse(0);
    }

    public static Optional<GridLevel> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
