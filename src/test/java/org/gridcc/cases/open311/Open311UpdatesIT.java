package org.gridcc.cases.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.cases.open311.Open311Client.at;
import static org.gridcc.cases.open311.Open311Client.created;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/**
 * GET servicerequestupdates: what happened to requests, from the case history, as FixMyStreet-style
 * clients poll it; only changes of state, each told by its status note, never who acted or what they wrote.
 */
@QuarkusTest
class Open311UpdatesIT {

    private static final String UPDATES = "/open311/v2/servicerequestupdates.";

    @Inject
    DemoCounty county;

    @Inject
    ServiceClock clock;

    private double[] inBaseGrid() {
        return county.pointIn(county.first(GridLevel.BASE));
    }

    /** A start_date just before now: the updates a test makes are after it. */
    private String aMinuteAgo() {
        return W3Time.format(clock.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS));
    }

    private static void act(String code, String action, String body) {
        given().contentType("application/json").body(body).post("/api/cases/" + code + "/actions/" + action).then().statusCode(200);
    }

    private static ValidatableResponse updates(String format, Map<String, ?> parameters) {
        return given().queryParams(parameters).get(UPDATES + format).then();
    }

    @Test
    void eachChangeOfStateIsAnUpdateWithItsStatusNoteAndNothingElse() {
        String since = aMinuteAgo();
        String code = created(at("urban_management", inBaseGrid()).formParam("description", "路灯坏了")
                .formParam("first_name", "三").formParam("last_name", "张").formParam("phone", "13812341234"));
        act(code, "supervise", "{\"actor\": \"值班员李明\", \"reason\": \"内部督办意见：抓紧\"}");
        act(code, "reject", "{\"actor\": \"值班员李明\", \"reason\": \"重复反映，已并案\"}");
        act(code, "archive", "{\"actor\": \"值班员李明\"}");

        String body = updates("json", Map.of("start_date", since)).statusCode(200)
                .contentType("application/json")
                .body("findAll { it.service_request_id == '%s' }.status".formatted(code), equalTo(List.of("open", "closed", "closed")))
                .body("findAll { it.service_request_id == '%s' }.description".formatted(code),
                        equalTo(List.of("已登记（received）", "不予受理（rejected）", "已归档（archived）")))
                .body("findAll { it.service_request_id == '%s' }.updated_datetime".formatted(code),
                        everyItem(matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00")))
                .body("findAll { it.service_request_id == '%s' }.media_url".formatted(code), everyItem(nullValue()))
                .body("[0].keySet()", equalTo(java.util.Set.of("update_id", "service_request_id", "status", "updated_datetime",
                        "description", "media_url")))
                .extract().asString();
        assertThat(body).doesNotContain("李明").doesNotContain("督办意见").doesNotContain("重复反映").doesNotContain("路灯坏了")
                .doesNotContain("张").doesNotContain("13812341234");

        List<String> ids = given().queryParam("start_date", since).get(UPDATES + "json").then().extract()
                .path("findAll { it.service_request_id == '%s' }.update_id".formatted(code));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids.stream().map(Long::parseLong).toList()).isSorted();
    }

    @Test
    void xmlIsAListOfRequestUpdatesAsFixMyStreetReadsIt() {
        String since = aMinuteAgo();
        String code = created(at("consultation", inBaseGrid()));

        XmlPath xml = updates("xml", Map.of("start_date", since)).statusCode(200)
                .contentType("text/xml")
                .extract().xmlPath();
        assertThat(xml.getString("service_requests_updates.request_update.find { it.service_request_id == '%s' }.status".formatted(code)))
                .isEqualTo("open");
        assertThat(xml.getString("service_requests_updates.request_update.find { it.service_request_id == '%s' }.description"
                .formatted(code))).isEqualTo("已登记（received）");
        assertThat(xml.getString("service_requests_updates.request_update.find { it.service_request_id == '%s' }.update_id"
                .formatted(code))).matches("\\d+");
    }

    @Test
    void petitionsAndConfidentialCasesHaveNoUpdates() {
        String since = aMinuteAgo();
        double[] p = inBaseGrid();
        String petition = created(at("petition", p).formParam("description", "反映征地补偿问题"));
        String confidential = org.gridcc.cases.TestCases.post(p, "report_official", null);
        String listed = created(at("consultation", p));

        for (String key : new String[] {null, Open311Client.KEY}) {
            var request = given().queryParam("start_date", since);
            if (key != null) request.queryParam("api_key", key);
            request.get(UPDATES + "json").then()
                    .statusCode(200)
                    .body("service_request_id", hasItem(listed))
                    .body("service_request_id", not(hasItem(petition)))
                    .body("service_request_id", not(hasItem(confidential)));
        }
    }

    @Test
    void pagesOfPageSizeTogetherAreTheWholeAnswer() {
        String since = aMinuteAgo();
        double[] p = inBaseGrid();
        for (int i = 0; i < 3; i++) created(at("consultation", p));

        List<String> whole = updates("json", Map.of("start_date", since)).statusCode(200).extract().path("update_id");
        assertThat(whole).hasSizeGreaterThanOrEqualTo(3);
        var paged = new ArrayList<String>();
        for (int page = 1; page <= whole.size() + 1; page++) {
            List<String> one = updates("json", Map.of("start_date", since, "page", page, "page_size", 2)).statusCode(200)
                    .body("size()", lessThanOrEqualTo(2))
                    .extract().path("update_id");
            paged.addAll(one);
        }
        assertThat(paged).isEqualTo(whole);
    }

    @Test
    void badParametersAre400InOpen311sFormat() {
        updates("json", Map.of("start_date", "yesterday")).statusCode(400)
                .contentType("application/json")
                .body("[0].code", equalTo(400))
                .body("[0].description", containsString("start_date: \"yesterday\" is not a w3 datetime"));
        updates("xml", Map.of("start_date", "2026-05-02T00:00:00+08:00", "end_date", "2026-05-01T00:00:00+08:00")).statusCode(400)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("400"))
                .body("errors.error.description", containsString("start_date: is after end_date"));
        updates("json", Map.of("start_date", "2026-01-01T00:00:00Z", "end_date", "2026-06-01T00:00:00Z")).statusCode(400)
                .body("[0].description", containsString("may not exceed 90 days"));
        updates("json", Map.of("page", "0")).statusCode(400)
                .body("[0].description", containsString("page: \"0\" is not a whole number from 1"));
        updates("json", Map.of("page_size", "5000")).statusCode(400)
                .body("[0].description", containsString("page_size: \"5000\" is not a whole number from 1 to 1,000"));
        updates("json", Map.of("page", "two")).statusCode(400)
                .body("[0].description", containsString("page: \"two\""));
    }

    @Test
    void anApiKeyIsOptionalButOneThatIsNotValidIs403() {
        String since = aMinuteAgo();
        String code = created(at("consultation", inBaseGrid()));

        updates("json", Map.of("start_date", since, "api_key", Open311Client.KEY)).statusCode(200)
                .body("service_request_id", hasItem(code));
        updates("xml", Map.of("api_key", "guessed")).statusCode(403)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("403"))
                .body("errors.error.description", containsString("api_key is not valid"));
    }
}
