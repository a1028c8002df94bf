package org.gridcc.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.util.GeometricShapeFactory;

class IndexedGridTests {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static Geometry circle(int points) {
        var shape = new GeometricShapeFactory(FACTORY);
        shape.setCentre(new Coordinate(104, 25));
        shape.setSize(0.02);
        shape.setNumPoints(points);
        return shape.createCircle();
    }

    @Test
    void aSmallGridIsScannedAndOnlyALongOutlineGetsAnIndexOfItsEdges() {
        // A base grid of 7 points (the demo county's average) holds no index after it was tested: at four times the
        // county, an index per grid came to about 100 MB once a publish had tested every grid.
        IndexedGrid base = IndexedGrid.of(1, "530324100001001001", GridLevel.BASE, "530324100001001", "一号网格", circle(7));
        IndexedGrid county = IndexedGrid.of(2, "530324", GridLevel.COUNTY, null, "罗平县", circle(1900));
        assertThat(base.area()).isInstanceOf(SimplePointInAreaLocator.class);
        assertThat(county.area()).isInstanceOf(IndexedPointInAreaLocator.class);
        assertThat(IndexedGrid.of(3, "530324100", GridLevel.TOWNSHIP, "530324", "镇", circle(40)).area())
                .isInstanceOf(SimplePointInAreaLocator.class);
    }

    @Test
    void aPointOnTheEdgeIsCoveredAsInsideAndOneOutsideIsNotWhicheverTheTest() {
        for (int points : new int[] {7, 1900}) {
            Geometry shape = circle(points);
            IndexedGrid grid = IndexedGrid.of(1, "530324", GridLevel.COUNTY, null, "罗平县", shape);
            assertThat(grid.covers(new Coordinate(104, 25))).as("centre, %d points", points).isTrue();
            assertThat(grid.covers(shape.getCoordinates()[0])).as("a vertex, %d points", points).isTrue();
            assertThat(grid.covers(new Coordinate(104.05, 25))).as("outside, %d points", points).isFalse();
        }
    }
}
