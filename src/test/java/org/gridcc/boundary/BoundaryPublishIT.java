package org.gridcc.boundary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gridcc.cases.TestCases;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.tiles.TestTiles;
import org.gridcc.live.LiveClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing and rolling back boundaries: who moves, what /live hears, what a conflict or a failure leaves. */
@QuarkusTest
class BoundaryPublishIT {

    private static final String PUBLISHED = "(SELECT id FROM grid_version WHERE status = 'published')";

    @Inject
    DemoCounty county;

    @TestHTTPResource("/")
    URL service;

    private int original;

    @BeforeEach
    void remember() {
        original = county.publishedVersion();
    }

    /** Every test leaves the demo county's version published, as the other tests expect. */
    @AfterEach
    void restore() {
        county.execute("DROP TRIGGER IF EXISTS fail_grid_changed ON case_event");
        if (county.publishedVersion() != original) {
            given().post("/api/boundaries/versions/%d/rollback".formatted(original)).then().statusCode(200);
        }
        TestBoundaries.forgetOtherVersions(county);
    }

    @Test
    void publishMovesHouseholdsAndOpenCasesAndRollbackMovesThemBack() throws Exception {
        var group = TestBoundaries.group(county, 10);
        String open = TestCases.post(county.pointIn(group.b()), "consultation", null);
        String closed = TestCases.post(county.pointIn(group.b()), "consultation", null);
        given().contentType("application/json").body("{\"actor\": \"值班员\", \"reason\": \"不属于受理范围\"}")
                .post("/api/cases/" + closed + "/actions/reject").then().statusCode(200);
        long inB = county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.b());
        long inA = county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.a());
        assertThat(inB).as("households in " + group.b()).isPositive();

        double[] inOldB = county.pointIn(group.b());
        try (LiveClient live = LiveClient.connect(service.getPort(), "")) {
            live.awaitType("snapshot");
            int draft = mergeDraft(group);
            given().get("/api/boundaries/drafts/" + draft).then()
                    .body("report.changes.removed.codes", equalTo(List.of(group.b())))
                    .body("report.changes.reshaped.codes", equalTo(List.of(group.a())))
                    .body("report.changes.householdsMoving", equalTo((int) inB))
                    .body("report.changes.households[0].from", equalTo(group.b()))
                    .body("report.changes.households[0].to", equalTo(group.a()))
                    .body("report.changes.casesMoving", equalTo(1))
                    .body("report.changes.cases[0].code", equalTo(open));
            // The difference layer of the draft's tiles draws both changes.
            JtsMvt tile = TestTiles.decode(given().get(TestTiles.path(TestTiles.tileAt(14, inOldB)) + "?v=" + draft).then().statusCode(200)
                    .extract().response());
            assertThat(tile.getLayer("changes").getGeometries().stream().map(g -> ((Map<?, ?>) g.getUserData()).get("code") + " "
                    + ((Map<?, ?>) g.getUserData()).get("change")).toList())
                    .contains(group.b() + " removed", group.a() + " reshaped");

            given().post("/api/boundaries/drafts/%d/publish".formatted(draft)).then().statusCode(200)
                    .body("published", equalTo(draft))
                    .body("retired", equalTo(original))
                    .body("householdsMoved", equalTo((int) inB))
                    .body("casesMoved", equalTo(1));

            assertThat(county.publishedVersion()).isEqualTo(draft);
            assertThat(county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.b())).isZero();
            assertThat(county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.a())).isEqualTo(inA + inB);
            assertThat(baseOf(open)).isEqualTo(group.a());
            assertThat(baseOf(closed)).as("a closed case keeps the grid it was handled in").isEqualTo(group.b());
            assertThat(county.one("SELECT payload ->> 'from' || '>' || (payload ->> 'to') FROM case_event e JOIN \"case\" c ON c.id = e.case_id"
                    + " WHERE c.code = ? AND e.type = 'GRID_CHANGED'", open)).isEqualTo(group.b() + ">" + group.a());
            assertThat(county.one("SELECT actor FROM case_event e JOIN \"case\" c ON c.id = e.case_id WHERE c.code = ? AND e.type = 'GRID_CHANGED'",
                    open)).as("the publisher is named in the moved case's history").isEqualTo("系统管理员 (admin)");
            assertThat(county.count("SELECT count(*) FROM audit_entry WHERE actor = 'admin' AND action = ? AND outcome = 'ok'",
                    "POST /api/boundaries/drafts/%d/publish".formatted(draft))).isEqualTo(1);
            JsonObject boundaries = live.awaitType("boundaries");
            assertThat(boundaries.getInteger("gridVersion")).isEqualTo(draft);
            live.awaitEvent(open, "GRID_CHANGED");
            given().get("/api/grids/at?lon=%s&lat=%s".formatted(inOldB[0], inOldB[1])).then()
                    .body("gridVersion", equalTo(draft)).body("chain[-1].code", equalTo(group.a()));
            given().get("/api/boundaries/drafts/" + draft).then().body("state", equalTo("published"));
            given().delete("/api/boundaries/drafts/" + draft).then().statusCode(409);

            given().post("/api/boundaries/versions/%d/rollback".formatted(original)).then().statusCode(200)
                    .body("published", equalTo(original)).body("retired", equalTo(draft)).body("casesMoved", equalTo(1));
            assertThat(county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.b())).isEqualTo(inB);
            assertThat(baseOf(open)).isEqualTo(group.b());
            assertThat(county.count("SELECT count(*) FROM case_event e JOIN \"case\" c ON c.id = e.case_id WHERE c.code = ? AND e.type = 'GRID_CHANGED'",
                    open)).isEqualTo(2);
            given().get("/api/boundaries/versions").then().body("find { it.id == %d }.status".formatted(draft), equalTo("retired"));
        }
    }

    @Test
    void aCaseThatLeavesItsVillageGoesToTheCommitteeOfItsNewVillage() {
        // A version made by hand, as an earlier publish could have left it: village one handed over to its neighbour.
        String[] villages = county.one("""
                SELECT a.code || ' ' || b.code FROM grid a JOIN grid b ON b.version_id = a.version_id AND b.level = 'village'
                   AND b.parent_code = a.parent_code AND a.code <> b.code AND ST_Relate(a.geom, b.geom, 'F***1****')
                 WHERE a.version_id = %s AND a.level = 'village'
                   AND NOT EXISTS (SELECT 1 FROM "case" c WHERE c.village_code IN (a.code, b.code))
                 ORDER BY a.code DESC LIMIT 1""".formatted(PUBLISHED)).split(" ");
        String gone = villages[0], bigger = villages[1];
        String caseCode = TestCases.post(county.pointIn(gone), "consultation", null);
        assertThat(given().get("/api/cases/" + caseCode).then().extract().<String>path("unit.code")).isEqualTo(gone);
        int handMade = Integer.parseInt(county.one(
                "INSERT INTO grid_version (label, status, retired_at) VALUES ('测试：村并入邻村', 'retired', now()) RETURNING id"));
        county.execute("""
                INSERT INTO grid (version_id, code, level, parent_code, name, geom, head, workers)
                SELECT ?, code, level, parent_code, name,
                       CASE WHEN code = ? THEN ST_Multi(ST_Union(geom, (SELECT geom FROM grid WHERE version_id = %1$s AND code = ?))) ELSE geom END,
                       head, workers
                  FROM grid WHERE version_id = %1$s AND code NOT LIKE ? || '%%'""".formatted(PUBLISHED), handMade, bigger, gone, gone);

        given().post("/api/boundaries/versions/%d/rollback".formatted(handMade)).then().statusCode(200).body("casesMoved", equalTo(1));

        given().get("/api/cases/" + caseCode).then().body("unit.code", equalTo(bigger));
        assertThat(county.one("SELECT village_code FROM \"case\" WHERE code = ?", caseCode)).isEqualTo(bigger);
        assertThat(county.one("SELECT (payload ->> 'unitFrom') || '>' || (payload ->> 'unitTo') FROM case_event e JOIN \"case\" c ON c.id = e.case_id"
                + " WHERE c.code = ? AND e.type = 'GRID_CHANGED'", caseCode)).isEqualTo(gone + ">" + bigger);
    }

    @Test
    void ofTwoPublishesAtOnceOneWinsAndTheOtherIsAConflict() {
        int first = mergeDraft(TestBoundaries.group(county, 11));
        int second = mergeDraft(TestBoundaries.group(county, 12));

        var a = CompletableFuture.supplyAsync(() -> publish(first));
        var b = CompletableFuture.supplyAsync(() -> publish(second));
        List<Integer> statuses = List.of(a.join().statusCode(), b.join().statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        int winner = statuses.get(0) == 200 ? first : second, loser = winner == first ? second : first;
        assertThat(county.publishedVersion()).isEqualTo(winner);
        // The loser was checked against the version before: it must be checked again, then it can go.
        publish(loser).then().statusCode(409).contentType("application/problem+json").body("detail", containsString("check it again"));
        given().post("/api/boundaries/drafts/%d/check".formatted(loser)).then().statusCode(200)
                .body("baseVersion", equalTo(winner)).body("report.publishable", equalTo(true));
        publish(loser).then().statusCode(200).body("retired", equalTo(winner));
    }

    @Test
    void aPublishThatFailsHalfWayChangesNothing() {
        var group = TestBoundaries.group(county, 13);
        String open = TestCases.post(county.pointIn(group.b()), "consultation", null);
        int draft = mergeDraft(group);
        long inB = county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.b());
        county.execute("""
                CREATE OR REPLACE FUNCTION fail_grid_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the disk is full (a test)'; END $$""");
        county.execute("CREATE TRIGGER fail_grid_changed BEFORE INSERT ON case_event FOR EACH ROW "
                + "WHEN (NEW.type = 'GRID_CHANGED') EXECUTE FUNCTION fail_grid_changed()");

        publish(draft).then().statusCode(500).contentType("application/problem+json");

        assertThat(county.publishedVersion()).isEqualTo(original);
        assertThat(county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.b())).isEqualTo(inB);
        assertThat(baseOf(open)).isEqualTo(group.b());
        given().get("/api/boundaries/drafts/" + draft).then().body("state", equalTo("ready"));
        county.execute("DROP TRIGGER fail_grid_changed ON case_event");
        publish(draft).then().statusCode(200);
    }

    @Test
    void onlyARetiredVersionCanBeRolledBackTo() {
        given().post("/api/boundaries/versions/%d/rollback".formatted(original)).then()
                .statusCode(409).body("detail", containsString("already"));
        given().post("/api/boundaries/versions/999999/rollback").then().statusCode(404).contentType("application/problem+json");
        int draft = mergeDraft(TestBoundaries.group(county, 14));
        given().post("/api/boundaries/versions/%d/rollback".formatted(draft)).then()
                .statusCode(409).body("detail", containsString("publish it"));
        given().get("/api/boundaries/versions").then().body("id", hasItem(draft));
    }

    /** A draft that merges the group's grid b into its neighbour a. */
    private int mergeDraft(TestBoundaries.Group group) {
        var file = new TestBoundaries(county).childrenOf(group.code()).without(group.a()).without(group.b());
        String merged = file.geometry("SELECT ST_Union(a.geom, b.geom) FROM grid a, grid b WHERE a.code = ? AND b.code = ? "
                + "AND a.version_id = %1$s AND b.version_id = %1$s".formatted(PUBLISHED), group.a(), group.b());
        return file.feature(group.a(), "合并后的网格", merged).upload(group.code())
                .statusCode(201).body("report.publishable", equalTo(true)).extract().path("id");
    }

    private static Response publish(int draft) {
        return given().post("/api/boundaries/drafts/%d/publish".formatted(draft));
    }

    private String baseOf(String caseCode) {
        return county.one("SELECT base_code FROM \"case\" WHERE code = ?", caseCode);
    }
}
