package org.gridcc.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gridcc.access.TestUsers;
import org.gridcc.cases.TestCases;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Signing in through the pages in Chromium: the sign-in page (/login) refuses a wrong password in
 * the page and sends the right one to the page of the user's role or back where it came from; a
 * page opened without a session goes there and comes back; a wall is enrolled with its display
 * token from its address, forgets the token and stays signed in; a wall nobody enrolled says so;
 * the desk shows a reporter masked until asked for in full, and that read is in the audit trail.
 * Screenshots go to target/screenshots/login-*.png.
 */
@QuarkusTest
class LoginPageIT {

    @Inject
    DemoCounty county;

    @TestHTTPResource("/login")
    URL login;

    @TestHTTPResource("/desk")
    URL desk;

    @TestHTTPResource("/wall")
    URL wall;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(1600, 1000));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theSignInPageIsServedAtItsAddressUnderThePagesPolicyAndNotKeptStale() {
        given().get("/login?next=/desk").then().statusCode(200).header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .contentType(containsString("text/html")).body(containsString("登录"));
        given().get("/login/").then().statusCode(200).header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void aWrongPasswordIsToldInThePageWhichStaysOpen() {
        // A user of its own: failures in a row lock a user, and the admin is everyone's.
        String username = TestUsers.newUser("officer", countyCode(), null, TestUsers.PASSWORD);
        browser.get(login.toString());

        signIn(username, "not-the-password-2026");
        await(() -> displayed("#message") && "error".equals(attribute("#message", "data-kind")), "the refusal shown");
        assertThat(text("#message")).contains("The user name or the password is wrong.");
        assertThat(browser.findElement(By.id("message")).getAttribute("role")).isEqualTo("alert");
        assertThat(path()).isEqualTo("/login");
        assertThat(browser.findElement(By.id("password")).getAttribute("value")).as("the wrong password cleared").isEmpty();
        assertThat(browser.findElement(By.id("sign-in-submit")).isEnabled()).isTrue();
        HeadlessChromium.screenshot(browser, "login-refused");
    }

    @Test
    void theRightPasswordLandsOnTheDeskShowingWhoIsSignedInAndSigningOutEndsTheSession() {
        String username = TestUsers.newUser("officer", countyCode(), null, TestUsers.PASSWORD);
        String countyName = given().get("/api/grids/" + countyCode()).then().statusCode(200).extract().path("name");

        // A next that would leave for another site is not followed: the page of the role instead.
        browser.get(login + "?next=//example.org/desk");
        signIn(username, TestUsers.PASSWORD);
        awaitDesk();
        assertThat(browser.getCurrentUrl()).isEqualTo(desk.toString());
        assertThat(text("#user .user-name")).isEqualTo("测试officer");
        assertThat(text("#user")).contains("值班员", countyName, "退出");
        HeadlessChromium.screenshot(browser, "login-desk");

        browser.findElement(By.id("sign-out")).click();
        await(() -> "/login".equals(path()), "the sign-in page after signing out");
        browser.get(desk.toString());
        await(() -> "/login".equals(path()), "the desk, signed out, sending to the sign-in page");
    }

    @Test
    void aUserChangesItsOwnPasswordFromThePage() {
        String username = TestUsers.newUser("officer", countyCode(), null, TestUsers.PASSWORD);
        browser.get(login.toString());
        signIn(username, TestUsers.PASSWORD);
        awaitDesk();

        browser.findElement(By.id("change-password")).click();
        fill("current", "not-the-password-1");
        fill("next", "a-new-password-2027");
        fill("again", "a-new-password-2027");
        browser.findElement(By.id("password-save")).click();
        await(() -> text("#password-message").contains("current password is wrong"), "the refusal in the dialog");
        assertThat(browser.findElement(By.id("password-dialog")).getAttribute("open")).isNotNull();

        fill("current", TestUsers.PASSWORD);
        browser.findElement(By.id("password-save")).click();
        await(() -> browser.findElement(By.id("password-dialog")).getAttribute("open") == null, "the dialog closed");
        TestUsers.anonymous().contentType("application/json")
                .body(java.util.Map.of("username", username, "password", "a-new-password-2027"))
                .post("/api/session").then().statusCode(200);
    }

    private void fill(String name, String value) {
        var input = browser.findElement(By.cssSelector("#password-dialog input[name=" + name + "]"));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void theDeskOpenedWithoutASessionSendsToSignInAndBackToTheDesk() {
        String username = TestUsers.newUser("officer", countyCode(), null, TestUsers.PASSWORD);

        browser.get(desk.toString());
        await(() -> "/login".equals(path()), "the sign-in page");
        assertThat(browser.getCurrentUrl()).endsWith("/login?next=/desk");
        signIn(username, TestUsers.PASSWORD);
        awaitDesk();
        assertThat(path()).isEqualTo("/desk");
        assertThat(text("#user .user-name")).isEqualTo("测试officer");
    }

    @Test
    void aWallEnrolledWithItsTokenForgetsTheTokenAndStaysSignedInAfterAReload() {
        var display = TestUsers.tokenUser("wall");
        String base = county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 4600 LIMIT 1");
        String code = TestCases.post(county.pointIn(base), "neighbour_dispute", null);

        browser.get(wall + "#token=" + display.token());
        awaitWall();
        assertThat(browser.getCurrentUrl()).as("the address after enrolling").isEqualTo(wall.toString()).doesNotContain(display.token());
        assertThat((String) browser.executeScript("return location.hash")).isEmpty();

        // Reloaded, as a wall is after a power cut: signed in by its cookie, the county drawn and coloured.
        browser.navigate().refresh();
        awaitWall();
        MapPage page = new MapPage(browser, "gridWall");
        page.await(() -> page.number("""
                const level = gridWall.level();
                return gridWall.map.queryRenderedFeatures({layers: [level + '-fill']})
                    .filter(f => f.properties.code === arguments[0].slice(0, f.properties.code.length) && f.state.open > 0).length""",
                base) > 0, "the grid of case " + code + " drawn in the open colour");
        assertThat(page.number("return gridWall.map.queryRenderedFeatures({layers: [gridWall.level() + '-fill']}).length"))
                .as("grids drawn from the tiles").isGreaterThan(1);
        assertThat(browser.findElements(By.id("unregistered")).get(0).isDisplayed()).isFalse();
        page.idle();
        page.screenshot("login-wall-reloaded");
    }

    @Test
    void aWallWithoutASessionSaysItIsNotEnrolledInsteadOfABlankMap() {
        browser.get(wall.toString());
        await(() -> displayed("#unregistered"), "the wall saying it is not enrolled");
        assertThat(text("#unregistered")).contains("大屏未登记", "/wall#token=");
        assertThat(attribute("#connection", "data-state")).isEqualTo("unregistered");
        assertThat(path()).as("nobody is sent anywhere: nobody touches a wall").isEqualTo("/wall");
        assertThat((Boolean) browser.executeScript("return window.gridWall === undefined")).isTrue();
        HeadlessChromium.screenshot(browser, "login-wall-unregistered");

        // A token that is no wall's: the same, with the service's reason, and the token gone from the address.
        String detail = TestUsers.anonymous().contentType("application/json").body(Map.of("token", "not-a-wall-token"))
                .post("/api/session/display").then().statusCode(401).extract().path("detail");
        browser.get(wall + "?county=" + countyCode() + "#token=not-a-wall-token");
        await(() -> displayed("#unregistered") && !text("#unregistered .detail").isEmpty(), "the refusal on the wall");
        assertThat(text("#unregistered .detail")).isEqualTo(detail);
        assertThat(browser.getCurrentUrl()).doesNotContain("not-a-wall-token");
    }

    @Test
    void theDeskShowsAReporterMaskedAndInFullOnlyWhenAskedWhichIsRecorded() {
        double[] point = county.pointIn(county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 4610 LIMIT 1"));
        String code = TestCases.post(point, "consultation", null);
        String confidential = TestCases.post(point, "report_official", null);
        var officer = TestUsers.user("officer", countyCode(), null);

        HeadlessChromium.signIn(browser, desk, officer.cookie());
        browser.get(desk + "?case=" + code);
        awaitDesk();
        await(() -> code.equals(attribute("#case-panel", "data-case")) && displayed("#case-panel"), "the case panel");
        assertThat(attribute("#case-panel .case-reporter", "data-access")).isEqualTo("masked");
        assertThat(text("#case-panel .case-reporter .reporter")).isEqualTo("王* · 139****1111");

        browser.findElement(By.id("unmask")).click();
        await(() -> text("#case-panel .case-reporter .reporter").equals("王五 · 13900001111"), "the reporter in full");
        assertThat(text("#case-panel .case-reporter")).contains("已记录查看");
        assertThat(browser.findElements(By.id("unmask"))).isEmpty();
        HeadlessChromium.screenshot(browser, "login-desk-unmasked");
        List<Map<String, Object>> reads = given().queryParam("actor", officer.username()).queryParam("action", "case.unmasked")
                .get("/api/audit").then().statusCode(200).extract().path("entries");
        assertThat(reads).as("the officer's full reads in the audit trail").hasSize(1);
        assertThat(reads.get(0)).containsEntry("target", code);

        // A confidential report (检举控告): withheld from all but the unit handling it, with nothing to ask for.
        browser.executeScript("gridDesk.openCase(arguments[0])", confidential);
        await(() -> confidential.equals(attribute("#case-panel", "data-case")), "the confidential case");
        assertThat(attribute("#case-panel .case-reporter", "data-access")).isEqualTo("withheld");
        assertThat(text("#case-panel .case-reporter")).contains("举报人信息保密").doesNotContain("王");
        assertThat(browser.findElements(By.id("unmask"))).isEmpty();
    }

    // --- helpers ---

    private String countyCode() {
        return county.first(GridLevel.COUNTY);
    }

    private void signIn(String username, String password) {
        type("username", username);
        type("password", password);
        browser.findElement(By.id("sign-in-submit")).click();
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void awaitDesk() {
        await(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.gridDesk && gridDesk.live.state === 'live')")),
                "the desk to be live");
    }

    private void awaitWall() {
        await(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.gridWall && gridWall.live.state === 'live')")),
                "the wall to be live");
    }

    private void await(java.util.function.BooleanSupplier condition, String what) {
        HeadlessChromium.await(browser, condition, what);
    }

    private String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    private boolean displayed(String css) {
        var found = browser.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private String text(String css) {
        var found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private String attribute(String css, String name) {
        var found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getAttribute(name);
    }
}
