package org.gridcc.grid;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
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

    public static Optional<GridLevel> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
