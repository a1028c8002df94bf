package org.gridcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The map-ui is built into the service and served at /; it shows whether the service is ready. */
@QuarkusTest
class HomePageIT {

    @TestHTTPResource("/")
    URL home;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theHomePageShowsTheServiceReadyWithItsPostgisVersion() {
        browser.get(home.toString());

        WebElement status = browser.findElement(By.id("status"));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.attributeToBe(status, "data-state", "up"));
        assertThat(browser.getTitle()).contains("网格化治理指挥中心");
        assertThat(status.getText()).startsWith("服务正常").containsPattern("PostGIS 3\\.\\d+");
    }
}
