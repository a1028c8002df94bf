package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

class GeoJsonReadingTests {

    @TempDir Path dir;
    @TempDir Path tempRoot;

    @Test
    void rfc7946GeoJsonIsLongitudeLatitude() throws Exception {
        Path geojson = dir.resolve("rfc.geojson");
        Fixtures.ogr2ogr("-f", "GeoJSON", "-lco", "RFC7946=YES", geojson.toString(), Fixtures.grids(dir).toString());

        SourceFile file = Fixtures.read(geojson, ReadOptions.none(), tempRoot);

        assertThat(file.format()).isEqualTo("geojson");
        assertThat(file.crs()).startsWith("EPSG:4326");
        assertThat(file.fields()).containsExactly("编码", "名称", "上级编码", "网格长", "人口", "面积");
        assertThat(file.features().get(1).attributes()).containsEntry("人口", "530324101").doesNotContainKey("网格长");
        assertThat(file.features().get(0).geometry().getEnvelopeInternal().getMinX()).isEqualTo(104.30);
        assertThat(file.features().get(4).geometry()).isNull();
    }

    @Test
    void oldCrsMemberInAProjectedCrs() throws Exception {
        Path geojson = dir.resolve("old.geojson");
        Fixtures.ogr2ogr("-f", "GeoJSON", "-lco", "RFC7946=NO", "-t_srs", "EPSG:4523", geojson.toString(), Fixtures.grids(dir).toString());
        assertThat(Files.readString(geojson)).contains("\"crs\"").contains("4523");

        SourceFile file = Fixtures.read(geojson, ReadOptions.none(), tempRoot);

        assertThat(file.crs()).isEqualTo("EPSG:4523 CGCS2000 / 3-degree Gauss-Kruger zone 35");
        var first = file.features().get(0).geometry().getEnvelopeInternal();
        assertThat(first.getMinX()).isCloseTo(104.30, Offset.offset(1e-7));
        assertThat(first.getMaxY()).isCloseTo(24.91, Offset.offset(1e-7));
    }

    @Test
    void propertiesAsText() throws Exception {
        Path geojson = dir.resolve("props.geojson");
        Files.writeString(geojson, """
                {"type":"Feature","properties":{"编码":530324101001001,"名称":"板桥镇第一网格","面积":530324101.0,"标签":["a","b"],"空":null},
                 "geometry":{"type":"Polygon","coordinates":[[[104.30,24.90,1800],[104.31,24.90,1800],[104.31,24.91,1800],[104.30,24.90,1800]]]}}
                """);

        SourceFile file = Fixtures.read(geojson, ReadOptions.none(), tempRoot);

        assertThat(file.features().get(0).attributes())
                .containsEntry("编码", "530324101001001").containsEntry("面积", "530324101").containsEntry("标签", "[\"a\",\"b\"]")
                .doesNotContainKey("空");
        assertThat(file.features().get(0).geometry().getCoordinate().getZ()).isNaN();
    }

    /** Read as a stream, a file may still put its members in any order: the crs after the features, a geometry before its properties. */
    @Test
    void membersInAnyOrder() throws Exception {
        Path geojson = dir.resolve("order.geojson");
        Files.writeString(geojson, """
                {"features":[{"geometry":{"coordinates":[[[400000,2750000],[401000,2750000],[401000,2751000],[400000,2750000]]],"type":"Polygon"},
                  "type":"Feature","properties":{"编码":"530324101001001"}}],
                 "crs":{"type":"name","properties":{"name":"EPSG:4544"}},"type":"FeatureCollection"}
                """);

        SourceFile file = Fixtures.read(geojson, ReadOptions.none(), tempRoot);

        assertThat(file.crs()).startsWith("EPSG:4544");
        assertThat(file.features()).singleElement().satisfies(feature -> {
            assertThat(feature.attributes()).containsEntry("编码", "530324101001001");
            assertThat(feature.geometry().getEnvelopeInternal().getMinX()).isBetween(103.9, 104.1); // taken as EPSG:4544, not refused as not lon/lat
        });
    }

    /** Every GeoJSON geometry type comes out as JTS's own GeoJSON reader makes it, in x and y. */
    @Test
    void everyGeometryTypeAsJtsReadsIt() throws Exception {
        List<String> geometries = List.of(
                "{\"type\":\"Point\",\"coordinates\":[104.3,24.9,1800]}",
                "{\"type\":\"MultiPoint\",\"coordinates\":[[104.3,24.9],[104.31,24.91]]}",
                "{\"type\":\"LineString\",\"coordinates\":[[104.3,24.9],[104.31,24.91],[104.32,24.9]]}",
                "{\"type\":\"MultiLineString\",\"coordinates\":[[[104.3,24.9],[104.31,24.91]],[[104.32,24.9],[104.33,24.91]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[104.3,24.9],[104.4,24.9],[104.4,25.0],[104.3,25.0],[104.3,24.9]],"
                        + "[[104.32,24.92],[104.34,24.92],[104.34,24.94],[104.32,24.92]]]}",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[104.3,24.9],[104.31,24.9],[104.31,24.91],[104.3,24.9]]],"
                        + "[[[104.33,24.92],[104.34,24.92],[104.34,24.93],[104.33,24.92]]]]}",
                "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[104.3,24.9]},"
                        + "{\"type\":\"Polygon\",\"coordinates\":[[[104.3,24.9],[104.31,24.9],[104.31,24.91],[104.3,24.9]]]}]}",
                "{\"type\":\"Polygon\",\"coordinates\":[]}");
        Path geojson = dir.resolve("types.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":["
                + String.join(",", geometries.stream().map(g -> "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + g + "}").toList()) + "]}");

        SourceFile file = Fixtures.read(geojson, ReadOptions.none(), tempRoot);

        var jts = new GeoJsonReader();
        for (int i = 0; i < geometries.size(); i++) {
            Geometry expected = jts.read(geometries.get(i));
            Geometry read = file.features().get(i).geometry();
            assertThat(read.getGeometryType()).isEqualTo(expected.getGeometryType());
            assertThat(read.equalsExact(expected)).as(geometries.get(i) + " read as " + read).isTrue();
        }
    }

    @Test
    void coordinatesThatAreNotNumbersNameTheFeature() throws Exception {
        Path geojson = dir.resolve("letters.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[104.3,24.9]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[104.3,24.9],[\"东\",24.9]]}}]}");

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(geojson, ReadOptions.none(), tempRoot));

        assertThat(refused.getMessage()).startsWith("feature 2 of letters.geojson has a geometry that cannot be read").contains("line 1");
    }

    @Test
    void malformedJsonIsRefusedWithLineAndColumn() throws Exception {
        Path geojson = dir.resolve("broken.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",,]}");

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(geojson, ReadOptions.none(), tempRoot));

        assertThat(refused.getMessage()).contains("broken.geojson").contains("line 2");
        assertThat(refused.errors()).extracting(e -> e.field()).containsExactly("file");
    }
}
