package org.gridcc.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The demo county as loaded into PostGIS keeps the rules of the grid (一张网): real scale,
 * nested codes, each level tiling its parent with no gap and no overlap, every household in
 * exactly one grid of each level.
 */
@QuarkusTest
class GridHierarchyIT {

    /** Relative area by which a grid may differ from the union of its children (the generator's 1 cm grid). */
    private static final double TOLERANCE = 1e-9;

    @Inject
    DemoCounty county;

    @Test
    void luopingHasTheScaleOfTheSeedArticle() {
        assertThat(county.list("SELECT level || ' ' || count(*) FROM grid WHERE version_id = ? GROUP BY level ORDER BY level",
                county.publishedVersion()))
                .containsExactly("base 8057", "county 1", "group 2703", "special 487", "township 13", "village 162");
        assertThat(county.count("SELECT count(*) FROM household")).isEqualTo(150_458);
    }

    @Test
    void everyCodeStartsWithItsParentsCodeAndAddsThreeDigits() {
        assertThat(county.count("""
                SELECT count(*) FROM grid c LEFT JOIN grid p ON p.version_id = c.version_id AND p.code = c.parent_code
                 WHERE c.version_id = ? AND c.level <> 'county'
                   AND (p.code IS NULL OR c.code NOT LIKE p.code || '___' OR length(c.code) <> length(p.code) + 3)""",
                county.publishedVersion())).isZero();
    }

    @Test
    void siblingsDoNotOverlap() {
        assertThat(county.count("""
                SELECT count(*) FROM grid a JOIN grid b
                    ON b.version_id = a.version_id AND b.parent_code = a.parent_code AND b.level = a.level AND a.id < b.id
                   AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, '2********')
                 WHERE a.version_id = ? AND a.level <> 'special'""", county.publishedVersion())).isZero();
    }

    @Test
    void eachGridIsTheUnionOfItsChildren() {
        assertThat(county.list("""
                SELECT p.code FROM grid p
                  JOIN (SELECT parent_code, ST_Union(geom) AS children FROM grid
                         WHERE version_id = ? AND level <> 'special' GROUP BY parent_code) c ON c.parent_code = p.code
                 WHERE p.version_id = ? AND ST_Area(ST_SymDifference(p.geom, c.children)) > ? * ST_Area(p.geom)""",
                county.publishedVersion(), county.publishedVersion(), TOLERANCE)).isEmpty();
    }

    @Test
    void specialGridsLieInsideTheirVillage() {
        assertThat(county.count("""
                SELECT count(*) FROM grid s JOIN grid v ON v.version_id = s.version_id AND v.code = s.parent_code
                 WHERE s.version_id = ? AND s.level = 'special' AND (v.level <> 'village' OR NOT ST_CoveredBy(s.geom, v.geom))""",
                county.publishedVersion())).isZero();
    }

    /** With the levels nested (the tests above), one base grid per household puts it in one grid of every level. */
    @Test
    void everyHouseholdIsInExactlyOneBaseGridTheOneItNames() {
        assertThat(county.list("""
                SELECT h.code FROM household h,
                       LATERAL (SELECT count(*) AS grids, min(code) AS code FROM grid g
                                 WHERE g.version_id = ? AND g.level = 'base' AND ST_Intersects(g.geom, h.point)) b
                 WHERE b.grids <> 1 OR b.code <> h.grid_code
                 LIMIT 5""", county.publishedVersion())).isEmpty();
    }
}
