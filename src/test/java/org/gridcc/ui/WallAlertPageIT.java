package org.gridcc.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.cases.TestCases.post;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.gridcc.live.GroupAlertIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A group-event warning on the wall (in Chromium, with the alert rule on as in GroupAlertIT): a
 * banner naming the village and a mark on it, kept however many events follow and across a
 * reload, until an officer acknowledges it. Screenshots in target/screenshots/.
 */
@QuarkusTest
@TestProfile(GroupAlertIT.AlertsOn.class)
class WallAlertPageIT {

    @Inject
    DemoCounty county;

    @TestHTTPResource("/wall")
    URL wall;

    @TestHTTPResource("/desk")
    URL desk;

    private ChromeDriver browser;
    private MapPage page;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        page = new MapPage(browser, "gridWall");
        browser.manage().window().setSize(new Dimension(1920, 1080));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        HeadlessChromium.signIn(browser, wall, TestUsers.tokenUser("wall").token());
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aWarningStaysAsABannerAndAMarkOnItsVillageUntilAcknowledged() {
        String village = county.one("SELECT code FROM grid WHERE level = 'village' ORDER BY code DESC OFFSET 70 LIMIT 1");
        String base = county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%'", village);
        var names = given().get("/api/grids/" + village).then().statusCode(200).extract().jsonPath();
        show();
        for (int i = 0; i < 5; i++) post(county.pointIn(base), "public_order", null);
        String banner = "#alerts li[data-village='" + village + "']";
        page.await(() -> page.displayed(banner), "the warning's banner");
        assertThat(page.text(banner)).contains("群体性事件苗头", names.getString("name"), names.getString("parent.name"), "5 件");
        page.await(() -> page.displayed(".alert-mark[data-village='" + village + "']"), "the mark on the village");
        page.idle();
        page.screenshot("wall-group-alert");

        // More than a ticker's worth of events later, it is still there; and after a reload (a new snapshot).
        // (One case in each of 31 other villages: no other cluster.)
        List<String> elsewhere = county.list("SELECT min(code) FROM grid WHERE level = 'base' AND code NOT LIKE ? || '%'"
                + " GROUP BY substr(code, 1, 12) ORDER BY 1 LIMIT 31", village);
        String last = null;
        for (String other : elsewhere) last = post(county.pointIn(other), "consultation", null);
        String lastCase = last;
        page.await(() -> !browser.findElements(By.cssSelector("#events li[data-case='" + lastCase + "']")).isEmpty(), "31 more events");
        assertThat(browser.findElements(By.cssSelector("#events li[data-type=GROUP_ALERT][data-grid^='" + village + "']")))
                .as("the warning's ticker line, scrolled away").isEmpty();
        assertThat(page.displayed(banner)).isTrue();
        show();
        page.await(() -> page.displayed(banner), "the banner after a reload");
        assertThat(page.displayed(".alert-mark[data-village='" + village + "']")).isTrue();

        // Acknowledged on the desk (by its API): gone from the wall, live.
        List<Map<String, Object>> open = given().get("/api/group-alerts").then().statusCode(200).extract().jsonPath().getList("");
        Object id = open.stream().filter(a -> village.equals(a.get("village"))).findFirst().orElseThrow().get("id");
        TestUsers.user("officer", village.substring(0, 9), null).given().post("/api/group-alerts/" + id + "/acknowledge").then().statusCode(200);
        page.await(() -> !page.displayed(banner), "the banner gone");
        assertThat(browser.findElements(By.cssSelector(".alert-mark[data-village='" + village + "']"))).isEmpty();
        page.screenshot("wall-group-alert-acknowledged");
    }

    @Test
    void theDeskListsAWarningWithItsCasesLinksThemFromTheHistoryAndAcknowledgesIt() {
        String village = county.one("SELECT code FROM grid WHERE level = 'village' ORDER BY code DESC OFFSET 90 LIMIT 1");
        String base = county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%'", village);
        List<String> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) cases.add(post(county.pointIn(base), "public_order", null));
        var officer = TestUsers.user("officer", village.substring(0, 9), null);
        HeadlessChromium.signIn(browser, desk, officer.cookie());
        browser.get(desk.toString());
        String item = "#group-alerts li[data-alert]";
        page.await(() -> !browser.findElements(By.cssSelector(item)).isEmpty(), "the open warning on the desk");
        assertThat(page.text(item)).contains("5 件");
        assertThat(browser.findElements(By.cssSelector(item + " a")).stream().map(a -> a.getText()).toList())
                .as("links to the cluster's cases").containsExactlyInAnyOrderElementsOf(cases);

        // The case that completed the cluster: its GROUP_ALERT line counts and links the cases.
        browser.findElement(By.xpath("//section[@id='group-alerts']//a[text()='" + cases.get(4) + "']")).click();
        String line = "#history li[data-type=GROUP_ALERT]";
        page.await(() -> !browser.findElements(By.cssSelector(line)).isEmpty(), "the warning in the case's history");
        assertThat(browser.findElements(By.cssSelector(line + " a"))).hasSize(5);
        page.screenshot("desk-group-alert");

        browser.findElement(By.cssSelector(item + " button.acknowledge")).click();
        page.await(() -> browser.findElements(By.cssSelector(item)).isEmpty(), "the warning acknowledged");
        assertThat(given().get("/api/group-alerts").then().statusCode(200).extract().jsonPath().getList("village")).doesNotContain(village);
    }

    private void show() {
        browser.get(wall.toString());
        page.await(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.gridWall && gridWall.live.state === 'live')")),
                "the wall to be live");
        page.idle();
    }
}
