package org.gridcc.grid.demo;

import org.gridcc.grid.NewGrid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.gridcc.grid.GridLevel;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Generates a whole demo grid hierarchy inside a real county outline, at a given scale, the same for the
 * same seed: townships and villages as Voronoi cells of evenly spread seeds; households clustered round
 * a few settlements per village; groups and base grids as Voronoi cells seeded at households, so that
 * small grids sit where people live; then all levels snapped together into one exact coverage, and
 * special grids (schools, offices, companies, clinics) placed near settlements.
 *
 * <p>Children are shared out in proportion to the parent's area (villages over townships) or its
 * households (groups, base grids and special grids), at least one geographic child each.
 */
public final class DemoGridGenerator {

    /** Seeds drawn from a parent: evenly spread, or among its households. */
    @FunctionalInterface
    private interface SeedSource {
        List<Coordinate> seeds(GridNode parent, int count, Random random);
    }

    private static final SeedSource SPREAD = (parent, count, random) -> SeedPicker.spread(parent.shape, count, random);
    private static final SeedSource AMONG_HOUSEHOLDS =
            (parent, count, random) -> SeedPicker.among(parent.shape, parent.households, count, random);
    /** How widely households per village vary beyond their village's area (log-normal sigma). */
    private static final double HOUSEHOLD_SPREAD_SIGMA = 0.6;
    private static final int PROGRESS_STEPS = 20;

    private final long seed;
    private final DemoProgress progress;

    public DemoGridGenerator(long seed, DemoProgress progress) {
        this.seed = seed;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public DemoGrid generate(CountyOutline county, DemoScale scale) {
        if (!county.code().equals(scale.countyCode())) {
            throw new IllegalArgumentException("Scale " + scale + " is for county " + scale.countyCode()
                    + ", not for " + county.code() + " " + county.name());
        }
        // The county code goes into the seed so that two counties made with one seed get different names.
        // One stream per concern, so that changing how one thing is drawn does not reshuffle the others.
        Random root = new Random(seed ^ county.code().hashCode());
        Random layout = new Random(root.nextLong());
        Random people = new Random(root.nextLong());
        Random institutions = new Random(root.nextLong());
        GridLabels labels = new GridLabels(new Random(root.nextLong()));

        GridNode countyGrid = new GridNode(GridLevel.COUNTY, null,
                county.geometry().getInteriorPoint().getCoordinate(), county.geometry());
        List<GridNode> townships = subdivide(List.of(countyGrid), GridLevel.TOWNSHIP, scale.townships(),
                t -> 1, SPREAD, layout);
        List<GridNode> villages = subdivide(townships, GridLevel.VILLAGE, scale.villages(),
                t -> t.shape.getArea(), SPREAD, layout);
        List<Coordinate> households = settle(villages, scale.households(), people);

        List<GridNode> groups = List.of();
        List<GridNode> baseParents = villages;
        if (scale.groups() > 0) {
            groups = subdivide(villages, GridLevel.GROUP, scale.groups(), v -> v.households.size(), AMONG_HOUSEHOLDS, layout);
            villages.forEach(DemoGridGenerator::handHouseholdsToGroups);
            baseParents = groups;
        }
        List<GridNode> baseGrids = subdivide(baseParents, GridLevel.BASE, scale.baseGrids(),
                p -> p.households.size(), AMONG_HOUSEHOLDS, layout);
        groups.forEach(g -> g.households.clear()); // they only seeded the base grids

        snapToExactCoverage(baseGrids, List.of(groups, villages, townships, List.of(countyGrid)));
        labels.labelGeographic(countyGrid, county.code(), county.name());
        placeSpecialGrids(villages, scale.specialGrids(), new SpecialGrids(institutions), labels);

        List<NewGrid> grids = records(countyGrid, labels);
        return new DemoGrid(county.code(), county.name(), seed, grids,
                HouseholdRegister.register(inCodeOrder(baseGrids), households, progress));
    }

    /** Splits each parent into Voronoi cells; {@code total} children shared out by {@code weight}, at least one each. */
    private List<GridNode> subdivide(List<GridNode> parents, GridLevel level, int total,
            ToDoubleFunction<GridNode> weight, SeedSource source, Random random) {
        int[] counts = Apportionment.split(total, parents.stream().mapToDouble(weight).toArray(), 1);
        List<GridNode> children = new ArrayList<>(total);
        for (int i = 0; i < parents.size(); i++) {
            GridNode parent = parents.get(i);
            List<Coordinate> seeds = source.seeds(parent, counts[i], random);
            List<Geometry> cells = VoronoiPartition.cells(parent.shape, seeds);
            for (int c = 0; c < seeds.size(); c++) {
                children.add(new GridNode(level, parent, seeds.get(c), cells.get(c)));
            }
            report(level.code() + " grids", i + 1, parents.size());
        }
        return children;
    }

    /** Draws the households: more in larger villages, but varying widely, as real villages do. */
    private List<Coordinate> settle(List<GridNode> villages, int total, Random random) {
        double[] weights = villages.stream()
                .mapToDouble(v -> v.shape.getArea() * StrictMath.exp(HOUSEHOLD_SPREAD_SIGMA * random.nextGaussian()))
                .toArray();
        int[] counts = Apportionment.split(total, weights, 1);
        List<Coordinate> households = new ArrayList<>(total);
        for (int i = 0; i < villages.size(); i++) {
            GridNode village = villages.get(i);
            SettlementScatter.settle(village, random);
            SettlementScatter.scatter(village, counts[i], random);
            households.addAll(village.households);
            report("villages settled", i + 1, villages.size());
        }
        return households;
    }

    /** Gives each group the village households that fall in its (floating) cell, to seed its base grids. */
    private static void handHouseholdsToGroups(GridNode village) {
        CellLocator groups = new CellLocator(village.children.stream().map(g -> g.shape).toList());
        for (Coordinate household : village.households) {
            // Households keep 10 cm off the village edge, so a floating-point crack is all they can miss.
            int group = groups.locateOrNearest(household, 1e-6);
            village.children.get(group).households.add(household);
        }
    }

    /** Snaps the base grids to one exact coverage and rebuilds every level above as unions of its children. */
    private void snapToExactCoverage(List<GridNode> baseGrids, List<List<GridNode>> levelsUpwards) {
        report("exact coverage", 0, 1);
        List<MultiPolygon> exact = ExactCoverage.snap(baseGrids.stream().map(b -> b.shape).toList());
        for (int i = 0; i < baseGrids.size(); i++) {
            baseGrids.get(i).shape = exact.get(i);
        }
        for (List<GridNode> level : levelsUpwards) {
            for (GridNode grid : level) {
                grid.shape = ExactCoverage.union(grid.children.stream().map(c -> c.shape).toList());
            }
        }
        report("exact coverage", 1, 1);
    }

    /** Shares the special grids out over villages by households (none need have any) and places them. */
    private void placeSpecialGrids(List<GridNode> villages, int total, SpecialGrids specials, GridLabels labels) {
        int[] counts = Apportionment.split(total, villages.stream().mapToDouble(v -> v.households.size()).toArray(), 0);
        for (int i = 0; i < villages.size(); i++) {
            specials.place(villages.get(i), counts[i]);
            labels.labelSpecials(villages.get(i));
            report("special grids", i + 1, villages.size());
        }
    }

    /** The grids level by level, each level in code order, special grids last. */
    private static List<NewGrid> records(GridNode county, GridLabels labels) {
        List<NewGrid> records = new ArrayList<>();
        List<GridNode> level = List.of(county);
        List<GridNode> specials = new ArrayList<>();
        while (!level.isEmpty()) {
            List<GridNode> next = new ArrayList<>();
            for (GridNode grid : inCodeOrder(level)) {
                records.add(record(grid, labels));
                next.addAll(grid.children);
                specials.addAll(grid.specials);
            }
            level = next;
        }
        inCodeOrder(specials).forEach(s -> records.add(record(s, labels)));
        return records;
    }

    private static NewGrid record(GridNode grid, GridLabels labels) {
        return new NewGrid(grid.code, grid.level, grid.parent == null ? null : grid.parent.code, grid.name,
                (MultiPolygon) grid.shape, labels.head(), labels.workers(grid.level));
    }

    private static List<GridNode> inCodeOrder(List<GridNode> grids) {
        List<GridNode> ordered = new ArrayList<>(grids);
        ordered.sort(Comparator.comparing((GridNode g) -> g.code));
        return ordered;
    }

    private void report(String what, int done, int total) {
        if (done == total || done % Math.max(1, total / PROGRESS_STEPS) == 0) {
            progress.step(what, done, total);
        }
    }
}
