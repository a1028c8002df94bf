package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** Reporters masked by default, unmasked reads audited, confidential reporters withheld. */
@QuarkusTest
class ReporterPrivacyIT {

    @Inject
    DemoCounty county;

    /** Posts a case as the admin, who sees its reporter as given here (masked, or withheld). */
    private String post(String category, String risk, String access) {
        double[] at = county.pointIn(county.first(GridLevel.BASE));
        return io.restassured.RestAssured.given().contentType("application/json").body("""
                        {"channel": "window", "category": "%s", "risk": "%s", "title": "隐私", "location": {"lon": %s, "lat": %s},
                         "reporter": {"name": "张三丰", "phone": "13812345678"}}""".formatted(category, risk, at[0], at[1]))
                .post("/api/cases").then().statusCode(201).body("reporterAccess", equalTo(access))
                .extract().path("code");
    }

    @Test
    void theReporterIsMaskedUnlessAnOfficerAsksAndEachUnmaskedReadIsAudited() {
        String code = post("neighbour_dispute", "low", "masked");
        var officer = TestUsers.user("officer", county.first(GridLevel.COUNTY), null);
        officer.given().get("/api/cases/" + code).then().statusCode(200)
                .body("reporter.name", equalTo("张**")).body("reporter.phone", equalTo("138****5678"))
                .body("reporterAccess", equalTo("masked"));
        assertThat(unmaskedReads(code)).isEmpty();

        officer.given().get("/api/cases/" + code + "?unmasked=true").then().statusCode(200)
                .body("reporter.name", equalTo("张三丰")).body("reporter.phone", equalTo("13812345678"))
                .body("reporterAccess", equalTo("unmasked")).header("Cache-Control", "no-store");
        assertThat(unmaskedReads(code)).containsExactly(officer.username());

        TestUsers.admin().given().get("/api/audit?action=case.unmasked&actor=" + officer.username()).then().statusCode(200)
                .body("entries[0].target", equalTo(code)).body("entries[0].detail.fields", equalTo("reporter"));
        // The list never shows reporters.
        TestUsers.admin().given().get("/api/cases?size=5").then().body("items[0]", not(hasItem("reporter")));
    }

    @Test
    void aConfidentialReportShowsItsReporterOnlyToTheUnitHandlingIt() {
        String code = post("report_official", "high", "withheld");
        String county = this.county.first(GridLevel.COUNTY);
        String unit = this.county.one("SELECT u.code FROM \"case\" c JOIN unit u ON u.id = c.unit_id WHERE c.code = ?", code);
        assertThat(unit).isEqualTo(county + "-report_official");

        var officer = TestUsers.user("officer", county, null);
        officer.given().get("/api/cases/" + code + "?unmasked=true").then().statusCode(200)
                .body("reporter", equalTo(null)).body("reporterAccess", equalTo("withheld"));
        TestUsers.admin().given().get("/api/cases/" + code).then().body("reporter", equalTo(null));

        var handler = TestUsers.user("handler", null, unit);
        handler.given().get("/api/cases/" + code).then().statusCode(200).body("reporter.name", equalTo("张**"));
        handler.given().get("/api/cases/" + code + "?unmasked=true").then().body("reporter.name", equalTo("张三丰"));
        assertThat(unmaskedReads(code)).containsExactly(handler.username());

        // The wall's ticker places it at the county only; other cases keep their grid.
        post("neighbour_dispute", "low", "masked");
        var wall = TestUsers.tokenUser("wall");
        List<java.util.Map<String, Object>> events = wall.given().get("/api/events?after=0&limit=1000").then().statusCode(200)
                .extract().path("events");
        assertThat(events).filteredOn(e -> code.equals(e.get("caseCode"))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("gridCode")).isEqualTo(county));
        assertThat(events).filteredOn(e -> !"report_official".equals(e.get("category")))
                .anySatisfy(e -> assertThat((String) e.get("gridCode")).hasSizeGreaterThan(county.length()));

        // Open311 neither offers the category nor shows such cases.
        TestUsers.anonymous().get("/open311/v2/services.json").then().body("service_code", not(hasItem("report_official")));
        TestUsers.anonymous().get("/open311/v2/requests/{id}.json", code).then().statusCode(404);
    }

    private List<String> unmaskedReads(String code) {
        return county.list("SELECT actor FROM audit_entry WHERE action = 'case.unmasked' AND target = ? ORDER BY id", code);
    }
}
