package org.gridcc.ui;

import static io.restassured.RestAssured.given;
import static org.gridcc.cases.TestCases.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.gridcc.cases.DeadlineSweeper;
import org.gridcc.cases.TestPhotos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The duty officer's desk (/desk) in Chromium: real clicks on the map open a grid's panel, a case
 * opened from it shows its history and takes actions through the API, a refused action shows the
 * service's reason, a case code typed in the search opens it, the overdue filter lists only
 * overdue cases, 包案, 延期, 评价 and 合并 are taken from the form, a drawn polygon counts the
 * households the API counts, and a case's photos are thumbnails that open in full. The desk is
 * signed in as the admin, who is the actor of what it does. Screenshots go to
 * target/screenshots/desk-*.png.
 */
@QuarkusTest
class DeskPageIT {

    @Inject
    DemoCounty county;

    @Inject
    DeadlineSweeper sweeper;

    @TestHTTPResource("/desk")
    URL desk;

    private ChromeDriver browser;
    private MapPage page;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        page = new MapPage(browser, "gridDesk");
        browser.manage().window().setSize(new Dimension(1600, 1000));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theDeskIsServedAtItsAddressAndNotKeptStale() {
        given().get("/desk?case=x").then().statusCode(200).header("Cache-Control", "no-cache")
                .contentType(containsString("text/html")).body(containsString("值班台"));
        given().get("/desk/").then().statusCode(200).body(containsString("值班台"));
    }

    @Test
    void aClickOnAGridOpensItsPanelWithCodeNameHeadHouseholdsAndOpenCasesAndTheOpenPanelFollowsEvents() {
        String base = base(5010);
        double[] point = county.pointIn(base);
        String code = post(point, "neighbour_dispute", null);
        JsonPath grid = given().get("/api/grids/" + base).then().statusCode(200).extract().jsonPath();

        open(desk.toString());
        zoomTo(point);
        clickAt(point);
        page.await(() -> base.equals(page.attribute("#grid-panel", "data-grid")) && page.displayed("#grid-panel"), "the panel of grid " + base);
        assertThat(page.text("#grid-panel .grid-code")).isEqualTo(base);
        assertThat(page.text("#grid-panel .grid-name")).isEqualTo(grid.getString("name"));
        assertThat(page.text("#grid-panel .grid-head")).isEqualTo(grid.getString("head") == null ? "–" : grid.getString("head"));
        assertThat(page.text("#grid-panel .grid-households")).isEqualTo(String.valueOf(grid.getLong("counts.households")));
        assertThat(page.text("#grid-panel")).contains("网格编码", "户数", "在办案件");
        WebElement row = browser.findElement(By.cssSelector("#grid-panel tr[data-case='" + code + "']"));
        assertThat(row.getText()).contains(code, "已登记");
        assertThat(row.getText()).containsPattern("\\d\\d/\\d\\d \\d\\d:\\d\\d"); // its next deadline
        page.idle();
        page.screenshot("desk-grid");

        // Live: a case posted elsewhere into this grid appears in the open panel without a click.
        long refreshes = page.number("return gridDesk.refreshes()");
        String another = post(point, "consultation", null);
        page.await(() -> !browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + another + "']")).isEmpty(),
                "the new case " + another + " in the open panel");
        assertThat(page.number("return gridDesk.refreshes()")).isGreaterThan(refreshes);
        assertThat(((Number) page.featureState(base).getOrDefault("open", 0L)).intValue()).isGreaterThanOrEqualTo(2);

        // A second click on the selected grid lets it go: the panel closes, the outline goes, the URL forgets it.
        clickAt(point);
        page.await(() -> !page.displayed("#grid-panel") && page.js("return gridDesk.selected()") == null, "the grid deselected");
        assertThat(browser.getCurrentUrl()).doesNotContain("grid=");
        assertThat(page.displayed("#hint")).isTrue();
    }

    @Test
    void aCaseOpenedFromTheGridShowsItsHistoryAndActionsTakenOnThePageReachTheApi() {
        String base = base(5020);
        double[] point = county.pointIn(base);
        String code = post(point, "neighbour_dispute", null);

        open(desk.toString());
        zoomTo(point);
        clickAt(point);
        page.await(() -> !browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + code + "'] button")).isEmpty(), "the case in the grid's panel");
        browser.findElement(By.cssSelector("#grid-panel tr[data-case='" + code + "'] button")).click();
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")) && page.displayed("#case-panel"), "the case panel");
        assertThat(page.text("#case-panel .case-code")).isEqualTo(code);
        assertThat(browser.findElements(By.cssSelector("#history li[data-type=RECEIVED]"))).hasSize(1);
        // Deadlines by name (the code on hover); 签收 the word for the claim deadline and the action that meets it.
        assertThat(page.text("#case-panel .deadlines")).contains("签收", "答复", "办结").doesNotContain("CLAIM");
        assertThat(page.attribute("#case-panel .deadlines tr[data-kind=CLAIM] td", "title")).isEqualTo("CLAIM");
        // 接收时间 for the time received (受理 is an action); no internal version number.
        assertThat(page.text("#case-panel .facts")).contains("接收时间").doesNotContain("受理时间").doesNotContain("版本");
        assertThat(browser.findElements(By.cssSelector("#case-panel .case-version"))).isEmpty();

        // 督办 with a note, on behalf of a grid worker who called in: the signed-in user is the actor.
        String actor = TestUsers.admin().given().get("/api/session").then().statusCode(200).extract().path("displayName") + " (admin)";
        browser.findElement(By.cssSelector("#action-form input[name=actor]")).sendKeys("网格员李四");
        act("supervise", "请三日内办结（测试督办）", null);
        page.await(() -> !browser.findElements(By.cssSelector("#history li[data-type=SUPERVISED]")).isEmpty(), "SUPERVISED in the history on the page");
        assertThat(page.text("#message")).contains("已督办");
        assertThat(page.text("#history li[data-type=SUPERVISED]")).contains(actor, "代 网格员李四");
        JsonPath view = given().get("/api/cases/" + code).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("history.type", String.class)).containsExactly("RECEIVED", "SUPERVISED");
        assertThat(view.getString("history[1].actor")).isEqualTo(actor);
        assertThat(view.getString("history[1].payload.onBehalfOf")).isEqualTo("网格员李四");
        assertThat(view.getString("history[1].payload.reason")).isEqualTo("请三日内办结（测试督办）");
        assertThat(view.getBoolean("supervised")).isTrue();

        // 派单 to the village committee, with the version the page read (If-Match).
        String village = base.substring(0, 12);
        act("dispatch", null, village);
        page.await(() -> "dispatched".equals(page.attribute("#case-panel .case-status", "data-status")), "the case dispatched on the page");
        view = given().get("/api/cases/" + code).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("history.type", String.class)).containsExactly("RECEIVED", "SUPERVISED", "DISPATCHED");
        assertThat(view.getString("unit.code")).isEqualTo(village);
        assertThat(view.getString("status")).isEqualTo("dispatched");
        assertThat(view.getString("history[2].actor")).isEqualTo(actor);
        assertThat(view.getString("history[2].payload.onBehalfOf")).as("on behalf of nobody when the field is left empty").isNull();
        assertThat(browser.findElements(By.cssSelector("#history li"))).hasSize(3);
        page.screenshot("desk-case");
    }

    @Test
    void aCaseCodeTypedInTheSearchOpensItWithTheActionsAllowedNowAndARefusalShowsTheServicesReason() {
        String code = post(county.pointIn(base(5030)), "consultation", null);
        open(desk.toString());

        // A mistyped code: the service's reason (the check character), shown to the officer.
        String mistyped = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
        var refused = given().get("/api/cases/" + mistyped).then().extract();
        assertThat(refused.statusCode()).isBetween(400, 499);
        search(mistyped);
        page.await(() -> page.displayed("#search-message") && String.valueOf(refused.statusCode()).equals(page.attribute("#search-message", "data-status")),
                "the mistyped code refused by the search box");
        // Said in Chinese with what to do; the service's English on hover only.
        assertThat(page.text("#search-message")).contains("编码", "核对").doesNotContain("check character");
        assertThat(page.attribute("#search-message", "title")).contains("check character");
        assertThat(page.displayed("#message")).isFalse();

        search(code);
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")) && page.displayed("#case-panel"), "the case found by its code");
        assertThat(page.text("#case-panel .case-code")).isEqualTo(code);
        assertThat(page.text("#case-panel .case-status")).contains("已登记");
        assertThat(browser.findElements(By.cssSelector("#history li[data-type=RECEIVED]"))).hasSize(1);

        // The form offers what the service allows now, and nothing else (归档 is not allowed while received).
        List<String> allowed = given().get("/api/cases/" + code).then().extract().jsonPath().getList("allowedActions", String.class);
        assertThat(new Select(browser.findElement(By.cssSelector("#action-form select[name=action]"))).getOptions())
                .extracting(option -> option.getAttribute("value")).containsExactlyInAnyOrderElementsOf(allowed).doesNotContain("archive");
        // 不予受理 without its reason: the service's reason, shown to the officer.
        act("reject", null, null);
        page.await(() -> "400".equals(page.attribute("#message", "data-status")), "the 400 shown");
        String field = given().contentType("application/json").body("{\"actor\": \"测试\"}")
                .post("/api/cases/" + code + "/actions/reject").then().statusCode(400).extract().path("errors[0].field");
        assertThat(field).isEqualTo("reason");
        assertThat(page.text("#message")).contains("理由/意见：请填写").doesNotContain("The action needs more").doesNotContain("reason:");
        assertThat(page.attribute("#message", "data-kind")).isEqualTo("error");
        page.screenshot("desk-refused");
        // Nothing was written.
        assertThat(given().get("/api/cases/" + code).then().extract().jsonPath().getList("history.type")).containsExactly("RECEIVED");
    }

    @Test
    void theOverdueFilterListsOnlyOverdueCasesInTheCountyAndInAGrid() {
        String base = base(5060);
        double[] point = county.pointIn(base);
        String late = post(point, "consultation", java.time.OffsetDateTime.now().minusDays(8));
        String fresh = post(point, "consultation", null);
        sweeper.sweep().await().atMost(Duration.ofSeconds(10));
        open(desk.toString());

        browser.findElement(By.id("overdue-only")).click();
        page.await(() -> page.displayed("#overdue-panel") && !browser.findElements(By.cssSelector("#overdue-panel tr[data-case='" + late + "']")).isEmpty(),
                "the late case in the county's overdue list");
        assertThat(browser.findElements(By.cssSelector("#overdue-panel tr[data-case='" + fresh + "']"))).isEmpty();
        int total = given().get("/api/cases?grid=530324&overdue=true&size=1").then().extract().path("total");
        assertThat(page.text("#overdue-panel h2")).contains(String.valueOf(total));

        zoomTo(point);
        clickAt(point);
        page.await(() -> !browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + late + "']")).isEmpty(), "the late case in the grid's list");
        assertThat(browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + fresh + "']"))).isEmpty();
        browser.findElement(By.id("overdue-only")).click();
        page.await(() -> !browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + fresh + "']")).isEmpty(), "every open case again");
        page.screenshot("desk-overdue");
    }

    @Test
    void leaderExtensionEvaluationAndMergeAreTakenFromThePage() {
        double[] point = county.pointIn(base(5070));
        // 信访: accepted, then 领导包案 and 延期 on the page.
        String petition = post(point, "petition", null);
        apiAct(petition, "accept", "{\"actor\": \"a\"}");
        open(desk.toString());
        search(petition);
        page.await(() -> petition.equals(page.attribute("#case-panel", "data-case")), "the petition");
        act("assign-leader", Map.of("leader.leader", "县长", "leader.unit", "罗平县信访局", "leader.person", "王主任",
                "leader.deadline", java.time.LocalDate.now().plusDays(20).toString()));
        page.await(() -> !browser.findElements(By.cssSelector("#history li[data-type=LEADER_ASSIGNED]")).isEmpty(), "LEADER_ASSIGNED on the page");
        // Who holds the case (四定) is on the case panel, and its date is a deadline of its own.
        page.await(() -> page.text("#case-panel .case-leader").contains("县长"), "the lead leader on the case panel");
        assertThat(page.text("#case-panel .case-leader")).contains("罗平县信访局", "王主任");
        assertThat(browser.findElements(By.cssSelector("#case-panel .deadlines tr[data-kind=CASE_LEAD]"))).hasSize(1);
        act("extend", Map.of("days", "20", "reason", "需要鉴定（测试）"));
        page.await(() -> !browser.findElements(By.cssSelector("#history li[data-type=EXTENDED]")).isEmpty(), "EXTENDED on the page");
        JsonPath view = given().get("/api/cases/" + petition).then().extract().jsonPath();
        assertThat(view.getString("history.find { it.type == 'LEADER_ASSIGNED' }.payload.leader.leader")).isEqualTo("县长");
        assertThat(view.getInt("history.find { it.type == 'EXTENDED' }.payload.days")).isEqualTo(20);

        // A finished case: 评价 on the page.
        String handled = post(point, "consultation", null);
        String village = base(5070).substring(0, 12);
        apiAct(handled, "dispatch", "{\"actor\": \"a\", \"unit\": \"%s\"}".formatted(village));
        for (String action : List.of("claim", "contact")) apiAct(handled, action, "{\"actor\": \"u\", \"unit\": \"%s\"}".formatted(village));
        for (String action : List.of("reply", "finish")) {
            apiAct(handled, action, "{\"actor\": \"u\", \"unit\": \"%s\", \"reason\": \"已处理\"}".formatted(village));
        }
        search(handled);
        page.await(() -> handled.equals(page.attribute("#case-panel", "data-case")), "the finished case");
        act("evaluate", Map.of("rating", "基本满意"));
        page.await(() -> "evaluated".equals(page.attribute("#case-panel .case-status", "data-status")), "the case evaluated on the page");
        // The form follows the case: once evaluated it offers 归档, and no second evaluation.
        page.await(() -> !browser.findElements(By.cssSelector("#action-form select[name=action] option[value=archive]")).isEmpty(),
                "archive offered once evaluated");
        assertThat(browser.findElements(By.cssSelector("#action-form select[name=action] option[value=evaluate]"))).isEmpty();
        assertThat(given().get("/api/cases/" + handled).then().extract().<String>path("history.find { it.type == 'EVALUATED' }.payload.rating"))
                .isEqualTo("基本满意");

        // A second report of the same thing: 合并 into the first (the form offers the API's first possible duplicate).
        String first = post(point, "neighbour_dispute", null);
        String again = post(point, "neighbour_dispute", null);
        search(again);
        page.await(() -> again.equals(page.attribute("#case-panel", "data-case")), "the second report");
        new Select(browser.findElement(By.cssSelector("#action-form select[name=action]"))).selectByValue("merge");
        String offered = given().get("/api/cases/" + again).then().extract().path("possibleDuplicates[0].code");
        assertThat(browser.findElement(By.cssSelector("#action-form input[name=other]")).getAttribute("value")).isEqualTo(offered);
        act("merge", Map.of("other", first));
        page.await(() -> "archived".equals(page.attribute("#case-panel .case-status", "data-status")), "the second report merged");
        assertThat(given().get("/api/cases/" + again).then().extract().<String>path("history.find { it.type == 'MERGED' }.payload.other"))
                .isEqualTo(first);
    }

    @Test
    void aPolygonDrawnOnTheMapCountsTheHouseholdsTheApiCounts() {
        double[] point = county.pointIn(base(5040));
        open(desk.toString());
        zoomTo(point);
        browser.findElement(By.id("draw")).click();
        int r = 150;
        for (int[] corner : new int[][] {{-r, -r}, {r, -r}, {r, r}}) clickAt(point, corner[0], corner[1]);
        // The last corner by double-click, which also finishes the polygon.
        new Actions(browser).moveToElement(canvas(), offset(point)[0] - r, offset(point)[1] + r).doubleClick().perform();
        page.await(() -> !browser.findElements(By.id("area-total")).isEmpty() && page.displayed("#area-panel"), "the households counted");
        Map<String, Object> drawn = page.js("return gridDesk.drawn()");
        @SuppressWarnings("unchecked")
        List<List<List<Number>>> rings = (List<List<List<Number>>>) drawn.get("coordinates");
        assertThat(rings.get(0)).as("four corners and the closing one").hasSize(5);
        assertThat(rings.get(0).get(0)).isEqualTo(rings.get(0).get(4));

        long expected = given().contentType("application/json").body(drawn).post("/api/households/count").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        assertThat(expected).as("households in a 300-pixel square at z13.5").isPositive();
        assertThat(page.text("#area-total")).isEqualTo(String.valueOf(expected));
        page.idle();
        page.screenshot("desk-area");

        // Clear and draw again with the finish button.
        browser.findElement(By.id("draw-clear")).click();
        browser.findElement(By.id("draw")).click();
        for (int[] corner : new int[][] {{-r, -r}, {r, -r}, {0, r}}) clickAt(point, corner[0], corner[1]);
        browser.findElement(By.id("draw-finish")).click();
        page.await(() -> page.number("return gridDesk.drawn() ? gridDesk.drawn().coordinates[0].length : 0") == 4, "the triangle counted");
        Map<String, Object> triangle = page.js("return gridDesk.drawn()");
        long triangleCount = given().contentType("application/json").body(triangle).post("/api/households/count").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        page.await(() -> page.text("#area-total").equals(String.valueOf(triangleCount)), "the triangle's count shown");
    }

    @Test
    void theCasePanelShowsThePhotosAsThumbnailsAndAClickOpensTheFullPhoto() {
        double[] point = county.pointIn(base(5080));
        byte[] png = TestPhotos.png(320, 200, 31);
        String code = TestPhotos.post(TestPhotos.caseJson(point, "urban_management", "井盖破损"),
                        new TestPhotos.Part("井盖.png", "image/png", png), new TestPhotos.Part("现场.jpg", "image/jpeg", TestPhotos.jpeg(120, 90)))
                .then().statusCode(201).extract().path("code");
        open(desk.toString());
        search(code);
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")) && page.displayed("#case-panel"), "the case panel");
        assertThat(page.text("#case-panel")).contains("照片");
        assertThat(page.text("#history li[data-type=RECEIVED]")).contains("附照片 2 张");
        // Both thumbnails loaded and decoded: the service served them to the signed-in page.
        page.await(() -> page.number("return [...document.querySelectorAll('#case-panel .photos img')]"
                + ".filter(img => img.complete && img.naturalWidth > 0).length") == 2, "two thumbnails shown");
        assertThat(page.<String>js("return document.querySelector('#case-panel .photos img').getAttribute('src')"))
                .isEqualTo("/api/cases/" + code + "/media/1");
        assertThat(page.number("return document.querySelector('#case-panel .photos img').getBoundingClientRect().width"))
                .isLessThan(200); // a thumbnail, not the photo's 320 pixels
        page.screenshot("desk-photos");

        // A refresh of the open case (an action elsewhere) keeps the thumbnails shown: photos are kept by no cache.
        browser.executeScript("document.querySelector('#case-panel .photos img').dataset.shown = 'before'");
        apiAct(code, "supervise", "{\"reason\": \"请尽快处理井盖\"}");
        page.await(() -> !browser.findElements(By.cssSelector("#history li[data-type=SUPERVISED]")).isEmpty(), "the case refreshed");
        assertThat(page.attribute("#case-panel .photos img", "data-shown")).isEqualTo("before");

        browser.findElement(By.cssSelector("#case-panel .photos .thumb[data-n='1']")).click();
        page.await(() -> page.displayed("#photo-viewer") && page.number("return document.getElementById('photo-full').naturalWidth") == 320,
                "the full photo");
        assertThat(page.text("#photo-caption")).contains("照片 1", "PNG");
        assertThat(page.attribute("#photo-open", "href")).endsWith("/api/cases/" + code + "/media/1");
        page.screenshot("desk-photo-full");
        browser.findElement(By.id("photo-close")).click();
        page.await(() -> !page.displayed("#photo-viewer"), "the full photo closed");
    }

    @Test
    void aTownshipOfficerSeesAGridBesideItsOwnWithoutItsCasesOrAZeroCount() {
        List<String> townships = county.list("SELECT code FROM grid WHERE level = 'township' "
                + "AND version_id = (SELECT id FROM grid_version WHERE status = 'published') ORDER BY code LIMIT 2");
        String village = county.one("SELECT min(code) FROM grid WHERE level = 'village' AND code LIKE ? || '%'", townships.get(1));
        String elsewhere = post(county.pointIn(county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%'",
                village)), "neighbour_dispute", null);
        HeadlessChromium.signIn(browser, desk, TestUsers.user("officer", townships.get(0), null).cookie());
        browser.get(desk.toString());
        page.await(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.gridDesk && gridDesk.live.state === 'live')")),
                "the desk to be live");
        page.idle();

        // The desk starts on the officer's own township, zoomed to and outlined.
        List<Number> own = given().get("/api/grids/" + townships.get(0)).then().statusCode(200).extract().path("bbox");
        List<Number> whole = given().get("/api/grids/530324").then().statusCode(200).extract().path("bbox");
        List<Number> shown = page.js("const b = gridDesk.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]");
        double ownCentreLon = (own.get(0).doubleValue() + own.get(2).doubleValue()) / 2;
        double ownCentreLat = (own.get(1).doubleValue() + own.get(3).doubleValue()) / 2;
        assertThat(ownCentreLon).isBetween(shown.get(0).doubleValue(), shown.get(2).doubleValue());
        assertThat(ownCentreLat).isBetween(shown.get(1).doubleValue(), shown.get(3).doubleValue());
        assertThat(shown.get(2).doubleValue() - shown.get(0).doubleValue())
                .as("closer than the whole county").isLessThan((whole.get(2).doubleValue() - whole.get(0).doubleValue()) * 0.8);
        assertThat(page.number("return gridDesk.map.querySourceFeatures('scope').length")).as("the township outlined").isPositive();
        assertThat(page.displayed("#view-mine")).isTrue();
        page.screenshot("desk-township-start");

        browser.executeScript("gridDesk.openGrid(arguments[0])", village);
        page.await(() -> village.equals(page.attribute("#grid-panel", "data-grid")) && page.displayed("#grid-panel"), "the panel of " + village);
        assertThat(page.text("#grid-panel .outside-scope")).contains("不在您的辖区");
        assertThat(page.text("#grid-panel .grid-open")).isEqualTo("–");
        assertThat(browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + elsewhere + "']"))).isEmpty();
        assertThat(page.displayed("#message")).as("no error shown for a grid that is simply not the officer's").isFalse();
    }

    @Test
    void aListShowsEveryRowItCanAndMarksATimeTheBrowserCannotRead() {
        String base = base(5030);
        double[] point = county.pointIn(base);
        String plain = post(point, "neighbour_dispute", null);
        String odd = post(point, "consultation", null);
        // A due date in the year 10000: JSON writes it as +10000-..., which no browser reads.
        county.execute("UPDATE case_deadline SET due = '10000-01-01' WHERE met_at IS NULL AND case_id = (SELECT id FROM \"case\" WHERE code = ?)", odd);

        open(desk.toString());
        browser.executeScript("gridDesk.openGrid(arguments[0])", base);
        page.await(() -> !browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + odd + "']")).isEmpty(), "the rows of " + base);
        WebElement oddRow = browser.findElement(By.cssSelector("#grid-panel tr[data-case='" + odd + "']"));
        assertThat(oddRow.getAttribute("class")).contains("unreadable");
        assertThat(oddRow.getText()).contains("⚠", "+10000");
        assertThat(browser.findElement(By.cssSelector("#grid-panel tr[data-case='" + plain + "']")).getText())
                .containsPattern("\\d\\d/\\d\\d \\d\\d:\\d\\d");
        assertThat(page.displayed("#message")).isFalse();
    }

    @Test
    void theCasePanelShowsDescriptionChannelPlaceDuplicatesAndTheReportersEarlierCases() {
        double[] point = county.pointIn(base(5090));
        String first = post(point, "neighbour_dispute", null);
        String code = given().contentType("application/json").body("""
                        {"channel": "hotline_12345", "category": "neighbour_dispute", "title": "夜间施工噪音",
                         "description": "楼上夜间施工，噪音已持续三天，多次协商无果。", "location": {"lon": %s, "lat": %s},
                         "reporter": {"name": "王五", "phone": "13900001111"}}""".formatted(point[0], point[1]))
                .post("/api/cases").then().statusCode(201).extract().path("code");
        JsonPath view = given().get("/api/cases/" + code).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("possibleDuplicates.code", String.class)).contains(first);
        assertThat(view.getLong("earlierFromReporter")).isPositive();

        open(desk.toString());
        search(code);
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")) && page.displayed("#case-panel"), "the case panel");
        assertThat(page.text("#case-panel .case-description")).isEqualTo("楼上夜间施工，噪音已持续三天，多次协商无果。");
        assertThat(page.text("#case-panel .case-channel")).isEqualTo("12345热线");
        assertThat(page.attribute("#case-panel .case-channel", "title")).isEqualTo("hotline_12345");
        // The place: the grid chain by name (the village among them) and a small map of its grid with the point.
        String village = view.getString("grids.find { it.level == 'village' }.name");
        assertThat(page.text("#case-panel .case-place")).contains(village);
        page.await(() -> !browser.findElements(By.cssSelector("#case-panel .place-map path.place-grid")).isEmpty()
                && !browser.findElements(By.cssSelector("#case-panel .place-map circle.place-point")).isEmpty(), "the small map of the place");
        assertThat(page.text("#case-panel .earlier")).contains(String.valueOf(view.getLong("earlierFromReporter")));
        page.screenshot("desk-case-facts");

        // A possible duplicate links to the other case; Back returns to this one.
        browser.findElement(By.cssSelector("#case-panel .duplicates li[data-case='" + first + "'] button")).click();
        page.await(() -> first.equals(page.attribute("#case-panel", "data-case")), "the possible duplicate opened");
        browser.navigate().back();
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")), "Back to the case");
    }

    @Test
    void refusalsAreSaidInChineseWithWhatToDoAndAFailedSearchBesideTheSearchBox() {
        String code = post(county.pointIn(base(5100)), "consultation", null);
        open(desk.toString());
        search(code);
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")) && page.displayed("#case-panel"), "the case");

        // A failed search while a case is open: said by the search box; the open case and its message line untouched.
        search("530324-20990101-000001-0");
        page.await(() -> page.displayed("#search-message"), "the search refused");
        assertThat(page.text("#search-message")).containsPattern("[\\u4e00-\\u9fff]").doesNotContainPattern("[A-Za-z]{4,}");
        assertThat(page.displayed("#message")).isFalse();
        assertThat(page.attribute("#case-panel", "data-case")).isEqualTo(code);

        // 409: an action the case does not allow (offered by a form that is behind): the allowed ones once, by name.
        JsonPath refused = given().contentType("application/json").body("{}").post("/api/cases/" + code + "/actions/archive")
                .then().statusCode(409).extract().jsonPath();
        assertThat(refused.getString("type")).isEqualTo("urn:gridcc:problem:action-not-allowed");
        browser.executeScript("document.querySelector('#action-form select[name=action]').add(new Option('归档', 'archive'))");
        act("archive", Map.of());
        page.await(() -> "409".equals(page.attribute("#message", "data-status")), "the 409 shown");
        String said = page.text("#message");
        assertThat(said).contains("当前可办：").doesNotContain("allowed").doesNotContain("accept");
        String named = said.substring(said.indexOf("当前可办：") + "当前可办：".length()).replaceAll("。[\\s\\S]*$", "");
        assertThat(named.split("、")).as("each allowed action once, by name").hasSize(refused.getList("allowed").size()).doesNotHaveDuplicates();
        page.screenshot("desk-refused-409");

        // 四定 without its leader: the field named in Chinese.
        String petition = post(county.pointIn(base(5100)), "petition", null);
        apiAct(petition, "accept", "{\"actor\": \"a\"}");
        search(petition);
        page.await(() -> petition.equals(page.attribute("#case-panel", "data-case")), "the petition");
        act("assign-leader", Map.of("leader.unit", "罗平县信访局", "leader.person", "王主任",
                "leader.deadline", java.time.LocalDate.now().plusDays(20).toString()));
        page.await(() -> "400".equals(page.attribute("#message", "data-status")), "the missing leader refused");
        assertThat(page.text("#message")).contains("包案领导：请填写").doesNotContain("leader.leader");

        // 403: a township officer opening a case of another township.
        List<String> townships = county.list("SELECT code FROM grid WHERE level = 'township' "
                + "AND version_id = (SELECT id FROM grid_version WHERE status = 'published') ORDER BY code LIMIT 2");
        String elsewhere = post(county.pointIn(county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%'",
                townships.get(1))), "neighbour_dispute", null);
        HeadlessChromium.signIn(browser, desk, TestUsers.user("officer", townships.get(0), null).cookie());
        browser.get(desk + "?case=" + elsewhere);
        page.await(() -> "403".equals(page.attribute("#message", "data-status")), "the 403 shown");
        assertThat(page.text("#message")).contains("不在您的辖区").doesNotContain("is not yours");
    }

    @Test
    void historyNamesDeadlinesActorsAndUnitsAndDropsAWarningThatCameWithItsOverdue() {
        String base = base(5110);
        String code = post(county.pointIn(base), "consultation", java.time.OffsetDateTime.now().minusDays(8));
        sweeper.sweep().await().atMost(Duration.ofSeconds(10));
        String village = base.substring(0, 12);
        apiAct(code, "dispatch", "{\"unit\": \"%s\"}".formatted(village));
        JsonPath view = given().get("/api/cases/" + code).then().statusCode(200).extract().jsonPath();
        // The record keeps every warning; only the page leaves out the one that came with its overdue.
        assertThat(view.getList("history.type", String.class)).contains("WARNED", "OVERDUE");
        String unitName = view.getString("unitNames['" + village + "']");
        assertThat(unitName).isNotBlank();

        open(desk.toString());
        search(code);
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")) && page.displayed("#case-panel"), "the case");
        assertThat(browser.findElements(By.cssSelector("#history li[data-type=WARNED]"))).isEmpty();
        List<WebElement> overdue = browser.findElements(By.cssSelector("#history li[data-type=OVERDUE]"));
        assertThat(overdue).isNotEmpty();
        assertThat(page.text("#history li[data-type=OVERDUE]")).contains("签收期限", "期限监控（系统）");
        assertThat(page.attribute("#history li[data-type=OVERDUE] .actor", "title")).isEqualTo("sla-sweeper");
        assertThat(page.text("#history li[data-type=RECEIVED] .actor")).isEqualTo("网格员上报（渠道）");
        assertThat(page.attribute("#history li[data-type=RECEIVED] .actor", "title")).isEqualTo("channel:grid_worker");
        assertThat(page.text("#history li[data-type=DISPATCHED] .unit")).isEqualTo(unitName);
        assertThat(page.attribute("#history li[data-type=DISPATCHED] .unit", "title")).contains(village);
        page.screenshot("desk-history");
    }

    @Test
    void theDeskKeepsItsPlaceInTheUrlSoBackAndReloadWork() {
        String base = base(5120);
        String code = post(county.pointIn(base), "neighbour_dispute", null);
        open(desk.toString());
        assertThat(browser.findElements(By.cssSelector("#pages a[href='/wall']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#pages a[href='/gis']"))).hasSize(1);

        // The county's overdue list without reloading.
        browser.findElement(By.id("view-overdue")).click();
        page.await(() -> page.displayed("#overdue-panel"), "the overdue list");
        assertThat(browser.getCurrentUrl()).contains("overdue=1");
        browser.findElement(By.id("view-county")).click();
        page.await(() -> page.displayed("#hint"), "the county again");
        assertThat(browser.getCurrentUrl()).doesNotContain("overdue=");

        browser.executeScript("gridDesk.openGrid(arguments[0])", base);
        page.await(() -> !browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + code + "'] button")).isEmpty(), "the grid's list");
        assertThat(browser.getCurrentUrl()).contains("grid=" + base);
        browser.findElement(By.cssSelector("#grid-panel tr[data-case='" + code + "'] button")).click();
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")) && page.displayed("#case-panel"), "the case");
        assertThat(browser.getCurrentUrl()).contains("case=" + code);

        // Reload: the same case, and its way back to the grid it was opened from.
        browser.navigate().refresh();
        page.await(() -> Boolean.TRUE.equals(browser.executeScript("return !!window.gridDesk")) && code.equals(page.attribute("#case-panel", "data-case"))
                && page.displayed("#case-panel"), "the case after a reload");
        browser.findElement(By.id("back-to-grid")).click();
        page.await(() -> page.displayed("#grid-panel") && base.equals(page.attribute("#grid-panel", "data-grid")), "back to the grid");
        // Back: the case again; Back twice more: the grid, then the start.
        browser.navigate().back();
        page.await(() -> page.displayed("#case-panel") && code.equals(page.attribute("#case-panel", "data-case")), "Back to the case");
        browser.navigate().back();
        page.await(() -> page.displayed("#grid-panel"), "Back to the grid");
        browser.navigate().back();
        page.await(() -> page.displayed("#hint") && page.js("return gridDesk.selected()") == null, "Back to the start");
        assertThat(browser.getCurrentUrl()).contains("/desk");

        // The grid panel's close button lets the grid go.
        browser.executeScript("gridDesk.openGrid(arguments[0])", base);
        page.await(() -> page.displayed("#grid-panel"), "the grid again");
        browser.findElement(By.id("grid-close")).click();
        page.await(() -> page.displayed("#hint") && page.js("return gridDesk.selected()") == null, "the grid let go");
    }

    @Test
    void theAreaCountSaysHowManyGridsItListsNamesTheirVillagesAndEscapeCancelsDrawing() {
        double[] point = county.pointIn(base(5130));
        open(desk.toString());
        assertThat(page.text("#legend")).contains("超期", "临期预警", "在办", "热点");
        browser.executeScript("gridDesk.map.jumpTo({center: [arguments[0], arguments[1]], zoom: 11})", point[0], point[1]);
        page.idle();

        // Escape gives up a drawing.
        browser.findElement(By.id("draw")).click();
        clickAt(point, -100, -100);
        clickAt(point, 100, -100);
        new Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        page.await(() -> !browser.findElement(By.id("draw")).getAttribute("class").contains("active"), "drawing cancelled");
        assertThat(browser.findElement(By.id("draw-finish")).isEnabled()).isFalse();
        assertThat(page.number("return gridDesk.corners()")).isZero();

        browser.findElement(By.id("draw")).click();
        int r = 250;
        for (int[] corner : new int[][] {{-r, -r}, {r, -r}, {r, r}, {-r, r}}) clickAt(point, corner[0], corner[1]);
        browser.findElement(By.id("draw-finish")).click();
        page.await(() -> page.displayed("#area-panel") && !browser.findElements(By.id("area-total")).isEmpty(), "the households counted");
        long grids = page.number("return gridDesk.lastCount().grids.length");
        assertThat(grids).as("a big area").isGreaterThan(30);
        assertThat(page.text("#area-grids")).isEqualTo("共" + grids + "个网格，显示户数最多的前30个");
        assertThat(browser.findElements(By.cssSelector("#area-panel tbody tr"))).hasSize(30);
        String first = page.attribute("#area-panel tbody tr", "data-grid");
        String villageName = given().get("/api/grids/" + first.substring(0, 12)).then().extract().path("name");
        assertThat(page.text("#area-panel tbody tr td.village")).isEqualTo(villageName);
        page.screenshot("desk-area-many");
    }

    @Test
    void theReportsDownloadAsCsvAndTheListPrintsWithoutTheMap() {
        open(desk.toString());
        // The saved file's address and name, and what it holds, as the page hands them to the browser.
        browser.executeScript("""
                window.savedReport = null;
                const objectUrl = URL.createObjectURL;
                URL.createObjectURL = (blob) => { window.savedBlob = blob; return objectUrl.call(URL, blob); };
                HTMLAnchorElement.prototype.click = function () { window.savedReport = {href: this.href, name: this.download}; };""");
        browser.findElement(By.cssSelector("#reports [data-period=weekly]")).click();
        page.await(() -> Boolean.TRUE.equals(browser.executeScript("return !!window.savedReport")), "the report saved");
        assertThat(page.<String>js("return window.savedReport.name")).isEqualTo("weekly-530324.csv");
        String saved = (String) browser.executeAsyncScript(
                "const done = arguments[0]; window.savedBlob.text().then(done, (e) => done(String(e)))");
        assertThat(page.<String>js("return window.savedReport.href")).startsWith("blob:");
        String csv = TestUsers.admin().given().accept("text/csv").get("/api/reports/weekly?grid=530324").then().statusCode(200).extract().asString();
        // The file keeps the report's bytes, byte-order mark included (for spreadsheets); text() reads past the mark.
        assertThat(csv).startsWith("\uFEFF");
        assertThat(page.<String>js("return window.savedBlob.type")).startsWith("text/csv");
        assertThat((Object) browser.executeAsyncScript("const done = arguments[0];"
                + " window.savedBlob.arrayBuffer().then(b => done(Array.from(new Uint8Array(b).slice(0, 3)).join(',')))")).isEqualTo("239,187,191");
        assertThat(saved.lines().findFirst()).as("the report's columns").isEqualTo(csv.substring(1).lines().findFirst());
        assertThat(saved.lines().count()).isEqualTo(csv.lines().count());

        browser.findElement(By.id("view-overdue")).click();
        page.await(() -> page.displayed("#overdue-panel"), "the overdue list");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(page.displayed("#map")).isFalse();
        assertThat(page.displayed("#top")).isFalse();
        assertThat(page.displayed("#overdue-panel")).isTrue();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Test
    void aGridsListFiltersByCategoryAndChannelAndShowsItsWeeklyTrend() {
        String base = base(5150);
        double[] point = county.pointIn(base);
        String dispute = post(point, "neighbour_dispute", null);
        String question = post(point, "consultation", null);
        open(desk.toString());
        browser.executeScript("gridDesk.openGrid(arguments[0])", base);
        page.await(() -> !browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + question + "']")).isEmpty(), "the grid's list");
        // This week's bar counts at least the two cases just posted.
        page.await(() -> page.attribute("#grid-panel svg.trend", "data-totals") != null, "the trend drawn");
        String[] totals = page.attribute("#grid-panel svg.trend", "data-totals").split(",");
        assertThat(totals).hasSize(8);
        assertThat(Integer.parseInt(totals[7])).isGreaterThanOrEqualTo(2);
        assertThat(browser.findElements(By.cssSelector("#grid-panel svg.trend rect"))).hasSize(8);

        new Select(browser.findElement(By.id("filter-category"))).selectByValue("neighbour_dispute");
        page.await(() -> browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + question + "']")).isEmpty()
                && !browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + dispute + "']")).isEmpty(), "only the dispute");
        assertThat(browser.getCurrentUrl()).contains("category=neighbour_dispute");
        new Select(browser.findElement(By.id("filter-channel"))).selectByValue("hotline_12345");
        page.await(() -> browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + dispute + "']")).isEmpty(),
                "nothing from the hotline");
        assertThat(new Select(browser.findElement(By.id("filter-channel"))).getFirstSelectedOption().getText()).isEqualTo("12345热线");
        browser.navigate().back();
        page.await(() -> !browser.findElements(By.cssSelector("#grid-panel tr[data-case='" + dispute + "']")).isEmpty(), "Back: the channel filter off");
        page.screenshot("desk-filters");
    }

    @Test
    void at1366x768TheHeaderIsOneRowAndTheActionFormIsOnScreen() {
        String code = post(county.pointIn(base(5140)), "consultation", null);
        browser.manage().window().setSize(new Dimension(1366, 768));
        open(desk.toString());
        // The window's inner size: the viewport the page has.
        long innerHeight = page.number("return window.innerHeight");
        search(code);
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")) && page.displayed("#case-panel"), "the case");
        long rowHeight = page.number("return Math.round(document.querySelector('#search-code').getBoundingClientRect().height)");
        assertThat(page.number("return Math.round(document.getElementById('top').getBoundingClientRect().height)"))
                .as("one row").isLessThan(rowHeight * 2 + 8);
        assertThat(page.number("const top = document.getElementById('top'); return top.scrollWidth - top.clientWidth"))
                .as("nothing cut off at the right").isLessThanOrEqualTo(0);
        assertThat(page.number("return Math.round(document.getElementById('act').getBoundingClientRect().bottom)"))
                .as("the submit button above the fold").isLessThanOrEqualTo(innerHeight);
        page.screenshot("desk-1366");
    }

    // --- helpers ---

    /** A base grid nobody else's test posts in. */
    private String base(int offset) {
        return county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET ? LIMIT 1", offset);
    }

    @Test
    void aGridsPanelSaysWhoAnswersForItWhoIsOnDutyTodayAndHowItsRoundsAndRisksStand() {
        String base = base(77);
        JsonPath people = given().get("/api/grids/" + base + "/people").then().statusCode(200).extract().jsonPath();
        long missed = given().get("/api/rounds/missed?grid=" + base + "&limit=1").then().statusCode(200).extract().jsonPath().getLong("total");
        JsonPath risks = given().get("/api/risk-register/counts?grid=" + base).then().statusCode(200).extract().jsonPath();
        open(desk + "?grid=" + base);
        page.await(() -> page.displayed("#grid-panel .grid-heads"), "the grid's people");
        List<String> heads = people.getList("heads.findAll { it.level != 'county' }.name");
        assertThat(heads).as("the demo county has heads down to the base grid").isNotEmpty();
        assertThat(page.text("#grid-panel .grid-heads")).contains(heads);
        List<String> onDuty = people.getList("onDutyToday.name");
        if (onDuty.isEmpty()) assertThat(page.text("#grid-panel .on-duty")).isIn("–", "休息日");
        else assertThat(page.text("#grid-panel .on-duty")).contains(onDuty.get(0));
        assertThat(page.text("#grid-panel .rounds-missed")).isEqualTo("近30天 " + missed + " 次");
        assertThat(page.text("#grid-panel .risk-class-one")).isEqualTo("一类 %d · 二类 %d · 三类 %d"
                .formatted(risks.getLong("classOne"), risks.getLong("classTwo"), risks.getLong("classThree")));
        page.screenshot("desk-grid-duties");
    }

    @Test
    void aDisputeIsMediatedFromTheFormWithAMediatorOfItsPoolAndItsOutcomeIsInTheHistory() {
        String code = post(county.pointIn(base(5140)), "neighbour_dispute", null);
        apiAct(code, "accept", "{\"actor\": \"测试\"}");
        Object mediator = given().get("/api/people?kind=mediator&category=neighbour_dispute&size=1").then().statusCode(200)
                .extract().path("items[0].id");
        open(desk + "?case=" + code);
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")), "the dispute");
        new Select(browser.findElement(By.cssSelector("#action-form select[name=action]"))).selectByValue("mediate");
        page.await(() -> new Select(browser.findElement(By.cssSelector("#action-form [name='mediation.mediator']"))).getOptions().size() > 1,
                "the pool of mediators for the dispute's category");
        act("mediate", Map.of("mediation.mediator", String.valueOf(mediator), "mediation.agreement", "true"));
        page.await(() -> !browser.findElements(By.cssSelector("#history li[data-type=MEDIATED]")).isEmpty(), "the mediation in the history");
        assertThat(page.text("#history li[data-type=MEDIATED]")).contains("调解", "达成协议");
        var mediation = given().get("/api/cases/" + code).then().extract().jsonPath();
        assertThat(mediation.getList("history.type")).contains("MEDIATED");
        assertThat(mediation.<Boolean>getList("history.findAll { it.type == 'MEDIATED' }.payload.mediation.agreement")).containsExactly(true);
    }

    @Test
    void gridsHoldingAnOpenClassOneRiskAreRingedOnTheMapWithinTheOfficersScopeOnly() {
        String openClassOne = "SELECT DISTINCT grid_code FROM risk_entry WHERE class = 1 AND status <> 'resolved' AND grid_code LIKE ? || '%' ORDER BY 1";
        List<String> demo = county.list("SELECT DISTINCT grid_code FROM risk_entry WHERE demo AND class = 1 AND status <> 'resolved' ORDER BY 1");
        List<String> everywhere = county.list(openClassOne, "");
        assertThat(everywhere).containsAll(demo);
        String township = demo.get(0).substring(0, 9);
        assertThat(everywhere).as("class-一 grids outside the officer's township too").anyMatch(code -> !code.startsWith(township));

        open(desk.toString());
        page.await(() -> page.number("return gridDesk.riskGrids().length") == everywhere.size(), "the class-一 grids of the county");
        page.idle();
        List<List<String>> rings = ringsShownAndExpected();
        assertThat(rings.get(0)).as("rings at the %s level", (Object) page.js("return gridDesk.level()")).isNotEmpty().isEqualTo(rings.get(1));
        assertThat(page.text("#legend")).contains("一类风险");
        page.screenshot("desk-risk-rings");

        HeadlessChromium.signIn(browser, desk, TestUsers.user("officer", township, null).cookie());
        browser.get(desk.toString());
        page.await(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.gridDesk && gridDesk.live.state === 'live')")), "the desk");
        List<String> own = county.list(openClassOne, township);
        page.await(() -> page.number("return gridDesk.riskGrids().length") == own.size(), "the class-一 grids of the township");
        page.idle();
        assertThat(page.<List<String>>js("return gridDesk.riskGrids().map(g => g.grid)")).isEqualTo(own);
        rings = ringsShownAndExpected();
        assertThat(rings.get(0)).isNotEmpty().isEqualTo(rings.get(1)).allMatch(code -> code.startsWith(township));
    }

    /** The grids ringed at the level the map shows, and the grids at that level holding (or being) one the page was given. */
    private List<List<String>> ringsShownAndExpected() {
        return page.js("""
                const level = gridDesk.level(), sorted = (codes) => [...new Set(codes)].sort();
                const shown = gridDesk.map.queryRenderedFeatures({layers: [level + '-risk']}).map((f) => f.properties.code);
                const expected = gridDesk.riskGrids().map((g) => [6, 9, 12, 15, 18].map((n) => g.grid.slice(0, n))
                  .find((code) => gridDesk.layerOf(code) === level)).filter(Boolean);
                return [sorted(shown), sorted(expected)];""");
    }

    /** Opens the desk signed in as the admin. */
    private void open(String url) {
        HeadlessChromium.signIn(browser, desk, TestUsers.admin().cookie());
        browser.get(url);
        page.await(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.gridDesk && gridDesk.live.state === 'live')")),
                "the desk to be live");
        page.idle();
    }

    /** The base grids' level, below the special grids' zoom. */
    private void zoomTo(double[] point) {
        browser.executeScript("gridDesk.map.jumpTo({center: [arguments[0], arguments[1]], zoom: 13.5})", point[0], point[1]);
        page.idle();
        assertThat((String) page.js("return gridDesk.level()")).isEqualTo("base");
    }

    private void search(String code) {
        WebElement input = browser.findElement(By.id("search-code"));
        input.clear();
        input.sendKeys(code);
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
    }

    private void act(String action, String reason, String unit) {
        new Select(browser.findElement(By.cssSelector("#action-form select[name=action]"))).selectByValue(action);
        if (reason != null) browser.findElement(By.cssSelector("#action-form textarea[name=reason]")).sendKeys(reason);
        if (unit != null) browser.findElement(By.cssSelector("#action-form input[name=unit]")).sendKeys(unit);
        browser.findElement(By.id("act")).click();
    }

    /** Takes an action through the page's form with the given fields (inputs by name; selects by value). */
    private void act(String action, Map<String, String> fields) {
        new Select(browser.findElement(By.cssSelector("#action-form select[name=action]"))).selectByValue(action);
        fields.forEach((name, value) -> {
            WebElement input = browser.findElement(By.cssSelector("#action-form [name='" + name + "']"));
            if (input.getTagName().equals("select")) {
                new Select(input).selectByValue(value);
            } else if ("date".equals(input.getAttribute("type"))) {
                // A date input takes keys in the browser's locale format; its value is ISO whatever the locale.
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
            } else {
                input.clear();
                input.sendKeys(value);
            }
        });
        browser.findElement(By.id("act")).click();
    }

    private static void apiAct(String code, String action, String body) {
        given().contentType("application/json").body(body).post("/api/cases/" + code + "/actions/" + action).then().statusCode(200);
    }

    private WebElement canvas() {
        return browser.findElement(By.cssSelector("#map canvas"));
    }

    /** Where a point is on the map canvas, in CSS pixels from its centre (Selenium's offsets). */
    private int[] offset(double[] lonLat) {
        List<Number> xy = page.js("""
                const m = gridDesk.map, p = m.project([arguments[0], arguments[1]]), c = m.getCanvas();
                return [Math.round(p.x - c.clientWidth / 2), Math.round(p.y - c.clientHeight / 2)]""", lonLat[0], lonLat[1]);
        return new int[] {xy.get(0).intValue(), xy.get(1).intValue()};
    }

    private void clickAt(double[] lonLat) {
        clickAt(lonLat, 0, 0);
    }

    private void clickAt(double[] lonLat, int dx, int dy) {
        int[] at = offset(lonLat);
        new Actions(browser).moveToElement(canvas(), at[0] + dx, at[1] + dy).click().perform();
        // Two clicks in a row must not read as a double-click.
        try {
            Thread.sleep(350);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
