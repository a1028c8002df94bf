package org.gridcc.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page (/admin) in Chromium, driven mostly from the keyboard: it lists the users, makes
 * one, disables and enables it, unlocks one locked by failed sign-ins; it makes a wall's display
 * token that is shown once as the wall's link and a QR code of that link (decoded here by jsQR,
 * a devDependency of map-ui that no page loads), and that link opened in the browser enrols the
 * wall; revoked on the page, the token enrols no more. Anyone but an administrator is told in the
 * page that it is for admins; the home page links the admin page for administrators only.
 * Screenshots go to target/screenshots/admin-*.png.
 */
@QuarkusTest
class AdminPageIT {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    DemoCounty county;

    @TestHTTPResource("/admin")
    URL admin;

    @TestHTTPResource("/")
    URL home;

    @TestHTTPResource("/wall")
    URL wall;

    private ChromeDriver browser;
    private MapPage page;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        page = new MapPage(browser, "gridWall"); // no map on the admin page: its helpers read the DOM
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theAdminPageIsServedAtItsAddressUnderThePagesPolicyAndNotKeptStale() {
        for (String address : List.of("/admin", "/admin/")) {
            given().get(address).then().statusCode(200).contentType(containsString("text/html")).body(containsString("用户与令牌"))
                    .header("Content-Security-Policy", containsString("default-src 'self'"));
        }
        given().get("/admin").then().header("Cache-Control", "no-cache");
    }

    @Test
    void anAdminListsMakesDisablesEnablesAndUnlocksAUser() {
        var me = openAsNewAdmin();
        assertThat(page.text("#users tbody")).contains("admin", me.username());
        assertThat(browser.findElements(By.cssSelector(row(me.username()) + " [data-action=disable]")))
                .as("an administrator cannot disable itself here").isEmpty();

        // A new GIS user, typed in and sent with Enter.
        String username = "p-gis-" + NEXT.incrementAndGet() + "-" + RestAssured.port;
        type("#new-user [name=username]", username);
        type("#new-user [name=displayName]", "李测绘");
        new Select(browser.findElement(By.cssSelector("#new-user [name=role]"))).selectByValue("gis");
        assertThat(page.displayed("#new-user [name=grid]")).as("only an officer has a grid").isFalse();
        type("#new-user [name=password]", TestUsers.PASSWORD + Keys.ENTER);
        page.await(() -> page.displayed(row(username)), "the new user in the table");
        assertThat(page.text("#new-user-message")).contains("已新建用户 " + username);
        assertThat(page.text(row(username))).contains("李测绘", "地理信息", "启用");
        assertThat(user(username)).containsEntry("role", "gis").containsEntry("enabled", true);
        TestUsers.signIn(username, TestUsers.PASSWORD);

        // Disabled after a confirmation; the keyboard stays on the row, on the button that undoes it.
        browser.findElement(By.cssSelector(row(username) + " [data-action=disable]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).contains("停用用户 " + username, "令牌永久撤销");
        browser.switchTo().alert().accept();
        page.await(() -> "false".equals(page.attribute(row(username), "data-enabled")), "the user shown disabled");
        assertThat(page.text(row(username))).contains("已停用");
        assertThat(user(username)).containsEntry("enabled", false);
        assertThat(activeElement("data-action")).isEqualTo("enable");
        assertThat(activeElement("data-user")).isEqualTo(username);

        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        page.await(() -> "true".equals(page.attribute(row(username), "data-enabled")), "the user shown enabled again");
        assertThat(user(username)).containsEntry("enabled", true);

        // Five failed sign-ins lock it; the page shows the lock and unlocks it.
        for (int i = 0; i < 5; i++) {
            TestUsers.anonymous().contentType("application/json").body(Map.of("username", username, "password", "wrong-pass-" + i))
                    .post("/api/session").then().statusCode(401);
        }
        signInAnswer(username).then().statusCode(429);
        browser.findElement(By.id("reload")).click();
        page.await(() -> "true".equals(page.attribute(row(username), "data-locked")), "the lock shown");
        assertThat(page.text(row(username))).contains("锁定至");
        HeadlessChromium.screenshot(browser, "admin-users");
        browser.findElement(By.cssSelector(row(username) + " [data-action=unlock]")).click();
        page.await(() -> "false".equals(page.attribute(row(username), "data-locked")), "the lock gone");
        assertThat(page.text("#message")).contains("已解锁 " + username);
        signInAnswer(username).then().statusCode(200);
    }

    @Test
    void aDisplayTokenIsShownOnceAsTheWallsLinkAndItsQrCodeAndThatLinkEnrolsTheWall() throws IOException {
        var me = openAsNewAdmin();
        String username = "p-wall-" + NEXT.incrementAndGet() + "-" + RestAssured.port;
        type("#new-user [name=username]", username);
        type("#new-user [name=displayName]", "指挥中心大屏");
        new Select(browser.findElement(By.cssSelector("#new-user [name=role]"))).selectByValue("wall");
        assertThat(page.displayed("#new-user [name=password]")).as("a wall has no password").isFalse();
        browser.findElement(By.id("new-user-submit")).click();

        // The new wall's tokens open by themselves, the keyboard in the label.
        page.await(() -> username.equals(page.attribute("#tokens-panel", "data-user")) && page.displayed("#tokens-panel"), "the wall's tokens");
        assertThat(page.text("#new-token-submit")).contains("生成大屏令牌");
        assertThat(activeElement("name")).isEqualTo("label");
        browser.switchTo().activeElement().sendKeys("一号大屏");
        type("#new-token [name=days]", "30" + Keys.ENTER);

        page.await(() -> browser.findElement(By.id("secret-dialog")).getAttribute("open") != null, "the one-time dialog");
        String link = page.attribute("#secret-link", "value");
        assertThat(link).startsWith(wall + "#token=");
        String token = link.substring(link.indexOf("#token=") + "#token=".length());
        assertThat(decodedQrCode()).as("the QR code says the link").isEqualTo(link);
        assertThat(page.text("#secret-body")).contains("一号大屏", "有效至");
        HeadlessChromium.screenshot(browser, "admin-display-token");

        // Closed with Esc: the secret leaves the page; the list keeps its label and expiry only.
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        page.await(() -> browser.findElement(By.id("secret-dialog")).getAttribute("open") == null, "the dialog closed");
        assertThat(browser.getPageSource()).doesNotContain(token);
        assertThat(page.text("#tokens tbody")).contains("一号大屏", "令牌", "有效");
        List<Map<String, Object>> tokens = given().get("/api/users/{u}/tokens", username).then().statusCode(200).extract().path("");
        assertThat(tokens).singleElement().satisfies(t -> assertThat(t).containsEntry("label", "一号大屏").containsKey("expiresAt"));
        assertThat(tokens.get(0).get("expiresAt")).isNotNull();

        // The link, opened on a browser nobody signed in: the wall enrols and goes live.
        browser.manage().deleteAllCookies();
        browser.get(link);
        page.await(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.gridWall && gridWall.live.state === 'live')")),
                "the wall enrolled and live");
        assertThat(page.displayed("#unregistered")).isFalse();
        assertThat(browser.getCurrentUrl()).doesNotContain(token);
        HeadlessChromium.screenshot(browser, "admin-wall-enrolled");

        // Back on the admin page: the token shows its use, and revoking it there ends the wall's access.
        HeadlessChromium.signIn(browser, admin, me.cookie());
        browser.get(admin.toString());
        page.await(() -> "ready".equals(page.attribute("body", "data-state")), "the admin page ready");
        browser.findElement(By.cssSelector(row(username) + " [data-action=tokens]")).click();
        page.await(() -> page.displayed("#tokens tbody tr[data-state=live]"), "the wall's live token");
        assertThat(page.text("#tokens tbody tr[data-state=live] td:nth-child(5)")).as("last used").isNotEqualTo("–");
        browser.findElement(By.cssSelector("#tokens tbody tr[data-state=live] [data-action=revoke]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        page.await(() -> page.displayed("#tokens tbody tr[data-state=revoked]"), "the token shown revoked");
        assertThat(page.text("#tokens tbody tr[data-state=revoked]")).contains("一号大屏", "已撤销");
        TestUsers.anonymous().contentType("application/json").body(Map.of("token", token)).post("/api/session/display")
                .then().statusCode(401);
    }

    @Test
    void anyoneButAnAdministratorIsToldInThePageThatItIsForAdmins() {
        var officer = TestUsers.user("officer", county.first(GridLevel.COUNTY), null);
        HeadlessChromium.signIn(browser, admin, officer.cookie());
        browser.get(admin.toString());
        page.await(() -> "refused".equals(page.attribute("body", "data-state")), "the page refusing");
        assertThat(page.displayed("#refused")).isTrue();
        assertThat(page.attribute("#refused", "role")).isEqualTo("alert");
        assertThat(page.text("#refused")).contains("仅限管理员", "值班员", "不是管理员");
        assertThat(page.displayed("#admin")).isFalse();
        assertThat(page.text("#users tbody")).isEmpty();
        HeadlessChromium.screenshot(browser, "admin-refused");
    }

    @Test
    void theHomePageLinksTheAdminPageForAdministratorsOnly() {
        browser.get(home.toString());
        page.await(() -> "up".equals(page.attribute("#status", "data-state")), "the home page ready");
        assertThat(browser.findElements(By.id("admin-link"))).as("nobody signed in").isEmpty();

        var officer = TestUsers.user("officer", county.first(GridLevel.COUNTY), null);
        HeadlessChromium.signIn(browser, home, officer.cookie());
        browser.get(home.toString());
        page.await(() -> "up".equals(page.attribute("#status", "data-state")), "the home page ready");
        assertThat(browser.findElements(By.id("admin-link"))).as("an officer").isEmpty();

        var me = TestUsers.user("admin", null, null);
        HeadlessChromium.signIn(browser, home, me.cookie());
        browser.get(home.toString());
        page.await(() -> page.displayed("#admin-link"), "the admin page's link");
        browser.findElement(By.id("admin-link")).click();
        page.await(() -> "ready".equals(page.attribute("body", "data-state")), "the admin page");
        assertThat(browser.getCurrentUrl()).isEqualTo(admin.toString());
    }

    // --- helpers ---

    private TestUsers.Session openAsNewAdmin() {
        var me = TestUsers.user("admin", null, null);
        HeadlessChromium.signIn(browser, admin, me.cookie());
        browser.get(admin.toString());
        page.await(() -> "ready".equals(page.attribute("body", "data-state")), "the admin page ready");
        return me;
    }

    /** The QR code in the one-time dialog, read back from its pixels by jsQR. */
    private String decodedQrCode() throws IOException {
        String jsQr = Files.readString(Path.of("map-ui", "node_modules", "jsqr", "dist", "jsQR.js"));
        browser.executeScript("(function () {" + jsQr + "\n}).call(window);");
        return (String) browser.executeScript("""
                const canvas = document.getElementById('secret-qr');
                const image = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
                const found = jsQR(image.data, image.width, image.height);
                return found && found.data;""");
    }

    private static io.restassured.response.Response signInAnswer(String username) {
        return TestUsers.anonymous().contentType("application/json").body(Map.of("username", username, "password", TestUsers.PASSWORD))
                .post("/api/session");
    }

    private static Map<String, Object> user(String username) {
        List<Map<String, Object>> users = given().get("/api/users").then().statusCode(200).extract().path("");
        return users.stream().filter(u -> username.equals(u.get("username"))).findFirst().orElseThrow();
    }

    private static String row(String username) {
        return "#users tr[data-user='" + username + "']";
    }

    private String activeElement(String attribute) {
        return browser.switchTo().activeElement().getAttribute(attribute);
    }

    private void type(String css, CharSequence text) {
        WebElement input = browser.findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(text);
    }
}
