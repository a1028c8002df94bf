package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** The audit trail: every change with its caller and answer, queryable by admins, never edited. */
@QuarkusTest
class AuditTrailIT {

    @Inject
    DemoCounty county;

    @Test
    void changesAreRecordedWithTheCallerAndTheirOutcome() {
        var gis = TestUsers.user("gis", null, null);
        gis.given().post("/api/boundaries/versions/999999/rollback").then().statusCode(404);
        gis.given().contentType("application/json").body(Map.of("label", "x")).post("/api/users/admin/tokens").then().statusCode(403);

        var entries = TestUsers.admin().given().get("/api/audit?actor=" + gis.username()).then().statusCode(200);
        List<String> actions = entries.extract().path("entries.action");
        List<String> outcomes = entries.extract().path("entries.outcome");
        // Newest first.
        assertThat(actions).containsExactly("POST /api/users/admin/tokens", "POST /api/boundaries/versions/999999/rollback", "login");
        assertThat(outcomes).containsExactly("refused", "refused", "ok");
        entries.body("entries[0].role", equalTo("gis")).body("entries[0].detail.status", equalTo(403))
                .body("entries[0].address", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anAcceptedCaseChangeIsInTheCaseHistoryAndARefusedOneInTheTrail() {
        var officer = TestUsers.user("officer", county.first(GridLevel.COUNTY), null);
        double[] at = county.pointIn(county.first(GridLevel.BASE));
        String code = officer.given().contentType("application/json").body("""
                        {"channel": "window", "category": "neighbour_dispute", "title": "审计", "location": {"lon": %s, "lat": %s}}"""
                        .formatted(at[0], at[1]))
                .post("/api/cases").then().statusCode(201)
                .body("history[0].payload.takenInBy", equalTo("测试officer (" + officer.username() + ")"))
                .extract().path("code");
        officer.given().contentType("application/json").body(Map.of("reason", "督办")).post("/api/cases/{c}/actions/supervise", code)
                .then().statusCode(200).body("history[-1].actor", equalTo("测试officer (" + officer.username() + ")"));
        officer.given().contentType("application/json").body(Map.of()).post("/api/cases/{c}/actions/archive", code)
                .then().statusCode(409);

        assertThat(county.list("SELECT action || ' ' || outcome FROM audit_entry WHERE actor = ? AND action LIKE 'POST%' ORDER BY id",
                officer.username())).containsExactly("POST /api/cases/%s/actions/archive refused".formatted(code));
    }

    @Test
    void theTrailIsReadInPagesAndFiltered() {
        var gis = TestUsers.user("gis", null, null);
        for (int i = 0; i < 3; i++) gis.given().post("/api/boundaries/versions/99999%d/rollback".formatted(i)).then().statusCode(404);
        var first = TestUsers.admin().given().get("/api/audit?actor=%s&action=POST*&limit=2".formatted(gis.username()))
                .then().statusCode(200).body("entries.size()", equalTo(2)).extract();
        Integer next = first.path("next");
        TestUsers.admin().given().get("/api/audit?actor=%s&action=POST*&limit=2&before=%d".formatted(gis.username(), next))
                .then().body("entries.size()", equalTo(1)).body("entries[0].target", equalTo("/api/boundaries/versions/999990/rollback"))
                .body("next", equalTo(null));
        TestUsers.admin().given().get("/api/audit?outcome=maybe&from=yesterday").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("outcome", "from"));
    }

    @Test
    void theTrailCannotBeEditedOrEmptied() {
        TestUsers.user("gis", null, null);
        assertThatThrownBy(() -> county.execute("UPDATE audit_entry SET outcome = 'ok'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> county.execute("DELETE FROM audit_entry")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> county.execute("TRUNCATE audit_entry")).hasMessageContaining("append-only");
    }
}
