package org.gridcc.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The worker's page at a phone's size (390x844) in Chromium: a round with a finding recorded and the
 * finding taken in as a case (立案), the day's patrol report filed, a refusal shown naming its field.
 * Screenshots go to target/screenshots/worker-*.png.
 */
@QuarkusTest
class WorkerPageIT {

    @Inject
    DemoCounty county;

    @TestHTTPResource("/worker")
    URL page;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theWorkerPageIsServedAtItsAddress() {
        given().get("/worker").then().statusCode(200).header("Cache-Control", "no-cache").body(containsString("网格员工作台"));
    }

    @Test
    void aWorkerRecordsARoundTakesItsFindingInAndFilesTheDaysReportOnAPhone() {
        String grid = county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ?", county.one(
                "SELECT max(code) FROM grid WHERE level = 'village'") + "%");
        var worker = TestUsers.user("worker", grid, null);
        HeadlessChromium.signIn(browser, page, worker.cookie());
        browser.get(page.toString());
        await(() -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-ready")), "the page ready");
        assertThat(browser.findElement(By.id("round-grid")).getAttribute("value")).isEqualTo(grid);
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("nothing wider than the phone").isLessThanOrEqualTo(390);

        type("round-notes", "入户走访 12 户");
        type("round-finding-title", "楼道堆放杂物");
        new Select(browser.findElement(By.id("round-finding-category"))).selectByValue("urban_management");
        click("round-submit");
        await(() -> "ok".equals(browser.findElement(By.id("message")).getAttribute("data-kind")), "the round recorded");
        assertThat(text("#message")).contains("排查已记录");
        await(() -> !browser.findElements(By.cssSelector("#my-records .take-in")).isEmpty(), "the finding in my records");
        HeadlessChromium.screenshot(browser, "worker-round");

        browser.findElement(By.cssSelector("#my-records .take-in")).click();
        await(() -> text("#message").startsWith("已立案"), "the finding taken in");
        String code = text("#message").substring("已立案：".length());
        assertThat(county.count("SELECT count(*) FROM finding f JOIN \"case\" c ON c.id = f.case_id WHERE c.code = ? AND c.channel = 'grid_worker'",
                code)).isEqualTo(1);

        type("patrol-studied", "《信访工作条例》");
        type("patrol-observed", "察看河道");
        click("patrol-submit");
        await(() -> text("#message").contains("今日巡察报告已提交"), "the report filed");
        // A second report of the day: the refusal in the page, fields kept for a correction.
        type("patrol-studied", "再学一次");
        type("patrol-observed", "再察一次");
        click("patrol-submit");
        await(() -> "error".equals(browser.findElement(By.id("message")).getAttribute("data-kind")), "the second report refused");
        assertThat(browser.findElement(By.id("message")).getAttribute("data-status")).isEqualTo("409");
        HeadlessChromium.screenshot(browser, "worker-refused");
    }

    private void type(String id, String text) {
        var input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void click(String id) {
        var button = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void await(java.util.function.BooleanSupplier condition, String what) {
        HeadlessChromium.await(browser, condition, what);
    }
}
