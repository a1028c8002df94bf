package org.gridcc.boundary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.gridcc.access.TestUsers;
import org.gridcc.boundary.read.Fixtures;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the GIS staff act on: drafts left by a job that died are ended and can be deleted, the
 * level is told by the codes, reprojection is not reshaping, and the problems can be taken away
 * as CSV and GeoJSON with their own areas.
 */
@QuarkusTest
class BoundaryReportIT {

    private static final String PUBLISHED = "(SELECT id FROM grid_version WHERE status = 'published')";

    @Inject
    DemoCounty county;

    @Inject
    DataSource db;

    @Inject
    AbandonedDrafts abandoned;

    @AfterEach
    void forgetDrafts() {
        TestBoundaries.forgetOtherVersions(county);
    }

    /** A draft as a job leaves it in the database when the JVM dies under it (no features, no report). */
    private int draftLeftIn(String state, boolean withReport) {
        int id = Integer.parseInt(county.one("INSERT INTO grid_version (label, status, report) VALUES ('中断的草稿', 'draft', "
                + (withReport ? "'{\"problems\": []}'::jsonb" : "NULL") + ") RETURNING id"));
        county.execute("""
                INSERT INTO boundary_draft (version_id, level, scope, base_version, state, file_name, progress)
                VALUES (?, 'base', '', ?, ?, 'grids.geojson', '{"step": "reading", "done": 0, "total": 0}')""", id, county.publishedVersion(), state);
        return id;
    }

    @Test
    void draftsWhoseJobDiedEndAtStartUpButOneWhoseJobRunsElsewhereIsLeftAlone() throws Exception {
        int dead = draftLeftIn("reading", false);
        int deadRecheck = draftLeftIn("checking", true);
        int alive = draftLeftIn("reading", false);
        // Another node's job holds its draft's lock, as DraftJobs does, for the whole of its transaction.
        try (Connection otherNode = db.getConnection()) {
            otherNode.setAutoCommit(false);
            try (PreparedStatement lock = otherNode.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, DraftJobLock.KEY);
                lock.setInt(2, alive);
                lock.execute();
            }
            assertThat(abandoned.end()).contains(dead, deadRecheck).doesNotContain(alive);
            otherNode.rollback();
        }

        given().get("/api/boundaries/drafts/" + dead).then().statusCode(200)
                .body("state", equalTo("failed"))
                .body("failure.detail", equalTo("服务重启，读取中断，请重新上传"))
                .body("progress.size()", equalTo(0));
        // A check again that died was rolled back: the draft is ready with the report it had.
        given().get("/api/boundaries/drafts/" + deadRecheck).then().body("state", equalTo("ready")).body("failure", equalTo(null));
        given().get("/api/boundaries/drafts/" + alive).then().body("state", equalTo("reading"));
        assertThat(abandoned.end()).as("a second node starting ends nothing again").doesNotContain(dead, deadRecheck);

        // Deleted in any state: failed, and reading with no live job.
        given().delete("/api/boundaries/drafts/" + dead).then().statusCode(204);
        given().delete("/api/boundaries/drafts/" + alive).then().statusCode(204);
        given().get("/api/boundaries/drafts/" + alive).then().statusCode(404);
    }

    @Test
    void aDraftSaysWhoUploadedIt() {
        var group = TestBoundaries.group(county, 40);
        var gis = TestUsers.user("gis", null, null);
        int id = gis.given().multiPart("file", "grids.geojson", new TestBoundaries(county).childrenOf(group.code()).geoJson(), "application/octet-stream")
                .multiPart("level", "base").multiPart("scope", group.code()).post("/api/boundaries/drafts").then().statusCode(201).extract().path("id");
        given().get("/api/boundaries/drafts/" + id).then().body("uploadedBy.username", equalTo(gis.username()))
                .body("uploadedBy.displayName", containsString("gis"));
        given().get("/api/boundaries/drafts").then().body("find { it.id == %d }.uploadedBy.username".formatted(id), equalTo(gis.username()));
    }

    @Test
    void theLevelIsTakenFromTheCodesLengthAndAFileAtTheWrongLevelIsOneProblem() {
        var townships = new TestBoundaries(county);
        county.list("SELECT code FROM grid WHERE level = 'township' AND version_id = " + PUBLISHED + " ORDER BY code").forEach(townships::grid);

        JsonPath auto = TestBoundaries.upload(townships.geoJson(), "乡镇.geojson", "auto", null).statusCode(201).extract().jsonPath();
        assertThat(auto.getString("level")).isEqualTo("township");
        assertThat(auto.getString("report.level")).isEqualTo("township");
        assertThat(auto.getString("report.levelFromCodes.level")).isEqualTo("township");
        assertThat(auto.getInt("report.levelFromCodes.digits")).isEqualTo(9);
        assertThat(auto.getInt("report.levelFromCodes.matching")).isEqualTo(townships.size());
        assertThat(auto.getBoolean("report.publishable")).isTrue();

        JsonPath wrong = TestBoundaries.upload(townships.geoJson(), "乡镇.geojson", "base", null).statusCode(201).extract().jsonPath();
        assertThat(wrong.getList("report.problems.check")).containsExactly("level-mismatch");
        assertThat(wrong.getString("report.problems[0].message"))
                .contains("%d of the %d codes have 9 digits".formatted(townships.size(), townships.size()), "level township");
        assertThat(wrong.getString("report.levelFromCodes.level")).isEqualTo("township");

        // The codes tell a level the scope is not above: refused as a scope of the chosen level would be.
        String township = county.first(GridLevel.TOWNSHIP);
        TestBoundaries.upload(townships.geoJson(), "乡镇.geojson", "auto", township).statusCode(400)
                .body("errors[0].field", equalTo("scope"));
    }

    /**
     * The same merge of two grids, as GeoJSON in degrees and as a Gauss-Krüger Shapefile with
     * coordinates to the centimetre (as surveyors deliver them), both made by ogr2ogr from the same
     * geometry: the same grids are reshaped, not every grid the rounding moved by millimetres.
     */
    @Test
    void reprojectionAndRoundingAreNotReshaping(@TempDir Path dir) throws Exception {
        var group = TestBoundaries.group(county, 41);
        var file = new TestBoundaries(county).childrenOf(group.code()).without(group.a()).without(group.b());
        file.feature(group.a(), "合并后的网格", file.geometry("SELECT ST_Union(a.geom, b.geom) FROM grid a, grid b WHERE a.code = ? AND b.code = ? "
                + "AND a.version_id = %1$s AND b.version_id = %1$s".formatted(PUBLISHED), group.a(), group.b()));
        Path source = Files.write(dir.resolve("grids.geojson"), file.geoJson());
        Path degrees = dir.resolve("degrees.geojson");
        Fixtures.ogr2ogr("-f", "GeoJSON", "-lco", "COORDINATE_PRECISION=7", degrees.toString(), source.toString());
        Path metres = dir.resolve("gk.geojson");
        Fixtures.ogr2ogr("-f", "GeoJSON", "-t_srs", "EPSG:4544", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=2", metres.toString(), source.toString());
        Path shp = Files.createDirectories(dir.resolve("shp"));
        Fixtures.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.resolve("grids.shp").toString(), metres.toString());
        Path zip = Fixtures.zip(shp, dir.resolve("grids.zip"), "");

        JsonPath asGeoJson = TestBoundaries.upload(Files.readAllBytes(degrees), "grids.geojson", "base", group.code()).statusCode(201).extract().jsonPath();
        JsonPath asShapefile = TestBoundaries.upload(Files.readAllBytes(zip), "grids.zip", "base", group.code()).statusCode(201).extract().jsonPath();

        assertThat(asShapefile.getString("crs")).contains("4544");
        assertThat(asGeoJson.getList("report.changes.reshaped.codes")).containsExactly(group.a());
        assertThat(asShapefile.getList("report.changes.reshaped.codes")).containsExactly(group.a());
        assertThat(asShapefile.getList("report.changes.removed.codes")).containsExactly(group.b());
        assertThat(asShapefile.getDouble("report.tolerances.reshapeToleranceM")).isEqualTo(0.5);
        int draft = asShapefile.getInt("id");
        assertThat(county.list("SELECT code FROM draft_change WHERE version_id = ? AND change = 'reshaped'", draft)).containsExactly(group.a());
    }

    @Test
    void theProblemsAreExportedAsCsvAndAsGeoJsonWithTheirOwnAreas() {
        var group = TestBoundaries.group(county, 42);
        var file = new TestBoundaries(county).childrenOf(group.code()).without(group.a());
        // a pushed 30 m into b: an overlap of its own shape.
        file.feature(group.a(), "越界", file.geometry("SELECT ST_Union(a.geom, ST_Intersection(ST_Buffer(a.geom::geography, 30)::geometry, b.geom)) "
                + "FROM grid a, grid b WHERE a.code = ? AND b.code = ? AND a.version_id = %1$s AND b.version_id = %1$s".formatted(PUBLISHED),
                group.a(), group.b()));
        JsonPath report = file.upload(group.code()).statusCode(201).extract().jsonPath();
        int id = report.getInt("id");
        List<Map<String, Object>> problems = report.getList("report.problems");
        int overlap = problems.indexOf(problems.stream().filter(p -> "overlap".equals(p.get("check"))).findFirst().orElseThrow());
        assertThat(problems.get(overlap)).containsEntry("other", group.b()).doesNotContainKey("shape");

        String csv = given().get("/api/boundaries/drafts/%d/problems.csv".formatted(id)).then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("draft-%d-problems.csv".formatted(id)))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFindex,severity,check,feature,code,other,areaM2,lon,lat,message");
        assertThat(lines).hasSize(problems.size() + 1);
        assertThat(lines.get(overlap + 1)).startsWith(overlap + ",error,overlap,").contains(group.a() + "," + group.b());

        String shapes = given().get("/api/boundaries/drafts/%d/problems.geojson".formatted(id)).then().statusCode(200)
                .header("Content-Disposition", containsString("draft-%d-problems.geojson".formatted(id))).extract().asString();
        JsonPath geoJson = JsonPath.from(shapes);
        assertThat(geoJson.getList("features")).hasSize(problems.size());
        assertThat(geoJson.getString("features[%d].geometry.type".formatted(overlap))).isIn("Polygon", "MultiPolygon");
        assertThat(geoJson.getString("features[%d].properties.check".formatted(overlap))).isEqualTo("overlap");
        double area = Double.parseDouble(county.one("""
                SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(f -> 'geometry'), 4326)::geography)
                  FROM jsonb_array_elements(?::jsonb -> 'features') f WHERE (f -> 'properties' ->> 'index')::int = ?""", shapes, overlap));
        assertThat(area).isCloseTo(((Number) problems.get(overlap).get("areaM2")).doubleValue(), org.assertj.core.data.Percentage.withPercentage(1));

        // A draft with no report has nothing to export yet.
        int reading = draftLeftIn("reading", false);
        given().get("/api/boundaries/drafts/%d/problems.csv".formatted(reading)).then().statusCode(409)
                .contentType(containsString("application/problem+json"));
    }
}
