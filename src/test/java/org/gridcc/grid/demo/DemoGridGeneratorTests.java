package org.gridcc.grid.demo;

import org.gridcc.grid.NewHousehold;
import org.gridcc.grid.NewGrid;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** The generator at reduced scale, in Luoping's outline (with groups) and Lanshan's (without). */
class DemoGridGeneratorTests {

    static final DemoScale SMALL_LUOPING = new DemoScale("530324", 6, 18, 72, 220, 20, 5_000);
    static final DemoScale SMALL_LANSHAN = new DemoScale("371302", 2, 8, 0, 60, 6, 4_000);
    static final long SEED = 7;

    /**
     * The promise for the tiling, relative to the parent's area: children's union differs from their
     * parent, and siblings overlap, by at most this. By construction both are exactly zero.
     */
    static final double TILING_TOLERANCE = 1e-9;
    /** The county grid may differ from the source outline where inner edges meet it, by a 1-cm rounding. */
    static final double OUTLINE_TOLERANCE = 1e-6;

    private static final Map<DemoScale, DemoGrid> GENERATED = new HashMap<>();

    static Stream<DemoScale> scales() {
        return Stream.of(SMALL_LUOPING, SMALL_LANSHAN);
    }

    private static synchronized DemoGrid generated(DemoScale scale) {
        return GENERATED.computeIfAbsent(scale, s -> generate(s, SEED));
    }

    private static DemoGrid generate(DemoScale scale, long seed) {
        return new DemoGridGenerator(seed, DemoProgress.SILENT).generate(CountyOutlines.load(scale.countyCode()), scale);
    }

    @ParameterizedTest
    @MethodSource("scales")
    void everyLevelGetsTheCountOfTheScale(DemoScale scale) {
        DemoGrid demo = generated(scale);

        Map<GridLevel, Long> expected = new EnumMap<>(GridLevel.class);
        expected.put(GridLevel.COUNTY, 1L);
        expected.put(GridLevel.TOWNSHIP, (long) scale.townships());
        expected.put(GridLevel.VILLAGE, (long) scale.villages());
        if (scale.groups() > 0) {
            expected.put(GridLevel.GROUP, (long) scale.groups());
        }
        expected.put(GridLevel.BASE, (long) scale.baseGrids());
        expected.put(GridLevel.SPECIAL, (long) scale.specialGrids());
        assertThat(demo.grids().stream().collect(groupingBy(NewGrid::level, counting())))
                .containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(demo.households()).hasSize(scale.households());
        assertThat(demo.countyCode()).isEqualTo(scale.countyCode());
        assertThat(demo.seed()).isEqualTo(SEED);
    }

    @Test
    void aCountyGeneratedFourTimesOverHasFourTimesTheGridsOfTheSameSizeInAnOutlineFourTimesAsLarge() {
        // ./bench scale: a city of several counties is more grids of a county's size, not smaller grids.
        CountyOutline outline = CountyOutlines.load(SMALL_LUOPING.countyCode());
        CountyOutline city = outline.enlarged(4);
        assertThat(city.geometry().getArea()).isCloseTo(4 * outline.geometry().getArea(), withPercentage(1e-6));
        assertThat(city.geometry().getCentroid().distance(outline.geometry().getCentroid())).isLessThan(1e-9);

        DemoGrid county = generated(SMALL_LUOPING);
        DemoGrid fourfold = new DemoGridGenerator(SEED, DemoProgress.SILENT).generate(city, SMALL_LUOPING.times(4));
        for (GridLevel level : List.of(GridLevel.TOWNSHIP, GridLevel.VILLAGE, GridLevel.GROUP, GridLevel.BASE)) {
            assertThat(count(fourfold, level)).as(level.code()).isEqualTo(4 * count(county, level));
            assertThat(meanArea(fourfold, level)).as(level.code())
                    .isCloseTo(meanArea(county, level), withPercentage(1e-6));
        }
        assertThat(fourfold.households()).hasSize(4 * county.households().size());
    }

    private static long count(DemoGrid demo, GridLevel level) {
        return demo.grids().stream().filter(g -> g.level() == level).count();
    }

    private static double meanArea(DemoGrid demo, GridLevel level) {
        return demo.grids().stream().filter(g -> g.level() == level).mapToDouble(g -> g.geometry().getArea()).average().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("scales")
    void everyGeometryIsAValidNonEmptyMultiPolygonInLonLat(DemoScale scale) {
        for (NewGrid grid : generated(scale).grids()) {
            MultiPolygon shape = grid.geometry();
            assertThat(shape.isValid()).as("valid %s", grid.code()).isTrue();
            assertThat(shape.isEmpty()).as("empty %s", grid.code()).isFalse();
            assertThat(shape.getGeometryType()).isEqualTo("MultiPolygon");
            assertThat(shape.getSRID()).isEqualTo(4326);
            for (int i = 0; i < shape.getNumGeometries(); i++) {
                Polygon part = (Polygon) shape.getGeometryN(i);
                assertThat(Orientation.isCCW(part.getExteriorRing().getCoordinates())).as("exterior ring of %s", grid.code()).isTrue();
            }
        }
        assertThat(generated(scale).households()).allSatisfy(h -> assertThat(h.point().getSRID()).isEqualTo(4326));
    }

    @ParameterizedTest
    @MethodSource("scales")
    void theChildrenOfEveryGridTileItWithoutGapOrOverlap(DemoScale scale) {
        DemoGrid demo = generated(scale);
        Map<String, List<NewGrid>> children = geographicChildren(demo);
        for (NewGrid parent : demo.grids()) {
            List<NewGrid> kids = children.getOrDefault(parent.code(), List.of());
            if (kids.isEmpty()) {
                continue;
            }
            double area = parent.geometry().getArea();
            Geometry union = OverlayNGRobust.union(kids.stream().map(k -> (Geometry) k.geometry()).toList());
            double difference = OverlayNGRobust.overlay(union, parent.geometry(), OverlayNG.SYMDIFFERENCE).getArea();
            assertThat(difference).as("union of the children of %s", parent.code()).isLessThanOrEqualTo(TILING_TOLERANCE * area);
            double childrenArea = kids.stream().mapToDouble(k -> k.geometry().getArea()).sum();
            assertThat(Math.abs(childrenArea - area)).as("area of the children of %s", parent.code())
                    .isLessThanOrEqualTo(TILING_TOLERANCE * area);
            assertSiblingsDoNotOverlap(kids);
        }
    }

    private static void assertSiblingsDoNotOverlap(List<NewGrid> siblings) {
        STRtree index = new STRtree();
        siblings.forEach(s -> index.insert(s.geometry().getEnvelopeInternal(), s));
        for (NewGrid grid : siblings) {
            for (Object item : index.query(grid.geometry().getEnvelopeInternal())) {
                NewGrid other = (NewGrid) item;
                if (grid.code().compareTo(other.code()) < 0) {
                    double overlap = OverlayNGRobust.overlay(grid.geometry(), other.geometry(), OverlayNG.INTERSECTION).getArea();
                    assertThat(overlap).as("overlap of %s and %s", grid.code(), other.code()).isLessThanOrEqualTo(
                            TILING_TOLERANCE * Math.min(grid.geometry().getArea(), other.geometry().getArea()));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scales")
    void eachGeographicLevelIsOneCoverageWhoseNeighboursShareTheirEdgesExactly(DemoScale scale) {
        Map<GridLevel, List<Geometry>> levels = new EnumMap<>(GridLevel.class);
        generated(scale).grids().stream().filter(g -> g.level() != GridLevel.SPECIAL)
                .forEach(g -> levels.computeIfAbsent(g.level(), l -> new ArrayList<>()).add(g.geometry()));
        levels.forEach((level, shapes) ->
                assertThat(CoverageValidator.isValid(shapes.toArray(Geometry[]::new))).as("coverage of %s", level).isTrue());
    }

    @ParameterizedTest
    @MethodSource("scales")
    void theCountyGridIsTheRealOutline(DemoScale scale) {
        MultiPolygon outline = CountyOutlines.load(scale.countyCode()).geometry();
        NewGrid county = generated(scale).grids().get(0);
        assertThat(county.level()).isEqualTo(GridLevel.COUNTY);
        assertThat(county.code()).isEqualTo(scale.countyCode());
        assertThat(county.parentCode()).isNull();
        double difference = OverlayNGRobust.overlay(county.geometry(), outline, OverlayNG.SYMDIFFERENCE).getArea();
        assertThat(difference).isLessThanOrEqualTo(OUTLINE_TOLERANCE * outline.getArea());
    }

    @ParameterizedTest
    @MethodSource("scales")
    void everyHouseholdLiesInExactlyOneGridOfEachGeographicLevelAndItsBaseGridIsTheOneHoldingIt(DemoScale scale) {
        DemoGrid demo = generated(scale);
        Map<String, NewGrid> byCode = byCode(demo);
        Map<GridLevel, STRtree> levels = new EnumMap<>(GridLevel.class);
        Map<String, IndexedPointInAreaLocator> locators = new HashMap<>();
        for (NewGrid grid : demo.grids()) {
            if (grid.level() != GridLevel.SPECIAL) {
                levels.computeIfAbsent(grid.level(), l -> new STRtree()).insert(grid.geometry().getEnvelopeInternal(), grid);
                locators.put(grid.code(), new IndexedPointInAreaLocator(grid.geometry()));
            }
        }
        for (NewHousehold household : demo.households()) {
            NewGrid base = byCode.get(household.gridCode());
            assertThat(base.level()).isEqualTo(GridLevel.BASE);
            for (NewGrid holder = base; holder != null; holder = byCode.get(holder.parentCode())) {
                assertThat(locators.get(holder.code()).locate(household.point().getCoordinate()))
                        .as("%s in %s", household.code(), holder.code()).isNotEqualTo(Location.EXTERIOR);
                List<String> inside = new ArrayList<>();
                for (Object item : levels.get(holder.level()).query(household.point().getEnvelopeInternal())) {
                    NewGrid candidate = (NewGrid) item;
                    if (locators.get(candidate.code()).locate(household.point().getCoordinate()) == Location.INTERIOR) {
                        inside.add(candidate.code());
                    }
                }
                assertThat(inside).as("%s grids holding %s", holder.level(), household.code()).isIn(List.of(), List.of(holder.code()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scales")
    void everyBaseGridHasHouseholdsAndTheyAreNumberedWithinIt(DemoScale scale) {
        DemoGrid demo = generated(scale);
        Map<String, Long> perGrid = demo.households().stream().collect(groupingBy(NewHousehold::gridCode, counting()));
        assertThat(perGrid).hasSize(scale.baseGrids());
        assertThat(demo.households()).allSatisfy(h -> {
            assertThat(h.code()).matches(h.gridCode() + "[0-9]{4}");
            assertThat(h.address()).matches(".+(村|社区)第[0-9]+(组|网格)[0-9]+号");
        });
        assertThat(demo.households().stream().map(NewHousehold::code).distinct().count()).isEqualTo(scale.households());
        assertThat(demo.households().stream().map(NewHousehold::address).distinct().count()).isEqualTo(scale.households());
        assertThat(demo.households()).extracting(NewHousehold::code).isSorted();
    }

    @ParameterizedTest
    @MethodSource("scales")
    void codesAreUniqueUnifiedCodesPrefixedByTheirParents(DemoScale scale) {
        DemoGrid demo = generated(scale);
        Map<String, NewGrid> byCode = byCode(demo);
        assertThat(byCode).hasSameSizeAs(demo.grids());
        Map<GridLevel, Integer> lengths = Map.of(GridLevel.COUNTY, 6, GridLevel.TOWNSHIP, 9, GridLevel.VILLAGE, 12,
                GridLevel.GROUP, 15, GridLevel.BASE, scale.groups() > 0 ? 18 : 15, GridLevel.SPECIAL, 15);
        for (NewGrid grid : demo.grids()) {
            assertThat(grid.code()).matches("^[0-9]{6}([0-9]{3})*$").hasSize(lengths.get(grid.level()));
            if (grid.level() != GridLevel.COUNTY) {
                NewGrid parent = byCode.get(grid.parentCode());
                assertThat(grid.code()).startsWith(parent.code()).hasSize(parent.code().length() + 3);
                assertThat(parent.level().ordinal()).isEqualTo(grid.level() == GridLevel.SPECIAL
                        ? GridLevel.VILLAGE.ordinal() : grid.level().ordinal() - (grid.level() == GridLevel.BASE && scale.groups() == 0 ? 2 : 1));
            }
            int serial = grid.level() == GridLevel.COUNTY ? 0 : Integer.parseInt(grid.code().substring(grid.code().length() - 3));
            switch (grid.level()) {
                case TOWNSHIP -> assertThat(serial).isBetween(grid.name().contains("街道") ? 1 : grid.name().contains("镇") ? 100 : 200,
                        grid.name().contains("街道") ? 99 : grid.name().contains("镇") ? 199 : 399);
                case SPECIAL -> assertThat(serial).isBetween(901, 999);
                case VILLAGE, GROUP, BASE -> assertThat(serial).isBetween(1, 900);
                default -> { }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scales")
    void gridsComeParentsFirstWithChineseNamesHeadsAndWorkers(DemoScale scale) {
        DemoGrid demo = generated(scale);
        Set<String> seen = new HashSet<>();
        Map<String, Set<String>> namesUnderParent = new HashMap<>();
        for (NewGrid grid : demo.grids()) {
            assertThat(grid.parentCode() == null || seen.contains(grid.parentCode())).as("parent of %s first", grid.code()).isTrue();
            seen.add(grid.code());
            assertThat(namesUnderParent.computeIfAbsent(grid.parentCode(), p -> new HashSet<>()).add(grid.name()))
                    .as("name %s unique under its parent", grid.name()).isTrue();
            assertThat(grid.head()).matches("\\p{IsHan}{2,3}");
            assertThat(grid.workers()).isPositive();
            switch (grid.level()) {
                case COUNTY -> assertThat(grid.name()).isEqualTo(CountyOutlines.load(scale.countyCode()).name());
                case TOWNSHIP -> assertThat(grid.name()).matches("\\p{IsHan}{2}(镇|乡|街道)（演示）");
                case VILLAGE -> assertThat(grid.name()).matches("\\p{IsHan}{2}(村|社区)（演示）");
                case GROUP -> assertThat(grid.name()).matches("第[0-9]+(村民|居民)小组");
                case BASE -> {
                    assertThat(grid.name()).matches("第[0-9]+网格");
                    assertThat(grid.workers()).isBetween(1, 3);
                }
                case SPECIAL -> assertThat(grid.name()).matches("\\p{IsHan}+（演示）");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scales")
    void specialGridsLieInsideTheirVillage(DemoScale scale) {
        DemoGrid demo = generated(scale);
        Map<String, NewGrid> byCode = byCode(demo);
        List<NewGrid> specials = demo.grids().stream().filter(g -> g.level() == GridLevel.SPECIAL).toList();
        assertThat(specials).hasSize(scale.specialGrids());
        for (NewGrid special : specials) {
            NewGrid village = byCode.get(special.parentCode());
            assertThat(village.level()).isEqualTo(GridLevel.VILLAGE);
            assertThat(village.geometry().covers(special.geometry())).as("%s inside %s", special.code(), village.code()).isTrue();
            double metres = Math.sqrt(DemoGeometry.squareMetres(special.geometry()));
            assertThat(metres).as("size of %s", special.code()).isLessThanOrEqualTo(400);
        }
    }

    @ParameterizedTest
    @MethodSource("scales")
    void theSameSeedGivesExactlyTheSameGridAndAnotherSeedAnotherOne(DemoScale scale) {
        List<String> first = fingerprint(generated(scale));

        List<String> again = fingerprint(generate(scale, SEED));
        assertThat(again).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).as("line %d of the fingerprint", i).isEqualTo(first.get(i));
        }
        assertThat(fingerprint(generate(scale, SEED + 1)).equals(first)).as("another seed gives the same grid").isFalse();
    }

    @Test
    void aScaleForAnotherCountyIsRefused() {
        CountyOutline luoping = CountyOutlines.load("530324");

        assertThatThrownBy(() -> new DemoGridGenerator(1, DemoProgress.SILENT).generate(luoping, SMALL_LANSHAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("371302").hasMessageContaining("530324");
    }

    @Test
    void progressIsReportedForEveryStage() {
        List<String> stages = new ArrayList<>();
        new DemoGridGenerator(SEED, (what, done, total) -> {
            assertThat(done).isBetween(0, total);
            if (!stages.contains(what)) {
                stages.add(what);
            }
        }).generate(CountyOutlines.load("530324"), SMALL_LUOPING);

        assertThat(stages).containsExactly("township grids", "village grids", "villages settled", "group grids",
                "base grids", "exact coverage", "special grids", "households located");
    }

    private static List<String> fingerprint(DemoGrid demo) {
        WKBWriter wkb = new WKBWriter(2, true);
        List<String> lines = new ArrayList<>();
        demo.grids().forEach(g -> lines.add(String.join("|", g.code(), g.level().code(), String.valueOf(g.parentCode()),
                g.name(), g.head(), Integer.toString(g.workers()), WKBWriter.toHex(wkb.write(g.geometry())))));
        demo.households().forEach(h -> lines.add(String.join("|", h.code(), h.gridCode(), h.address(),
                WKBWriter.toHex(wkb.write(h.point())))));
        return lines;
    }

    private static Map<String, NewGrid> byCode(DemoGrid demo) {
        Map<String, NewGrid> byCode = new HashMap<>();
        demo.grids().forEach(g -> byCode.put(g.code(), g));
        return byCode;
    }

    private static Map<String, List<NewGrid>> geographicChildren(DemoGrid demo) {
        return demo.grids().stream().filter(g -> g.parentCode() != null && g.level() != GridLevel.SPECIAL)
                .collect(groupingBy(NewGrid::parentCode));
    }
}
