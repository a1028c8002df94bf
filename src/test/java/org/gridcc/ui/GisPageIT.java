package org.gridcc.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridcc.access.TestUsers;
import org.gridcc.boundary.TestBoundaries;
import org.gridcc.cases.TestCases;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The GIS page (/gis) in Chromium: a boundary file chosen in the page's file input is uploaded
 * and its report shown as the API has it; a problem clicked takes the map to it; a draft is
 * deleted, and a merge of two grids is published and rolled back through the page's dialogs.
 * The page is signed in as a user of the GIS role. Screenshots go to target/screenshots/gis-*.png.
 */
@QuarkusTest
class GisPageIT {

    private static final String PUBLISHED = "(SELECT id FROM grid_version WHERE status = 'published')";

    /** The bounding box of a published grid drawn corner to corner: a bow-tie, which make-valid would change too much to offer. */
    private static final String BOW_TIE = """
            SELECT ST_MakePolygon(ST_MakeLine(ARRAY[ST_MakePoint(ST_XMin(b), ST_YMin(b)), ST_MakePoint(ST_XMax(b), ST_YMax(b)),
                   ST_MakePoint(ST_XMax(b), ST_YMin(b)), ST_MakePoint(ST_XMin(b), ST_YMax(b)), ST_MakePoint(ST_XMin(b), ST_YMin(b))]))
              FROM (SELECT Box2D(geom) AS b FROM grid WHERE code = ? AND version_id = %s) e""".formatted(PUBLISHED);

    @Inject
    DemoCounty county;

    @TestHTTPResource("/gis")
    URL gis;

    @TempDir
    Path files;

    private ChromeDriver browser;
    private MapPage page;
    private int original;

    @BeforeEach
    void openBrowser() {
        original = county.publishedVersion();
        browser = HeadlessChromium.start();
        page = new MapPage(browser, "gridGis");
        browser.manage().window().setSize(new Dimension(1600, 1000));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** Every test leaves the demo county's version published, as the other tests expect, also when it failed half-way. */
    @AfterEach
    void closeBrowserAndRestore() {
        browser.quit();
        if (county.publishedVersion() != original) {
            given().post("/api/boundaries/versions/%d/rollback".formatted(original)).then().statusCode(200);
        }
        TestBoundaries.forgetOtherVersions(county);
    }

    @Test
    void theGisPageIsServedAtItsAddressAndNotKeptStale() {
        given().get("/gis?draft=1").then().statusCode(200).header("Cache-Control", "no-cache")
                .contentType(containsString("text/html")).body(containsString("网格边界"));
        given().get("/gis/").then().statusCode(200).body(containsString("网格边界"));
    }

    @Test
    void aFileWithErrorsShowsTheReportTheApiHasAndAProblemClickedTakesTheMapToIt() throws IOException {
        var group = TestBoundaries.group(county, 30);
        var file = new TestBoundaries(county).childrenOf(group.code()).without(group.b());
        file.feature(group.b(), "蝴蝶结", file.geometry(BOW_TIE, group.b()));
        int bowTie = file.size();
        file.feature("53032", "坏编码", file.published(group.b()));
        int badCode = file.size();

        open();
        assertThat(page.text("#published-version")).isEqualTo("v" + original);
        assertThat(page.number("return gridGis.map.getZoom()")).as("the county fitted").isBetween(7L, 12L);
        Path path = write(file, "有错误的网格.geojson");

        // A scope that is no grid: refused, with the problem's detail and its field error on the page.
        var refused = TestBoundaries.upload(file.geoJson(), "x.geojson", "base", "530324999").statusCode(400).extract();
        upload(path, "base", "530324999");
        page.await(() -> "400".equals(page.attribute("#message", "data-status")), "the refusal shown");
        assertThat(page.text("#message")).contains(refused.<String>path("detail"), "scope: " + refused.<String>path("errors[0].message"));
        assertThat(page.displayed("#draft-panel")).isFalse();

        upload(path, "base", group.code());
        int draft = awaitDraft(-1);

        JsonPath view = given().get("/api/boundaries/drafts/" + draft).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("state")).isEqualTo("ready");
        assertThat(view.getLong("report.errors")).isPositive();
        assertThat(page.text("#count-errors")).isEqualTo(view.getString("report.errors"));
        assertThat(page.text("#count-warnings")).isEqualTo(view.getString("report.warnings"));
        assertThat(page.text("#count-features")).isEqualTo(String.valueOf(file.size())).isEqualTo(view.getString("report.features"));
        assertThat(page.attribute("#verdict", "data-publishable")).isEqualTo("false");
        assertThat(page.text("#verdict")).contains("不能发布");
        assertThat(browser.findElement(By.id("publish")).isEnabled()).isFalse();
        List<Map<String, Object>> problems = view.getList("report.problems");
        assertThat(browser.findElements(By.cssSelector("#problems li"))).hasSize(problems.size());
        WebElement invalid = problemOnPage("invalid-geometry", bowTie);
        assertThat(invalid.getAttribute("data-severity")).isEqualTo("error");
        assertThat(invalid.getText()).contains("几何无效", "第 " + bowTie + " 个要素", group.b());
        assertThat(problemOnPage("bad-code", badCode).getText()).contains("编码格式错误", "53032");
        boolean repairOffered = problems.stream().anyMatch(p -> p.get("repair") != null);
        assertThat(page.displayed("#repair")).isEqualTo(repairOffered);

        // The bow-tie's finding, or else the first one with a place: the map flies there and outlines the grid.
        int chosen = indexOf(problems, "invalid-geometry", bowTie);
        if (problems.get(chosen).get("at") == null) chosen = problems.indexOf(problems.stream().filter(p -> p.get("at") != null).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) problems.get(chosen).get("at");
        String code = (String) problems.get(chosen).get("code");
        double[] before = center();
        browser.findElement(By.cssSelector("#problems li[data-index='" + chosen + "'] button")).click();
        try {
            page.await(() -> !Boolean.TRUE.equals(page.js("return gridGis.map.isMoving()"))
                    && pixelsFromCentre(at) < 2, "the map at the problem " + at);
        } catch (org.openqa.selenium.TimeoutException e) {
            page.screenshot("gis-report-failed");
            throw new AssertionError("the map is at " + java.util.Arrays.toString(center()) + " z" + page.js("return gridGis.map.getZoom()")
                    + ", moving " + page.js("return gridGis.map.isMoving()") + ", highlighted " + page.js("return gridGis.highlighted()")
                    + "; the problem is at " + at, e);
        }
        assertThat(Math.hypot(before[0] - at.get(0).doubleValue(), before[1] - at.get(1).doubleValue())).as("the map moved").isGreaterThan(1e-3);
        assertThat(page.number("return gridGis.map.getZoom()")).isGreaterThanOrEqualTo(14);
        assertThat((String) page.js("return gridGis.highlighted()")).isEqualTo(code);
        assertThat(page.attribute("#problems li[data-index='" + chosen + "']", "class")).contains("chosen");
        page.idle();
        page.screenshot("gis-report");

        // Deleted through the page, after its confirmation.
        browser.findElement(By.id("discard")).click();
        confirm();
        page.await(() -> !page.displayed("#draft-panel") && page.text("#message").contains("已删除"), "the draft deleted");
        given().get("/api/boundaries/drafts/" + draft).then().statusCode(404);
    }

    @Test
    void aMergeIsPublishedThroughThePageWithWhatMovesAndTheOriginalIsRolledBackTo() throws IOException {
        var group = TestBoundaries.group(county, 31);
        String openCase = TestCases.post(county.pointIn(group.b()), "consultation", null);
        long inB = county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.b());
        assertThat(inB).as("households in " + group.b()).isPositive();
        var file = new TestBoundaries(county).childrenOf(group.code()).without(group.a()).without(group.b());
        file.feature(group.a(), "合并后的网格", file.geometry("SELECT ST_Union(a.geom, b.geom) FROM grid a, grid b WHERE a.code = ? AND b.code = ? "
                + "AND a.version_id = %1$s AND b.version_id = %1$s".formatted(PUBLISHED), group.a(), group.b()));

        open();
        // A click on the map identifies the grid there; its group becomes the scope from the popup.
        double[] point = county.pointIn(group.a());
        browser.executeScript("gridGis.map.jumpTo({center: [arguments[0], arguments[1]], zoom: 14})", point[0], point[1]);
        page.idle();
        clickAt(point);
        page.await(() -> page.displayed("#identify"), "the grid identified");
        browser.findElement(By.id("use-scope-group")).click();
        page.await(() -> group.code().equals(browser.findElement(By.id("scope")).getAttribute("value")), "the scope filled from the popup");
        upload(write(file, "合并.geojson"), null, null); // the level left to the codes: base grids
        int draft = awaitDraft(-1);

        JsonPath view = given().get("/api/boundaries/drafts/" + draft).then().statusCode(200).extract().jsonPath();
        assertThat(view.getBoolean("report.publishable")).isTrue();
        assertThat(view.getString("scope")).isEqualTo(group.code());
        assertThat(page.attribute("#verdict", "data-publishable")).isEqualTo("true");
        assertThat(page.text("#count-errors")).isEqualTo("0");
        assertThat(page.text("#changes li[data-change=removed]")).contains(group.b());
        assertThat(page.text("#changes li[data-change=reshaped]")).contains(group.a());
        assertThat(page.text("#changes li[data-change=added] .count")).isEqualTo("0");
        assertThat(page.text("#households-moving")).isEqualTo(grouped(inB)).isEqualTo(grouped(view.getLong("report.changes.householdsMoving")));
        assertThat(page.text("#household-flows tbody tr:first-child")).contains(group.b(), group.a(), grouped(inB));
        long casesMoving = view.getLong("report.changes.casesMoving");
        assertThat(casesMoving).as("the open case in b, and any other test's").isPositive();
        assertThat(page.text("#cases-moving")).isEqualTo(grouped(casesMoving));
        assertThat(page.text("#case-moves tr[data-case='" + openCase + "']")).contains(group.b() + " → " + group.a());

        // The difference layer over the group: b removed (red), a reshaped (orange).
        page.await(() -> renderedChanges().containsAll(List.of("removed:" + group.b(), "reshaped:" + group.a())), "the changes layer drawn");
        assertThat(page.number("return gridGis.map.queryRenderedFeatures({layers: ['draft-base-line']}).length")).as("the draft's grids drawn").isPositive();
        page.idle();
        page.screenshot("gis-changes");

        // 发布: the dialog says what moves; confirmed, the API has the draft published.
        assertThat(browser.findElement(By.id("publish")).isEnabled()).isTrue();
        browser.findElement(By.id("publish")).click();
        page.await(() -> page.displayed("#confirm"), "the publish dialog");
        assertThat(page.text("#confirm-moves")).contains("迁移 " + grouped(inB) + " 户", "迁移 " + grouped(casesMoving) + " 件在办案件", "新增 0、删除 1、调整 1 个网格");
        confirm();
        page.await(() -> "ok".equals(page.attribute("#message", "data-kind")) && page.text("#message").contains("已发布"), "the publish outcome");
        assertThat(page.text("#message")).contains("v" + draft + " 生效", "v" + original + " 退役", "迁移 " + grouped(inB) + " 户", grouped(casesMoving) + " 件在办案件", "毫秒");
        assertThat(county.publishedVersion()).isEqualTo(draft);
        JsonPath versions = given().get("/api/boundaries/versions").then().statusCode(200).extract().jsonPath();
        assertThat(versions.getString("find { it.id == %d }.status".formatted(draft))).isEqualTo("published");
        assertThat(versions.getString("find { it.id == %d }.status".formatted(original))).isEqualTo("retired");
        assertThat(county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.b())).isZero();
        page.await(() -> ("v" + draft).equals(page.text("#published-version")) && "published".equals(page.attribute("#draft-panel", "data-state")),
                "the page showing the new version");

        // 回滚 to the original version, after its confirmation.
        page.await(() -> page.displayed("#rollback-" + original), "the rollback button of the retired version");
        browser.findElement(By.id("rollback-" + original)).click();
        page.await(() -> page.displayed("#confirm"), "the rollback dialog");
        assertThat(page.text("#confirm-text")).contains("v" + original, "v" + draft);
        confirm();
        page.await(() -> "ok".equals(page.attribute("#message", "data-kind")) && page.text("#message").contains("已回滚"), "the rollback outcome");
        assertThat(county.publishedVersion()).isEqualTo(original);
        assertThat(county.count("SELECT count(*) FROM household WHERE grid_code = ?", group.b())).isEqualTo(inB);
        assertThat(county.one("SELECT base_code FROM \"case\" WHERE code = ?", openCase)).isEqualTo(group.b());
        page.await(() -> ("v" + original).equals(page.text("#published-version"))
                && "current".equals(page.attribute("#versions tr[data-version='" + original + "']", "class")), "the versions list refreshed");
    }

    /**
     * A draft another user's job left reading (the service restarted under it, on a node whose
     * start-up has not ended it yet): marked with who uploaded it, its bar in its own panel and not
     * in the upload box, and deleted after a red confirmation.
     */
    @Test
    void aStuckDraftOfAnotherUserIsMarkedAndDeletedAfterARedConfirmation() {
        var other = TestUsers.user("gis", null, null);
        int stuck = Integer.parseInt(county.one("INSERT INTO grid_version (label, status) VALUES ('卡住的草稿', 'draft') RETURNING id"));
        county.execute("""
                INSERT INTO boundary_draft (version_id, level, scope, base_version, state, file_name, progress, uploaded_by)
                VALUES (?, 'base', '', ?, 'reading', 'grids.zip', '{"step": "reading", "done": 0, "total": 0}', ?)""",
                stuck, original, other.username());
        String otherName = county.one("SELECT display_name FROM app_user WHERE username = ?", other.username());

        open();
        String row = "#drafts tr[data-draft='" + stuck + "']";
        page.await(() -> page.displayed(row), "the stuck draft listed");
        assertThat(page.text(row + " .uploader.other")).isEqualTo(otherName);
        browser.findElement(By.cssSelector(row)).click();
        page.await(() -> String.valueOf(stuck).equals(page.attribute("#draft-panel", "data-draft")), "the stuck draft open");
        assertThat(page.attribute("#draft-panel", "data-state")).isEqualTo("reading");
        assertThat(page.displayed("#draft-progress")).as("the job's bar in the draft's panel").isTrue();
        assertThat(page.displayed("#progress-box")).as("the upload box is for one's own upload").isFalse();
        assertThat(page.text("#draft-panel .facts")).contains(otherName);
        assertThat(browser.findElement(By.id("discard")).isEnabled()).as("删除草稿 in any state").isTrue();

        browser.findElement(By.id("discard")).click();
        page.await(() -> page.displayed("#confirm-ok"), "the delete dialog");
        assertThat(page.attribute("#confirm-ok", "class")).contains("danger");
        assertThat((String) page.js("return getComputedStyle(document.getElementById('confirm-ok')).backgroundColor")).isEqualTo("rgb(201, 42, 42)");
        page.screenshot("gis-stuck-draft");
        confirm();
        page.await(() -> !page.displayed("#draft-panel") && page.text("#message").contains("已删除"), "the stuck draft deleted");
        given().get("/api/boundaries/drafts/" + stuck).then().statusCode(404);
    }

    /** A township file uploaded with the level left to the codes is checked as townships; at 网格 it is one problem, and the form takes the level the codes say. */
    @Test
    void theLevelComesFromTheCodesAndTheFormSaysWhy() throws IOException {
        var townships = new TestBoundaries(county);
        county.list("SELECT code FROM grid WHERE level = 'township' AND version_id = " + PUBLISHED + " ORDER BY code").forEach(townships::grid);
        Path path = write(townships, "乡镇.geojson");

        open();
        assertThat(new Select(browser.findElement(By.id("level"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("auto");
        upload(path, null, null);
        int auto = awaitDraft(-1);
        assertThat(page.text("#draft-panel .facts")).contains("乡镇/街道 township");
        assertThat(page.attribute("#level-note", "data-fits")).isEqualTo("true");
        assertThat(page.text("#level-note")).contains(townships.size() + " 个为 9 位", "乡镇/街道");

        upload(path, "base", null);
        awaitDraft(auto);
        assertThat(page.attribute("#level-note", "data-fits")).isEqualTo("false");
        assertThat(page.text("#level-note")).contains("应为「乡镇/街道」");
        assertThat(new Select(browser.findElement(By.id("level"))).getFirstSelectedOption().getAttribute("value")).as("the level pre-selected").isEqualTo("township");
        assertThat(browser.findElements(By.cssSelector("#problems li"))).hasSize(1);
        assertThat(page.text("#problems li[data-check='level-mismatch']")).contains("9 位", "「乡镇/街道」", "重新上传");
        page.screenshot("gis-level");
    }

    /**
     * The report as GIS staff act on it: findings in Chinese, filtered by kind, exported; an
     * overlap drawn as its own area and marked so that it is seen zoomed out; a click identifies
     * the grid with its problems; a reshaped code takes the map to the grid.
     */
    @Test
    void anOverlapIsDrawnAsItsAreaFilteredExportedAndTheGridIsIdentifiedOnClick() throws IOException {
        var group = TestBoundaries.group(county, 33);
        var file = new TestBoundaries(county).childrenOf(group.code()).without(group.a());
        file.feature(group.a(), "越界", file.geometry("SELECT ST_Union(a.geom, ST_Intersection(ST_Buffer(a.geom::geography, 30)::geometry, b.geom)) "
                + "FROM grid a, grid b WHERE a.code = ? AND b.code = ? AND a.version_id = %1$s AND b.version_id = %1$s".formatted(PUBLISHED),
                group.a(), group.b()));

        open();
        upload(write(file, "越界.geojson"), "base", group.code());
        int draft = awaitDraft(-1);
        List<Map<String, Object>> problems = given().get("/api/boundaries/drafts/" + draft).then().extract().jsonPath().getList("report.problems");
        int overlap = problems.indexOf(problems.stream().filter(p -> "overlap".equals(p.get("check"))).findFirst().orElseThrow());
        String item = "#problems li[data-index='" + overlap + "']";
        assertThat(page.text(item)).contains("重叠", group.a(), group.b(), "m²").doesNotContain("overlap by");

        // Filtered by kind: only the overlaps.
        long overlaps = problems.stream().filter(p -> "overlap".equals(p.get("check"))).count();
        new Select(browser.findElement(By.id("problem-filter"))).selectByValue("overlap");
        assertThat(browser.findElements(By.cssSelector("#problems li"))).hasSize((int) overlaps)
                .allSatisfy(li -> assertThat(li.getAttribute("data-check")).isEqualTo("overlap"));

        // Exported: the links answer with the files.
        assertThat(page.attribute("#export-csv", "href")).endsWith("/api/boundaries/drafts/" + draft + "/problems.csv");
        assertThat(page.attribute("#export-geojson", "href")).endsWith("/api/boundaries/drafts/" + draft + "/problems.geojson");
        for (String link : List.of("export-csv", "export-geojson")) {
            Object status = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById(arguments[0]).href).then(r => done(r.status), e => done(String(e)))""", link);
            assertThat(status).as(link).isEqualTo(200L);
        }
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) problems.get(overlap).get("at");

        // Zoomed out to the county's zoom 8: the overlap is marked; zoomed in, its own area is drawn filled.
        browser.executeScript("gridGis.map.jumpTo({center: arguments[0], zoom: 8})", at);
        page.idle();
        assertThat(renderedProblems("problem-markers", at)).contains((long) overlap);
        browser.executeScript("gridGis.map.jumpTo({center: arguments[0], zoom: 16})", at);
        page.idle();
        assertThat(renderedProblems("problems-fill", at)).contains((long) overlap);
        page.screenshot("gis-problems");

        // A click on the grid identifies it: code, name, level and its problems.
        double[] inA = county.pointIn(group.a());
        browser.executeScript("gridGis.map.jumpTo({center: [arguments[0], arguments[1]], zoom: 15})", inA[0], inA[1]);
        page.idle();
        clickAt(inA);
        page.await(() -> page.displayed("#identify"), "the grid identified");
        assertThat(page.attribute("#identify", "data-code")).isEqualTo(group.a());
        assertThat(page.text("#identify")).contains(group.a(), "越界", "网格", "重叠");
        page.screenshot("gis-identify");

        // A reshaped code in the changes takes the map to its grid.
        String reshaped = "#changes li[data-change=reshaped] button[data-code='" + group.a() + "']";
        page.await(() -> page.displayed(reshaped), "the reshaped grid listed");
        browser.executeScript("gridGis.map.jumpTo({center: arguments[0], zoom: 9})", List.of(at.get(0).doubleValue() + 0.2, at.get(1)));
        browser.findElement(By.cssSelector(reshaped)).click();
        page.await(() -> !Boolean.TRUE.equals(page.js("return gridGis.map.isMoving()"))
                && Boolean.TRUE.equals(page.js("return gridGis.map.getBounds().contains(arguments[0])", List.of(inA[0], inA[1])))
                && page.number("return gridGis.map.getZoom()") >= 13, "the map at the reshaped grid");
        assertThat((String) page.js("return gridGis.highlighted()")).isEqualTo(group.a());
    }

    // --- helpers ---

    /** The problem indexes drawn in a layer around a point (a few pixels either side). */
    private List<Long> renderedProblems(String layer, List<Number> at) {
        List<Number> found = page.js("""
                const m = gridGis.map, p = m.project(arguments[1]);
                return m.queryRenderedFeatures([[p.x - 6, p.y - 6], [p.x + 6, p.y + 6]], {layers: [arguments[0]]}).map(f => f.properties.index)""",
                layer, at);
        return found.stream().map(Number::longValue).toList();
    }

    @Test
    void anOfferedRepairIsAppliedFromThePageAndTheDraftBecomesPublishable() throws Exception {
        var group = TestBoundaries.group(county, 32);
        var file = new TestBoundaries(county).childrenOf(group.code()).without(group.a());
        file.feature(group.a(), "小自交", TestBoundaries.withSmallLoop(file.published(group.a())));
        int looped = file.size();

        open();
        upload(write(file, "小自交.geojson"), "base", group.code());
        int draft = awaitDraft(-1);
        assertThat(problemOnPage("invalid-geometry", looped).getText()).contains("可修复");
        assertThat(page.attribute("#verdict", "data-publishable")).isEqualTo("false");
        page.await(() -> page.displayed("#repair"), "the repair offered");

        browser.findElement(By.id("repair")).click();
        page.await(() -> "true".equals(page.attribute("#verdict", "data-publishable")), "the draft publishable after the repair");
        assertThat(problemOnPage("repaired", looped).getAttribute("data-severity")).isEqualTo("warning");
        assertThat(page.displayed("#repair")).isFalse();
        given().get("/api/boundaries/drafts/" + draft).then().body("report.publishable", org.hamcrest.Matchers.equalTo(true));
        assertThat(browser.findElement(By.id("publish")).isEnabled()).isTrue();
    }

    /** Opens the page signed in as a new user of the GIS role, who is named in its header. */
    private void open() {
        HeadlessChromium.signIn(browser, gis, TestUsers.user("gis", null, null).cookie());
        browser.get(gis.toString());
        page.await(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.gridGis && gridGis.live.state === 'live')")),
                "the GIS page to be live");
        page.idle();
        assertThat(page.text("#user")).contains("测试gis", "GIS", "退出");
    }

    private Path write(TestBoundaries file, String name) throws IOException {
        return Files.write(files.resolve(name), file.geoJson());
    }

    /** Chooses the file in the page's file input, as a person picking it would, and uploads it. */
    private void upload(Path file, String level, String scope) {
        if (level != null) new Select(browser.findElement(By.id("level"))).selectByValue(level);
        if (scope != null) {
            WebElement input = browser.findElement(By.id("scope"));
            input.clear();
            input.sendKeys(scope);
        }
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        page.await(() -> browser.findElement(By.id("upload-submit")).isEnabled(), "the upload button enabled");
        browser.findElement(By.id("upload-submit")).click();
    }

    /** Waits for a draft other than {@code previous} to be shown checked (or failed), and returns its id. */
    private int awaitDraft(int previous) {
        page.await(() -> {
            String id = page.attribute("#draft-panel", "data-draft");
            String state = page.attribute("#draft-panel", "data-state");
            return page.displayed("#draft-panel") && id != null && !id.equals(String.valueOf(previous))
                    && ("ready".equals(state) || "failed".equals(state));
        }, "the uploaded draft's report");
        return Integer.parseInt(page.attribute("#draft-panel", "data-draft"));
    }

    private WebElement problemOnPage(String check, int feature) {
        var found = browser.findElements(By.cssSelector("#problems li[data-check='%s'][data-feature='%d']".formatted(check, feature)));
        assertThat(found).as(check + " of feature " + feature + " listed").isNotEmpty();
        return found.get(0);
    }

    private static int indexOf(List<Map<String, Object>> problems, String check, int feature) {
        for (int i = 0; i < problems.size(); i++) {
            var p = problems.get(i);
            if (check.equals(p.get("check")) && p.get("feature") != null && ((Number) p.get("feature")).intValue() == feature) return i;
        }
        throw new AssertionError("no " + check + " of feature " + feature + " in " + problems);
    }

    private void confirm() {
        page.await(() -> page.displayed("#confirm-ok"), "the confirmation dialog");
        browser.findElement(By.id("confirm-ok")).click();
        page.await(() -> !page.displayed("#confirm"), "the dialog closed");
    }

    private List<String> renderedChanges() {
        return page.js("""
                return gridGis.map.queryRenderedFeatures({layers: ['changes-fill']})
                    .map(f => f.properties.change + ':' + f.properties.code)""");
    }

    /** How far a point is from the middle of the map, in CSS pixels. */
    private double pixelsFromCentre(List<Number> lonLat) {
        return ((Number) page.js("""
                const m = gridGis.map, p = m.project(arguments[0]), c = m.getCanvas();
                return Math.hypot(p.x - c.clientWidth / 2, p.y - c.clientHeight / 2)""", lonLat)).doubleValue();
    }

    private double[] center() {
        List<Number> c = page.js("const c = gridGis.map.getCenter(); return [c.lng, c.lat]");
        return new double[] {c.get(0).doubleValue(), c.get(1).doubleValue()};
    }

    /** A number as the page writes it (zh-CN groups thousands with commas). */
    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private void clickAt(double[] lonLat) {
        List<Number> xy = page.js("""
                const m = gridGis.map, p = m.project([arguments[0], arguments[1]]), c = m.getCanvas();
                return [Math.round(p.x - c.clientWidth / 2), Math.round(p.y - c.clientHeight / 2)]""", lonLat[0], lonLat[1]);
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("#map canvas")), xy.get(0).intValue(), xy.get(1).intValue())
                .click().perform();
    }
}
