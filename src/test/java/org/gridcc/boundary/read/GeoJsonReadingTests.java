package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void malformedJsonIsRefusedWithLineAndColumn() throws Exception {
        Path geojson = dir.resolve("broken.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",,]}");

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(geojson, ReadOptions.none(), tempRoot));

        assertThat(refused.getMessage()).contains("broken.geojson").contains("line 2");
        assertThat(refused.errors()).extracting(e -> e.field()).containsExactly("file");
    }
}
