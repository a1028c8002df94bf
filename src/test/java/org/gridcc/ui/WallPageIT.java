package org.gridcc.ui;

import static io.restassured.RestAssured.given;
import static org.gridcc.cases.TestCases.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import org.gridcc.common.CuttableProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridVersionChanged;
import org.gridcc.cases.DeadlineSweeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The wall (/wall) in Chromium, WebGL by SwiftShader: the county fitted and coloured from /live,
 * a posted case colouring its grid within 2 s, and the connection indicator through a cut line.
 * The wall is signed in as a wall display: enrolled with its token once, by its cookie otherwise.
 * Colours are checked in screenshots, which are kept in target/screenshots/.
 */
@QuarkusTest
class WallPageIT {

    // The wall's fill colours (map-ui/src/wall.js COLOURS).
    private static final Color NONE = new Color(0x1f4e5f);
    private static final Color OPEN = new Color(0x3d8bfd);
    private static final Color WARNING = new Color(0xf59f00);
    private static final Color OVERDUE = new Color(0xe03131);
    private static final Color HOT = new Color(0xff4fd8);
    /** The overdue hatch: white at 200/255 over the overdue red. */
    private static final Color HATCH = new Color(248, 211, 211);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Inject
    DemoCounty county;

    @Inject
    DeadlineSweeper sweeper;

    @Inject
    Event<GridVersionChanged> versionChanged;

    @TestHTTPResource("/wall")
    URL wall;

    @TestHTTPResource("/")
    URL service;

    private ChromeDriver browser;
    private MapPage page;
    private TestUsers.Token display;

    @BeforeEach
    void openBrowser() {
        display = TestUsers.tokenUser("wall");
        browser = HeadlessChromium.start();
        page = new MapPage(browser, "gridWall");
        browser.manage().window().setSize(new Dimension(1920, 1080)); // a wall screen
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theWallFitsTheWholeCountyAndColoursItsGridsWithALegendKpisAClockAndALiveIndicator() {
        String base = base(4500);
        double[] point = county.pointIn(base);
        String code = post(point, "neighbour_dispute", null);

        // Enrolled as an administrator would: the display token in the address, once.
        show(wall + "#token=" + display.token());
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
        String level = page.js("return gridWall.level()");
        String shownGrid = base.substring(0, codeLength(level));
        page.await(() -> page.number("return gridWall.map.getFeatureState({source: 'grids', sourceLayer: arguments[0], id: arguments[1]}).open || 0",
                level, shownGrid) >= 1, "the case's grid at the level shown to be open");
        // At the county's zoom it is sent the level it draws only, not every township, village, group and base grid.
        List<Number> lengths = page.js("return [...new Set([...gridWall.shown.keys()].map(code => code.length))]");
        assertThat(lengths).extracting(Number::intValue).containsExactly(codeLength(level));
        page.idle();
        BufferedImage shot = page.screenshot("wall");

        // Polygons are drawn and coloured: the county in the colour of grids with nothing open,
        // and the case's grid in a case colour (others' tests may have added warnings or overdue cases).
        int[] box = mapBox();
        long area = (long) box[2] * box[3];
        assertThat(count(shot, box, NONE)).as("pixels of grids with nothing open").isGreaterThan(area / 20);
        assertThat(count(shot, box, OPEN) + count(shot, box, WARNING) + count(shot, box, OVERDUE))
                .as("pixels of grids with open cases").isGreaterThan(100);
        int[] at = pixel(point);
        assertThat(majority(shot, at, List.of(OPEN, WARNING, OVERDUE, HATCH)))
                .as("the colour of the grid of case %s at %s", code, level).isNotNull();

        // The whole county is on screen and fills it (fitted, not a dot in the middle).
        List<Double> bbox = given().get("/api/grids/530324").then().statusCode(200).extract().jsonPath().getList("bbox", Double.class);
        List<Number> bounds = page.js("const b = gridWall.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]");
        assertThat(bounds.get(0).doubleValue()).isLessThanOrEqualTo(bbox.get(0));
        assertThat(bounds.get(1).doubleValue()).isLessThanOrEqualTo(bbox.get(1));
        assertThat(bounds.get(2).doubleValue()).isGreaterThanOrEqualTo(bbox.get(2));
        assertThat(bounds.get(3).doubleValue()).isGreaterThanOrEqualTo(bbox.get(3));
        double heightShare = (bbox.get(3) - bbox.get(1)) / (bounds.get(3).doubleValue() - bounds.get(1).doubleValue());
        double widthShare = (bbox.get(2) - bbox.get(0)) / (bounds.get(2).doubleValue() - bounds.get(0).doubleValue());
        assertThat(Math.max(heightShare, widthShare)).as("share of the screen the county spans").isGreaterThan(0.75);

        // The level shown follows the zoom, and the legend names it and every state.
        assertThat(level).isIn("township", "village");
        assertThat(browser.findElement(By.id("level")).getAttribute("data-level")).isEqualTo(level);
        assertThat(browser.findElement(By.id("legend")).getText())
                .contains("无在办", "有在办", "预警", "超期", "斜线", "热点一级", "虚线", "热点二级", "热点三级");
        assertThat(browser.getTitle()).contains("网格");
        assertThat(browser.findElement(By.cssSelector("[data-kpi=receivedToday]")).getText()).matches("[1-9][0-9]*");
        assertThat(browser.findElement(By.cssSelector("[data-kpi=overdue]")).getText()).matches("[0-9]+");
        assertThat(browser.findElement(By.cssSelector("[data-kpi=satisfaction]")).getText()).matches("(–|[0-9.]+%)(\\s*\\([0-9]+/[0-9]+\\))?");
        assertThat(browser.findElement(By.id("clock")).getText()).containsPattern("\\d\\d:\\d\\d:\\d\\d");
        assertThat(browser.findElement(By.id("connection")).getAttribute("data-state")).isEqualTo("live");
        assertThat(browser.findElement(By.id("connection")).getText()).contains("实时");
        // The ticker has the case, in Chinese.
        page.await(() -> !browser.findElements(By.cssSelector("#events li[data-case='" + code + "'][data-type=RECEIVED]")).isEmpty(),
                "the case in the ticker");
        // ... and where it is by name, township and village, not by an 18-digit grid code.
        String line = browser.findElement(By.cssSelector("#events li[data-case='" + code + "']")).getText();
        var village = given().get("/api/grids/" + base.substring(0, 12)).then().statusCode(200).extract().jsonPath();
        assertThat(line).contains("新案件", "邻里纠纷", village.getString("name"), village.getString("parent.name")).doesNotContain(base);
        // Township names on the map, inside their townships.
        var townships = given().get("/api/grids/530324/children").then().statusCode(200).extract().jsonPath().getList("name", String.class);
        List<String> labels = page.js("return [...document.querySelectorAll('.place-label.township:not([hidden])')].map(e => e.textContent)");
        assertThat(labels).containsExactlyInAnyOrderElementsOf(townships);
        // Rates come with the counts they are taken from.
        assertThat(browser.findElement(By.cssSelector("[data-kpi=timelyAcceptance]")).getText()).matches("(–|[0-9.]+%)(\\s*\\([0-9]+/[0-9]+\\))?");
    }

    @Test
    void theTextScalesWithTheScreenSoThatA4kWallLooksLikeA1080pOneLarger() {
        post(county.pointIn(base(4505)), "consultation", null);
        viewport(1920, 1080);
        open(wall.toString());
        page.await(() -> !browser.findElements(By.cssSelector("#events li")).isEmpty(), "an event in the ticker");
        Map<String, Double> hd = fontSizes();
        page.screenshot("wall-1080p");
        // Readable from across the room at 1080p.
        assertThat(hd.get("#events li")).as("ticker").isGreaterThanOrEqualTo(20);
        assertThat(hd.get("#kpi dd")).as("key figures").isGreaterThanOrEqualTo(40);
        assertThat(hd.get("#kpi dt")).as("key figure names").isGreaterThanOrEqualTo(18);
        assertThat(hd.get("#legend ul")).as("legend").isGreaterThanOrEqualTo(18);
        assertThat(hd.get("#legend small")).as("legend, English").isGreaterThanOrEqualTo(13.5);
        assertThat(hd.get(".place-label.township")).as("township names").isGreaterThanOrEqualTo(24);

        viewport(3840, 2160);
        page.idle();
        Map<String, Double> uhd = fontSizes();
        page.screenshot("wall-4k");
        for (var size : hd.entrySet()) {
            assertThat(uhd.get(size.getKey()) / size.getValue()).as("size of %s at 4K over 1080p (%s px at 1080p)", size.getKey(), size.getValue())
                    .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(page.js("return gridWall.level()").toString()).isEqualTo("village");
    }

    @Test
    void aSmallWallChoosesItsLevelFromTheDataAndShowsVillagesNotTwoWholeTownships() {
        viewport(1366, 768);
        open(wall.toString());
        page.screenshot("wall-1366");
        double zoom = ((Number) page.js("return gridWall.map.getZoom()")).doubleValue();
        // The zoom alone would draw townships (villages from 9); the villages in view are big enough to read.
        assertThat(zoom).isLessThan(9);
        assertThat(page.js("return gridWall.level()").toString()).isEqualTo("village");
        assertThat(browser.findElement(By.id("level")).getAttribute("data-level")).isEqualTo("village");
        assertThat(browser.findElement(By.cssSelector("#kpi dt[data-for=hotGrids]")).getText()).contains("村");
        // The village outlines are drawn: village features rendered where the map is.
        assertThat(page.number("return gridWall.map.queryRenderedFeatures({layers: ['village-fill']}).length")).isGreaterThan(50);
    }

    @Test
    void theWallShowsHowManyGridsHoldAClassOneRiskAndTheOpenEntriesByClassAsTheApiCountsThem() {
        viewport(1920, 1080);
        open(wall.toString());
        page.await(() -> page.js("return gridWall.risks()") != null, "the risk register's counts");
        var counts = display.given().queryParam("grid", "530324").get("/api/risk-register/counts").then().statusCode(200).extract().jsonPath();
        assertThat(counts.getLong("gridsWithClassOne")).isPositive();
        assertThat(page.<String>js("return document.getElementById('risk-grids').firstChild.textContent"))
                .isEqualTo(String.valueOf(counts.getLong("gridsWithClassOne")));
        assertThat(page.text("#risk-grids small")).isEqualTo("一类 %d · 二类 %d · 三类 %d"
                .formatted(counts.getLong("classOne"), counts.getLong("classTwo"), counts.getLong("classThree")));
        assertThat(page.text("#kpi")).contains("一类风险网格");
        // Readable across the room at 1080p, as the other key figures.
        assertThat(page.number("return parseFloat(getComputedStyle(document.getElementById('risk-grids')).fontSize)")).isGreaterThanOrEqualTo(40);
        assertThat(page.number("return parseFloat(getComputedStyle(document.querySelector('#risk-grids small')).fontSize)"))
                .isGreaterThanOrEqualTo(18);
    }

    /** Makes the page's viewport that of a screen of this size in full screen, as a wall runs (a window's size includes its frame). */
    private void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        page.await(() -> page.number("return innerWidth") == width && page.number("return innerHeight") == height,
                "a viewport of " + width + "x" + height);
    }

    /** The computed font size (px) of the first element matching each selector on the wall. */
    private Map<String, Double> fontSizes() {
        Map<String, Number> sizes = page.js("""
                const out = {};
                for (const css of ['#events li', '#events li code', '#kpi dt', '#kpi dd', '#kpi dt small', '#legend ul', '#legend small',
                                   '#ticker h2', '#clock', 'h1', '.place-label.township'])
                  out[css] = parseFloat(getComputedStyle(document.querySelector(css)).fontSize);
                return out;""");
        var result = new java.util.TreeMap<String, Double>();
        sizes.forEach((css, px) -> result.put(css, px.doubleValue()));
        return result;
    }

    @Test
    void theWallIsServedAtItsAddressWithItsQueryAndNotKeptStaleInCaches() {
        given().get("/wall?live=ws://example.invalid/live").then().statusCode(200)
                .header("Cache-Control", "no-cache").contentType(containsString("text/html"))
                .body(containsString("网格态势大屏"));
        given().get("/wall/").then().statusCode(200).body(containsString("网格态势大屏"));
    }

    @Test
    void everyPageHasAFaviconTheBrowserCanDraw() {
        given().get("/favicon.ico").then().statusCode(200);
        // What a browser does with it: decodes it as an image (a 404 or an HTML page would not decode).
        browser.get(service.toString());
        long width = ((Number) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1], img = new Image();
                img.src = '/favicon.ico';
                img.decode().then(() => done(img.naturalWidth), () => done(0));""")).longValue();
        assertThat(width).as("the favicon's width as decoded by Chromium").isEqualTo(32);
    }

    @Test
    void aCasePostedThroughTheApiColoursItsGridWithinTwoSecondsAndOverdueAndHotspotsAreToldApart() {
        // The largest of a few base grids, so that its colour and outline are plain on screen.
        String base = county.one("SELECT code FROM (SELECT code, geom FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 4510 LIMIT 10) s"
                + " ORDER BY ST_Area(geom) DESC LIMIT 1");
        double[] point = county.pointIn(base);
        open(wall.toString());
        // Zoomed in to the base grids (below the special grids' zoom), the level shown follows.
        browser.executeScript("gridWall.map.jumpTo({center: [arguments[0], arguments[1]], zoom: 13.5})", point[0], point[1]);
        page.idle();
        assertThat((String) page.js("return gridWall.level()")).isEqualTo("base");
        int[] at = pixel(point);
        assertThat(majority(page.screenshot("wall-base-before"), at, List.of(NONE))).as("the grid before its first case").isNotNull();

        String code = post(point, "neighbour_dispute", null);
        long posted = System.nanoTime();
        BufferedImage shot;
        long elapsedMs;
        do {
            shot = page.screenshot("wall-base-open");
            elapsedMs = (System.nanoTime() - posted) / 1_000_000;
        } while (majority(shot, at, List.of(OPEN)) == null && elapsedMs < 5000);
        assertThat(majority(shot, at, List.of(OPEN))).as("the grid of case %s in the open colour", code).isNotNull();
        System.out.printf("WallPageIT: case %s coloured its grid on screen %d ms after the 201%n", code, elapsedMs);
        assertThat(elapsedMs).as("ms from the API's 201 to the colour on screen").isLessThan(2000);
        assertThat(page.featureState(base)).containsEntry("open", 1L);

        // Overdue: red and hatched.
        String late = post(point, "consultation", OffsetDateTime.now().minusDays(8));
        sweeper.sweep().await().atMost(Duration.ofSeconds(10));
        page.await(() -> ((Number) page.featureState(base).getOrDefault("overdue", 0L)).intValue() >= 1, "case " + late + " overdue on the wall");
        page.idle();
        shot = page.screenshot("wall-base-overdue");
        assertThat(near(shot, at, 12, OVERDUE)).as("red pixels around the grid's centre").isGreaterThan(20);
        assertThat(near(shot, at, 12, HATCH)).as("hatch pixels around the grid's centre").isGreaterThan(20);
        // Eight days late: the reminders went unheeded, and the ticker says the 纪委 has the case.
        String referral = "#events li[data-type=REFERRED][data-case='" + late + "'] b";
        page.await(() -> !browser.findElements(By.cssSelector(referral)).isEmpty(), "the referral of " + late + " in the ticker");
        assertThat(browser.findElement(By.cssSelector(referral)).getText()).isEqualTo("纪委督查");

        // A hotspot: three cases of a kind where none were is surprising; drawn as a dashed outline.
        for (int i = 0; i < 3; i++) post(point, "land_dispute", null);
        page.await(() -> ((Number) page.featureState(base).getOrDefault("hot", 0L)).intValue() >= 1, "the grid a hotspot on the wall");
        page.idle();
        shot = page.screenshot("wall-base-hotspot");
        assertThat(count(shot, mapBox(), HOT)).as("pixels of the hotspot outline").isGreaterThan(50);
    }

    @Test
    void theIndicatorGoesStaleWhenTheServiceStopsAndLiveWhenItReturnsWithNoEventMissed() throws Exception {
        String base = base(4530);
        try (CuttableProxy proxy = new CuttableProxy(service.getPort())) {
            // The wall's host, so that its cookie goes with the socket.
            open(wall + "?live=ws://" + wall.getHost() + ":" + proxy.port() + "/live");
            String level = page.js("return gridWall.level()");
            assertThat(proxy.requests()).contains("GET /live?level=" + level + " HTTP/1.1");
            String heard = post(county.pointIn(base), "neighbour_dispute", null);
            page.await(() -> !browser.findElements(By.cssSelector("#events li[data-case='" + heard + "']")).isEmpty(), "a case before the cut");
            long before = page.number("return gridWall.live.lastSeq");

            proxy.cut();
            List<String> states = new ArrayList<>();
            page.await(() -> {
                String state = browser.findElement(By.id("connection")).getAttribute("data-state");
                if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) states.add(state);
                return state.equals("stale");
            }, "the indicator to say stale");
            assertThat(states).containsSubsequence("reconnecting", "stale");
            var indicator = browser.findElement(By.id("connection"));
            String since = OffsetDateTime.parse(indicator.getAttribute("data-since"))
                    .atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(HMS);
            assertThat(indicator.getText()).contains("数据停留于 " + since).contains("stale since " + since);
            page.screenshot("wall-stale");

            // Something happens while the wall cannot hear it.
            String code = post(county.pointIn(base), "neighbour_dispute", null);
            String another = post(county.pointIn(base), "consultation", null);
            Thread.sleep(500);
            proxy.restore();

            page.await(() -> "live".equals(browser.findElement(By.id("connection")).getAttribute("data-state")), "the indicator live again");
            for (String missed : List.of(code, another)) {
                page.await(() -> !browser.findElements(By.cssSelector("#events li[data-case='" + missed + "']")).isEmpty(),
                        "the missed case " + missed + " in the ticker");
            }
            page.await(() -> ((Number) page.featureState(base.substring(0, codeLength(page.js("return gridWall.level()"))))
                    .getOrDefault("open", 0L)).intValue() >= 1, "the missed case on the map");
            assertThat(proxy.requests()).contains("GET /live?level=" + level + "&since=" + before + " HTTP/1.1");
            page.idle();
            page.screenshot("wall-live-again");

            // Nothing missed, nothing twice: the ticker holds every position up to the stream's head.
            long head = given().get("/api/events?after=0&limit=1").then().statusCode(200).extract().jsonPath().getLong("head");
            List<Number> seqs = page.js("return gridWall.recent().map(e => e.seq)");
            assertThat(seqs.get(0).longValue()).isEqualTo(head);
            assertThat(seqs.get(seqs.size() - 1).longValue()).as("the ticker reaches back before the cut").isLessThan(before);
            for (int i = 1; i < seqs.size(); i++) assertThat(seqs.get(i).longValue()).isEqualTo(seqs.get(i - 1).longValue() - 1);
            assertThat(page.number("return gridWall.live.lastSeq")).isEqualTo(head);
        }
    }

    @Test
    void theTickerKeepsTheNewestEventsAndNoMoreHoweverManyCome() {
        open(wall.toString());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 40; i++) codes.add(post(county.pointIn(base(4540 + i)), "consultation", null));
        String last = codes.get(codes.size() - 1);
        page.await(() -> !browser.findElements(By.cssSelector("#events li[data-case='" + last + "']")).isEmpty(), "the last case in the ticker");
        // Bounded, so that a wall running for days holds no more than a wall running for minutes.
        assertThat(browser.findElements(By.cssSelector("#events li"))).hasSize(30);
        assertThat(page.number("return gridWall.recent().length")).isEqualTo(30);
        assertThat(browser.findElements(By.cssSelector("#events li[data-case='" + codes.get(0) + "']"))).isEmpty();
        page.screenshot("wall-ticker");
    }

    @Test
    void newBoundariesReloadTheTilesAndTheWallKeepsShowingTheCounty() {
        open(wall.toString());
        assertThat(page.number("return gridWall.tileReloads()")).isZero();
        versionChanged.fireAsync(new GridVersionChanged(county.publishedVersion()));
        page.await(() -> page.number("return gridWall.tileReloads()") == 1, "the tiles reloaded");
        page.idle();
        BufferedImage shot = page.screenshot("wall-boundaries");
        int[] box = mapBox();
        assertThat(count(shot, box, NONE)).isGreaterThan((long) box[2] * box[3] / 20);
        assertThat(browser.findElement(By.id("connection")).getAttribute("data-state")).isEqualTo("live");
    }

    // --- helpers ---

    /** A base grid nobody else's test posts in. */
    String base(int offset) {
        return county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET ? LIMIT 1", offset);
    }

    private static int codeLength(String level) {
        return switch (level) {
            case "county" -> 6;
            case "township" -> 9;
            case "village" -> 12;
            case "group" -> 15;
            default -> 18;
        };
    }

    /** Opens the wall signed in by its cookie. */
    private void open(String url) {
        HeadlessChromium.signIn(browser, wall, display.token());
        show(url);
    }

    private void show(String url) {
        browser.get(url);
        page.await(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.gridWall && gridWall.live.state === 'live')")),
                "the wall to be live");
        page.idle();
    }

    /** The map's box on the screenshot: x, y, width, height in device pixels. */
    private int[] mapBox() {
        List<Number> box = page.js("""
                const r = document.getElementById('map').getBoundingClientRect(), k = devicePixelRatio;
                return [r.left * k, r.top * k, r.width * k, r.height * k].map(Math.round)""");
        return box.stream().mapToInt(Number::intValue).toArray();
    }

    /** Where a point (lon, lat) is on the screenshot. */
    private int[] pixel(double[] lonLat) {
        List<Number> xy = page.js("""
                const m = gridWall.map, p = m.project([arguments[0], arguments[1]]), r = m.getContainer().getBoundingClientRect();
                return [Math.round((r.left + p.x) * devicePixelRatio), Math.round((r.top + p.y) * devicePixelRatio)]""",
                lonLat[0], lonLat[1]);
        return new int[] {xy.get(0).intValue(), xy.get(1).intValue()};
    }

    private static boolean close(int rgb, Color colour) {
        Color c = new Color(rgb);
        return Math.abs(c.getRed() - colour.getRed()) <= 10 && Math.abs(c.getGreen() - colour.getGreen()) <= 10
                && Math.abs(c.getBlue() - colour.getBlue()) <= 10;
    }

    private static long count(BufferedImage image, int[] box, Color colour) {
        long n = 0;
        for (int y = Math.max(0, box[1]); y < Math.min(image.getHeight(), box[1] + box[3]); y++) {
            for (int x = Math.max(0, box[0]); x < Math.min(image.getWidth(), box[0] + box[2]); x++) {
                if (close(image.getRGB(x, y), colour)) n++;
            }
        }
        return n;
    }

    private static long near(BufferedImage image, int[] at, int radius, Color colour) {
        return count(image, new int[] {at[0] - radius, at[1] - radius, 2 * radius + 1, 2 * radius + 1}, colour);
    }

    /** The colour of those given that most of the 5x5 pixels around a point have, or null if none has a majority. */
    private static Color majority(BufferedImage image, int[] at, List<Color> colours) {
        Predicate<Color> most = colour -> near(image, at, 2, colour) >= 13;
        long all = 0;
        for (Color colour : colours) {
            if (most.test(colour)) return colour;
            all += near(image, at, 2, colour);
        }
        // A hatched grid: stripes and ground together.
        return colours.contains(HATCH) && all >= 13 ? HATCH : null;
    }
}
