package org.gridcc.cases;

import java.util.List;
import org.gridcc.grid.GridLevel;

/**
 * Where a case lies, as SQL conditions on {@code "case" c} and as what screens show. A case lies
 * in every grid of its chain; it is <em>counted</em> there too, except a confidential case
 * (检举控告), which every count, map colour, hotspot, alert and ticker places at its county only:
 * a number rising over one village could point at who reported an official. The case itself
 * keeps its grid for those who may open it.
 */
public final class CasePlace {

    private static final String CHAIN = "(c.county_code, c.township_code, c.village_code, c.group_code, c.base_code)";

    private CasePlace() {}

    /** SQL: the case lies in the grid given as parameter {@code $grid} (that grid or one inside it). */
    public static String in(int grid) {
        return "$%d IN %s".formatted(grid, CHAIN);
    }

    /**
     * SQL: the case counts in the grid given as parameter {@code $grid}; parameter {@code $codes}
     * must be bound to {@link Categories#confidentialCodes()}.
     */
    public static String countedIn(int grid, int codes) {
        return "($%1$d = c.county_code OR c.category <> ALL ($%2$d) AND $%1$d IN %3$s)".formatted(grid, codes, CHAIN);
    }

    /** The grid chain (coarsest first) a screen may show for a case of this category. */
    public static List<String> shown(String category, List<String> chain) {
        return confidential(category) && chain.size() > 1 ? List.of(chain.get(0)) : chain;
    }

    /** The grid a screen may show for a case of this category lying in this grid. */
    public static String shown(String category, String grid) {
        int county = GridLevel.COUNTY.codeLength();
        return confidential(category) && grid != null && grid.length() > county ? grid.substring(0, county) : grid;
    }

    private static boolean confidential(String category) {
        return Categories.of(category).map(Category::confidential).orElse(false);
    }
}
