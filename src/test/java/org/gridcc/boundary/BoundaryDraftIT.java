package org.gridcc.boundary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridcc.boundary.read.Fixtures;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.tiles.TestTiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boundary drafts: upload, the report's findings feature by feature, repairs, preview tiles, refusals. */
@QuarkusTest
class BoundaryDraftIT {

    @Inject
    DemoCounty county;

    @Inject
    BoundaryConfig config;

    @AfterEach
    void forgetDrafts() {
        TestBoundaries.forgetOtherVersions(county);
    }

    @Test
    void aFileThatChangesNothingIsPublishableAndMovesNobody() throws Exception {
        var group = TestBoundaries.group(county, 0);
        JsonPath draft = new TestBoundaries(county).childrenOf(group.code()).upload(group.code())
                .statusCode(201)
                .header("Location", containsString("/api/boundaries/drafts/"))
                .body("state", equalTo("ready"))
                .body("level", equalTo("base"))
                .body("scope", equalTo(group.code()))
                .body("format", equalTo("geojson"))
                .body("mapping.code", equalTo("编码"))
                .body("mapping.name", equalTo("名称"))
                .body("baseVersion", equalTo(county.publishedVersion()))
                .body("report.publishable", equalTo(true))
                .body("report.errors", equalTo(0))
                .body("report.changes.added.count", equalTo(0))
                .body("report.changes.removed.count", equalTo(0))
                .body("report.changes.reshaped.count", equalTo(0))
                .body("report.changes.householdsMoving", equalTo(0))
                .body("report.changes.casesMoving", equalTo(0))
                .extract().jsonPath();
        int id = draft.getInt("id");
        given().get("/api/boundaries/drafts/" + id).then().statusCode(200).body("report.features", equalTo(draft.getInt("report.features")));

        // The preview: the draft's tiles hold its grids and are asked for again each time (a draft can change).
        int[] tile = TestTiles.tileAt(14, county.pointIn(group.a()));
        var response = given().get(TestTiles.path(tile) + "?v=" + id).then().statusCode(200)
                .header("Cache-Control", containsString("no-cache")).extract().response();
        JtsMvt mvt = TestTiles.decode(response);
        assertThat(mvt.getLayer("base").getGeometries()).anySatisfy(g -> assertThat(((Map<?, ?>) g.getUserData()).get("code")).isEqualTo(group.a()));
    }

    @Test
    void aZippedGaussKrugerShapefileWithGbkNamesLoadsAsItWasDrawn(@TempDir Path dir) throws Exception {
        var group = TestBoundaries.group(county, 5);
        Path geoJson = Files.write(dir.resolve("grids.geojson"), new TestBoundaries(county).childrenOf(group.code()).geoJson());
        Path shp = Files.createDirectories(dir.resolve("shp"));
        // As a county's surveyors deliver them: CGCS2000 3-degree Gauss-Kruger CM 105E, names in GBK.
        Fixtures.ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "EPSG:4544", "-lco", "ENCODING=CP936", shp.resolve("网格.shp").toString(), geoJson.toString());
        Path zip = Fixtures.zip(shp, dir.resolve("grids.zip"), "网格/");

        JsonPath draft = TestBoundaries.upload(Files.readAllBytes(zip), "grids.zip", "base", group.code()).statusCode(201)
                .body("format", equalTo("shapefile"))
                .body("crs", containsString("EPSG:4544"))
                .body("report.publishable", equalTo(true))
                .body("report.changes.reshaped.count", equalTo(0))
                .body("report.changes.householdsMoving", equalTo(0))
                .extract().jsonPath();

        int id = draft.getInt("id");
        assertThat(county.list("SELECT name FROM grid WHERE version_id = ? AND parent_code = ? ORDER BY code", id, group.code()))
                .isEqualTo(county.list("SELECT name FROM grid WHERE version_id = ? AND parent_code = ? ORDER BY code", county.publishedVersion(), group.code()))
                .allSatisfy(name -> assertThat(name).matches(".*[\\u4e00-\\u9fff].*"));
        // Through Gauss-Kruger and back: every vertex within a centimetre of where it was.
        double metres = Double.parseDouble(county.one("""
                SELECT max(ST_HausdorffDistance(ST_Transform(d.geom, 4544), ST_Transform(p.geom, 4544)))
                  FROM grid d JOIN grid p ON p.code = d.code AND p.version_id = ?
                 WHERE d.version_id = ? AND d.parent_code = ?""", county.publishedVersion(), id, group.code()));
        assertThat(metres).isLessThan(0.01);
    }

    @Test
    void everyFindingOfTheAttributesNamesItsFeature() {
        var group = TestBoundaries.group(county, 1);
        String village = group.village();
        String elsewhere = county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code NOT LIKE ? || '%'", village);
        var file = new TestBoundaries(county)
                .grid(group.a())                                                                  // 1: fine
                .feature(group.a(), "重复", geometryOf(group.b()))                                       // 2: duplicate
                .feature(null, "无编码", geometryOf(group.b()))                                        // 3
                .feature("53032", "坏编码", geometryOf(group.b()))                                      // 4
                .feature(group.code(), "层级不对", geometryOf(group.b()))                               // 5
                .feature(elsewhere, "范围外", geometryOf(group.b()))                                    // 6
                .feature(group.b(), null, geometryOf(group.b()))                                       // 7
                .feature(village + "999001", "无上级", geometryOf(group.b()))                           // 8
                .feature(group.code() + "901", "上级不符", village + "998", geometryOf(group.b()));      // 9

        JsonPath report = file.upload(village).statusCode(201).body("report.publishable", equalTo(false)).extract().jsonPath();

        assertThat(findingAt(report, 2)).contains("duplicate-code");
        assertThat(findingAt(report, 3)).contains("missing-code");
        assertThat(findingAt(report, 4)).contains("bad-code");
        assertThat(findingAt(report, 5)).contains("wrong-level");
        assertThat(findingAt(report, 6)).contains("outside-scope");
        assertThat(findingAt(report, 7)).contains("missing-name");
        assertThat(findingAt(report, 8)).contains("unknown-parent");
        assertThat(findingAt(report, 9)).contains("parent-mismatch");
        assertThat(findingAt(report, 1)).doesNotContain("duplicate-code", "missing-name");
        given().post("/api/boundaries/drafts/%d/publish".formatted(report.getInt("id"))).then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("error(s)"));
    }

    @Test
    void invalidGeometryIsReportedAndASmallRepairIsOfferedAndApplied() throws Exception {
        var group = TestBoundaries.group(county, 2);
        var file = new TestBoundaries(county).childrenOf(group.code())
                .without(group.a()).without(group.b())
                .feature(group.a(), "小自交", TestBoundaries.withSmallLoop(geometryOf(group.a())))
                .feature(group.b(), "蝴蝶结", TestBoundaries.bowTie(geometryOf(group.b())))
                .feature(group.code() + "901", "一条线", "{\"type\": \"LineString\", \"coordinates\": [[104.3, 24.9], [104.31, 24.91]]}")
                .feature(group.code() + "902", "没有形状", "null");
        JsonPath draft = file.upload(group.code()).statusCode(201).extract().jsonPath();
        int small = positionOf(draft, group.a()), bowTie = positionOf(draft, group.b());

        var loop = problem(draft, small, "invalid-geometry");
        assertThat((String) loop.get("message")).contains("Self-intersection");
        assertThat(((Map<?, ?>) loop.get("repair")).get("areaChangePercent")).isInstanceOf(Number.class);
        assertThat(((Number) ((Map<?, ?>) loop.get("repair")).get("areaChangePercent")).doubleValue()).isLessThan(1.0);
        assertThat((List<?>) loop.get("at")).hasSize(2);
        assertThat(problem(draft, bowTie, "invalid-geometry")).doesNotContainKey("repair");
        assertThat(findingAt(draft, file.size() - 1)).contains("not-polygon");
        assertThat(findingAt(draft, file.size())).contains("no-geometry");

        JsonPath repaired = given().post("/api/boundaries/drafts/%d/repairs".formatted(draft.getInt("id"))).then().statusCode(200)
                .extract().jsonPath();
        // Mended: a warning that says so (and, where make-valid left the spike as a part of its own, a sliver warning).
        assertThat(findingAt(repaired, small)).contains("repaired").doesNotContain("invalid-geometry");
        assertThat(repaired.getList("report.problems.findAll { it.feature == %d }.severity".formatted(small), String.class))
                .containsOnly("warning");
        assertThat(findingAt(repaired, bowTie)).contains("invalid-geometry");
        assertThat(county.count("SELECT count(*) FROM grid WHERE version_id = ? AND code = ?", draft.getInt("id"), group.a())).isEqualTo(1);
    }

    @Test
    void overlapsGapsPartsOutsideAndSliversAreMeasured() {
        var group = TestBoundaries.group(county, 3);
        var file = new TestBoundaries(county).childrenOf(group.code())
                .without(group.a()).without(group.b())
                .feature(group.a(), "扩大", file(group.a(), "ST_Buffer(geom::geography, 30)::geometry"))
                .feature(group.b(), "缩小", file(group.b(), "ST_Buffer(geom::geography, -20)::geometry"))
                .feature(group.code() + "903", "碎片", file(group.a(), "ST_Buffer(ST_PointOnSurface(geom)::geography, 1.5)::geometry"));
        JsonPath draft = file.upload(group.code()).statusCode(201).body("report.publishable", equalTo(false)).extract().jsonPath();
        int grown = positionOf(draft, group.a()), sliver = positionOf(draft, group.code() + "903");

        assertThat(((Number) problem(draft, grown, "overlap").get("areaM2")).doubleValue()).isGreaterThan(10);
        assertThat(draft.getList("report.problems.findAll { it.feature == %d && it.check == 'overlap' }.message".formatted(grown), String.class))
                .anySatisfy(message -> assertThat(message).contains(group.b()));
        assertThat(findingAt(draft, grown)).contains("outside-parent");
        assertThat(draft.getList("report.problems.findAll { it.check == 'gap' }.code", String.class)).contains(group.code());
        assertThat(findingAt(draft, sliver)).contains("sliver");
        assertThat(draft.getList("report.problems.findAll { it.check == 'small-overlap' }.message", String.class))
                .anySatisfy(message -> assertThat(message).contains(group.code() + "903"));
        assertThat(problem(draft, sliver, "sliver").get("severity")).isEqualTo("warning");
        given().get("/api/boundaries/drafts/" + draft.getInt("id")).then()
                .body("report.problems.findAll { it.check == 'overlap' }.size()", greaterThanOrEqualTo(1))
                .body("report.changes.reshaped.codes", hasItem(group.b()));
    }

    @Test
    void refusedUploadsSayWhyAndLeaveNothingBehind() {
        String base = county.first(org.gridcc.grid.GridLevel.BASE);
        String group = county.first(org.gridcc.grid.GridLevel.GROUP);
        long versions = county.count("SELECT count(*) FROM grid_version");
        Set<String> files = tempUploads();
        byte[] geoJson = new TestBoundaries(county).grid(base).geoJson();

        given().multiPart("level", "base").post("/api/boundaries/drafts").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        TestBoundaries.upload(geoJson, "grids.geojson", null, null).statusCode(400).body("errors[0].field", equalTo("level"));
        TestBoundaries.upload(geoJson, "grids.geojson", "county", null).statusCode(400).body("errors[0].field", equalTo("level"));
        TestBoundaries.upload(geoJson, "grids.geojson", "base", "530324999").statusCode(400).body("errors[0].field", equalTo("scope"));
        TestBoundaries.upload(geoJson, "grids.geojson", "group", group).statusCode(400).body("errors[0].field", equalTo("scope"));
        TestBoundaries.upload("这不是边界文件".getBytes(StandardCharsets.UTF_8), "notes.txt", "base", group)
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        TestBoundaries.upload("{\"type\": \"FeatureCollection\", \"features\": [".getBytes(StandardCharsets.UTF_8), "broken.geojson", "base", group)
                .statusCode(400).body("detail", notNullValue());
        TestBoundaries.upload(new byte[1024 * 1024 + 1], "big.zip", "base", group)
                .statusCode(413).contentType("application/problem+json").body("detail", containsString("1,048,576"));
        // Refused on its declared length, before the body is read.
        TestBoundaries.upload(new byte[2 * 1024 * 1024], "bigger.zip", "base", group)
                .statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        // Refused by the database when the draft is made.
        given().multiPart("file", "grids.geojson", geoJson, "application/octet-stream").multiPart("level", "base")
                .multiPart("label", "新\u0000网格").post("/api/boundaries/drafts").then().statusCode(400);

        assertThat(county.count("SELECT count(*) FROM grid_version")).isEqualTo(versions);
        // None kept (a subset: other services' tests on this machine may end their own uploads meanwhile).
        assertThat(tempUploads()).isSubsetOf(files);
    }

    @Test
    void aFeatureWithMoreVerticesThanTheLimitIsRefusedNamingIt() {
        var group = TestBoundaries.group(county, 6);
        int limit = config.maxVerticesPerFeature();
        String published = "FROM grid WHERE code = ? AND version_id = (SELECT id FROM grid_version WHERE status = 'published')";
        String dense = "ST_Segmentize(geom, ST_Perimeter(geom) / " + (limit + 10) + ")";
        long vertices = county.count("SELECT ST_NPoints(" + dense + ") " + published, group.b());
        String name = county.one("SELECT name " + published, group.b());
        var file = new TestBoundaries(county).childrenOf(group.code()).without(group.b())
                .feature(group.b(), name, county.one("SELECT ST_AsGeoJSON(" + dense + ", 7) " + published, group.b()));
        long versions = county.count("SELECT count(*) FROM grid_version");

        file.upload(group.code()).statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("feature %d (编码 %s, 名称 %s) of grids.geojson has %,d vertices; at most %,d are read per feature"
                        .formatted(file.size(), group.b(), name, vertices, limit)))
                .body("feature", equalTo(file.size()))
                .body("errors[0].field", equalTo("file"));
        assertThat(county.count("SELECT count(*) FROM grid_version")).isEqualTo(versions);
    }

    @Test
    void aDraftCanBeListedAndDiscarded() {
        var group = TestBoundaries.group(county, 4);
        int id = new TestBoundaries(county).childrenOf(group.code()).upload(group.code()).statusCode(201).extract().path("id");

        given().get("/api/boundaries/drafts").then().statusCode(200).body("id", hasItem(id)).body("find { it.id == %d }.report".formatted(id), nullValue());
        given().get("/api/boundaries/versions").then().statusCode(200).body("find { it.id == %d }.status".formatted(id), equalTo("draft"));
        given().delete("/api/boundaries/drafts/" + id).then().statusCode(204);
        given().get("/api/boundaries/drafts/" + id).then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/boundaries/drafts/" + id).then().statusCode(404);
        assertThat(county.count("SELECT count(*) FROM grid WHERE version_id = ?", id)).isZero();
        given().get("/api/boundaries/drafts/x").then().statusCode(404).body("detail", containsString("\"x\""));
    }

    private String geometryOf(String code) {
        return new TestBoundaries(county).published(code);
    }

    private String file(String code, String expression) {
        return new TestBoundaries(county).geometry("SELECT " + expression + " FROM grid WHERE code = ? AND version_id = "
                + "(SELECT id FROM grid_version WHERE status = 'published')", code);
    }

    private static Set<String> tempUploads() {
        var names = new java.io.File(System.getProperty("java.io.tmpdir")).list((dir, name) -> name.startsWith("gridcc-boundary-"));
        return names == null ? Set.of() : Set.of(names);
    }

    private static List<String> findingAt(JsonPath draft, int feature) {
        return draft.getList("report.problems.findAll { it.feature == %d }.check".formatted(feature), String.class);
    }

    private static Map<String, Object> problem(JsonPath draft, int feature, String check) {
        Map<String, Object> found = draft.getMap("report.problems.find { it.feature == %d && it.check == '%s' }".formatted(feature, check));
        assertThat(found).as("%s of feature %d", check, feature).isNotNull();
        return found;
    }

    /** The file position of the feature with a code, as the draft's grids (or its findings) tell. */
    private int positionOf(JsonPath draft, String code) {
        Integer position = draft.get("report.problems.find { it.code == '%s' && it.feature != null }.feature".formatted(code));
        assertThat(position).as("a finding of " + code).isNotNull();
        return position;
    }
}
