package org.gridcc.grid.demo;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

class GridLabelsTests {

    @Test
    void aCityOfTwoHundredFortyTownshipsFillsTheSerialsOfStreetsAndTownsAndTheRestAreRuralTownships() {
        // 16 times Luoping (./bench scale) has 208; by the county's shares that would be 40 streets and 130 towns.
        GridNode county = new GridNode(GridLevel.COUNTY, null, new Coordinate(0, 0), DemoGeometry.FACTORY.toGeometry(new Envelope(0, 240, 0, 1)));
        for (int i = 0; i < 240; i++) {
            var township = new GridNode(GridLevel.TOWNSHIP, county, new Coordinate(i + 0.5, 0.5),
                    DemoGeometry.FACTORY.toGeometry(new Envelope(i, i + 1, 0, 1)));
            var village = new GridNode(GridLevel.VILLAGE, township, new Coordinate(i + 0.5, 0.5), township.shape);
            // Denser to the west: the densest become streets.
            for (int h = 0; h < 240 - i; h++) village.households.add(new Coordinate(i + 0.5, 0.5));
        }

        new GridLabels(new Random(1)).labelGeographic(county, "530324", "罗平县");

        Map<String, Long> kinds = county.children.stream().collect(groupingBy(t -> t.kind, counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("街道", 40L, "镇", 100L, "乡", 100L));
        assertThat(county.children).allSatisfy(t -> {
            int serial = Integer.parseInt(t.code.substring(6));
            switch (t.kind) {
                case "街道" -> assertThat(serial).isBetween(1, 99);
                case "镇" -> assertThat(serial).isBetween(100, 199);
                default -> assertThat(serial).isBetween(200, 399);
            }
        });
        assertThat(county.children.stream().map(t -> t.code).distinct()).hasSize(240);
    }
}
