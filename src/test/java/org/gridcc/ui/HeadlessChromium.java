package org.gridcc.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver (installed by ./test). The drivers are
 * named explicitly so that Selenium never tries to download a browser of its own.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    public static ChromeDriver start() {
        var options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=zh-CN",
                // WebGL for the map pages without a GPU: Chromium's software renderer (SwiftShader).
                "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                "--user-data-dir=" + freshProfile());
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String freshProfile() {
        try {
            File dir = Files.createTempDirectory("gridcc-chromium").toFile();
            dir.deleteOnExit();
            return dir.getAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a Chromium profile folder", e);
        }
    }
}
