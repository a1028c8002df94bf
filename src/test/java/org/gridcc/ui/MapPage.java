package org.gridcc.ui;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.chrome.ChromeDriver;

/** A map page open in the test browser, reached through the object its script puts on window (gridWall, gridDesk). */
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
}
