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

    /**
     * Signs the browser in with a session's cookie (or a wall's token, which is its cookie too), as
     * the service would have set it. A browser takes cookies only for the site it is on, so the
     * sign-in page (nothing else loads there) is opened first; the caller then opens its page.
     */
    public static void signIn(ChromeDriver browser, java.net.URL service, String cookie) {
        browser.get(service.getProtocol() + "://" + service.getAuthority() + "/login");
        browser.manage().addCookie(new org.openqa.selenium.Cookie.Builder(org.gridcc.access.TokenMechanism.SESSION_COOKIE, cookie)
                .path("/").isHttpOnly(true).sameSite("Strict").build());
    }

    /** Waits for a condition on a page; elements redrawn meanwhile (live panels) are simply looked up again. */
    public static void await(ChromeDriver browser, java.util.function.BooleanSupplier condition, String what) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(40)).withMessage("waiting for " + what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    /** Saves what the browser shows as target/screenshots/{name}.png (a test artefact) and returns it. */
    public static java.awt.image.BufferedImage screenshot(ChromeDriver browser, String name) {
        byte[] png = browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        try {
            java.nio.file.Path folder = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.write(folder.resolve(name + ".png"), png);
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
