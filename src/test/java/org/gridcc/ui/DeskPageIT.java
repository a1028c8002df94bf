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
        assertThat(row.getText()).contains(code, "待受理");
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
        assertThat(page.text("#case-panel .deadlines")).contains("CLAIM", "REPLY", "FINISH");

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
        page.await(() -> page.displayed("#message") && String.valueOf(refused.statusCode()).equals(page.attribute("#message", "data-status")),
                "the mistyped code refused");
        assertThat(page.text("#message")).contains(refused.<String>path("detail")).contains("check character");

        search(code);
        page.await(() -> code.equals(page.attribute("#case-panel", "data-case")) && page.displayed("#case-panel"), "the case found by its code");
        assertThat(page.text("#case-panel .case-code")).isEqualTo(code);
        assertThat(page.text("#case-panel .case-status")).contains("待受理");
        assertThat(browser.findElements(By.cssSelector("#history li[data-type=RECEIVED]"))).hasSize(1);

        // The form offers what the service allows now, and nothing else (归档 is not allowed while received).
        List<String> allowed = given().get("/api/cases/" + code).then().extract().jsonPath().getList("allowedActions", String.class);
        assertThat(new Select(browser.findElement(By.cssSelector("#action-form select[name=action]"))).getOptions())
                .extracting(option -> option.getAttribute("value")).containsExactlyInAnyOrderElementsOf(allowed).doesNotContain("archive");
        // 不予受理 without its reason: the service's reason, shown to the officer.
        act("reject", null, null);
        page.await(() -> "400".equals(page.attribute("#message", "data-status")), "the 400 shown");
        String detail = given().contentType("application/json").body("{\"actor\": \"测试\"}")
                .post("/api/cases/" + code + "/actions/reject").then().statusCode(400).extract().path("errors[0].message");
        assertThat(page.text("#message")).contains(detail);
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

    // --- helpers ---

    /** A base grid nobody else's test posts in. */
    private String base(int offset) {
        return county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET ? LIMIT 1", offset);
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
