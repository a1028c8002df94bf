package org.gridcc.ui;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;

/** A map page open in the test browser, reached through the object its script puts on window (gridWall, gridDesk, gridGis). */
final class MapPage {

    private final ChromeDriver browser;
    private final String global;

    MapPage(ChromeDriver browser, String global) {
        this.browser = browser;
        this.global = global;
    }

    @SuppressWarnings("unchecked")
    <T> T js(String script, Object... args) {
        return (T) browser.executeScript(script, args);
    }

    long number(String script, Object... args) {
        return ((Number) browser.executeScript(script, args)).longValue();
    }

    /** The live state the map holds for a grid (MapLibre feature-state, keyed by grid code). */
    Map<String, Object> featureState(String code) {
        return js("return %1$s.map.getFeatureState({source: 'grids', sourceLayer: %1$s.layerOf(arguments[0]), id: arguments[0]})"
                .formatted(global), code);
    }

    void await(BooleanSupplier condition, String what) {
        HeadlessChromium.await(browser, condition, what);
    }

    BufferedImage screenshot(String name) {
        return HeadlessChromium.screenshot(browser, name);
    }

    /** Waits until the map has drawn everything it was asked to. */
    void idle() {
        browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                %1$s.map.once('idle', () => done(true));
                %1$s.map.triggerRepaint();""".formatted(global));
    }

    /** The text of the first element matching, "" when there is none. */
    String text(String css) {
        return fresh(() -> {
            var found = browser.findElements(By.cssSelector(css));
            return found.isEmpty() ? "" : found.get(0).getText();
        });
    }

    /** An attribute of the first element matching, null when there is none. */
    String attribute(String css, String name) {
        return fresh(() -> {
            var found = browser.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0).getAttribute(name);
        });
    }

    boolean displayed(String css) {
        return fresh(() -> {
            var found = browser.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).isDisplayed();
        });
    }

    /** Reads the page again when it redrew the element (a live event) between finding and reading it. */
    private static <T> T fresh(Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) throw e;
            }
        }
    }
}
