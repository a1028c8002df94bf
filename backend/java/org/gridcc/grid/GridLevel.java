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
    // The zooms: a map shows one geographic level at a time, from its minZoom (its polygons are
    // then big enough to read) up to the next one's; the vector tiles carry a level from tilesFrom,
    // villages a zoom early so that a small wall can choose them where the data shows they fit.
    COUNTY("county", "县/区", "county", 0, 0, 6),
    TOWNSHIP("township", "乡镇/街道", "township", 6, 6, 9),
    VILLAGE("village", "村/社区", "village", 8, 9, 12),
    GROUP("group", "村民小组", "group", 12, 12, 13),
    BASE("base", "网格", "base grid", 13, 13, 24),
    SPECIAL("special", "专属网格", "special", 14, 14, 24);

    private final String code;
    private final String chinese;
    private final String english;
    private final int tilesFrom;
    private final int minZoom;
    private final int maxZoom;

    GridLevel(String code, String chinese, String english, int tilesFrom, int minZoom, int maxZoom) {
        this.code = code;
        this.chinese = chinese;
        this.english = english;
        this.tilesFrom = tilesFrom;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
    }

    /** The word stored in the database and used in the API. */
    @JsonValue
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The zoom from which the vector tiles carry this level's grids. */
    public int tilesFrom() {
        return tilesFrom;
    }

    /** The zoom from which a map shows this level. */
    public int minZoom() {
        return minZoom;
    }

    /** The zoom from which a map shows the next level instead (special grids are drawn over base grids). */
    public int maxZoom() {
        return maxZoom;
    }

    /** The levels the tiles of a zoom carry. */
    public static List<GridLevel> carriedAt(int zoom) {
        return Arrays.stream(values()).filter(l -> zoom >= l.tilesFrom).toList();
    }

    /** A village numbers its special grids from this serial on, among its groups. */
    public static final int FIRST_SPECIAL_SERIAL = 901;

    /** The level a grid code is of, by its length (a special grid's serial from 901); empty for a length no level has. */
    public static Optional<GridLevel> ofGridCode(String code) {
        if (code.length() == SPECIAL.codeLength() && Integer.parseInt(code.substring(code.length() - 3)) >= FIRST_SPECIAL_SERIAL) {
            return Optional.of(SPECIAL);
        }
        return Arrays.stream(values()).filter(l -> l != SPECIAL && l.codeLength() == code.length()).findFirst();
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
