package org.gridcc.grid.demo;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How many grids of each level and households a demo county gets. {@code groups == 0} means base
 * grids sit directly under villages (as in Lanshan, whose grid has no group level).
 */
public record DemoScale(String countyCode, int townships, int villages, int groups, int baseGrids, int specialGrids,
        int households) {

    /** Luoping's published figures (domain brief, seed 000). */
    public static final DemoScale LUOPING = new DemoScale("530324", 13, 162, 2703, 8057, 487, 150_458);

    /**
     * Lanshan's published figures (domain brief, seed 004), which give no household count: 650,000 is
     * the 2020 census (1,837,789 residents), less about 7 % living in collective households (students,
     * dormitories), divided by about 2.6 persons per family household. That is some 257 households
     * per base grid, inside the 200-500 that urban all-purpose grids (全科网格) are sized for.
     */
    public static final DemoScale LANSHAN = new DemoScale("371302", 12, 343, 0, 2532, 0, 650_000);

    public DemoScale {
        Objects.requireNonNull(countyCode, "countyCode");
        int baseParents = groups == 0 ? villages : groups;
        if (townships < 1 || villages < townships || (groups != 0 && groups < villages) || baseGrids < baseParents
                || specialGrids < 0 || households < villages) {
            throw new IllegalArgumentException("Every grid needs at least one child and every village one household: "
                    + "1 <= townships <= villages <= groups (or groups = 0) <= baseGrids, villages <= households, "
                    + "specialGrids >= 0; got " + this);
        }
    }

    /**
     * The same county {@code factor} times over: every count but the one county multiplied, so that each
     * grid keeps its children and households (16 is about a city of a dozen counties).
     */
    public DemoScale times(int factor) {
        if (factor < 1 || townships * factor > GridLabels.MAX_TOWNSHIPS) {
            throw new IllegalArgumentException("The demo scale factor of %s is a whole number from 1 to %d (a county numbers at most %d townships); got %d"
                    .formatted(countyCode, GridLabels.MAX_TOWNSHIPS / townships, GridLabels.MAX_TOWNSHIPS, factor));
        }
        return new DemoScale(countyCode, townships * factor, villages * factor, groups * factor, baseGrids * factor,
                specialGrids * factor, households * factor);
    }

    public static Optional<DemoScale> forCounty(String code) {
        return Stream.of(LUOPING, LANSHAN).filter(s -> s.countyCode.equals(code)).findFirst();
    }
}
