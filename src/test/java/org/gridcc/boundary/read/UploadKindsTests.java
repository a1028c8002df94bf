package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an upload's first bytes decide its format, and GeoJSON's optional members, on small hand-written files. */
class UploadKindsTests {

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[104.30,24.90],[104.31,24.90],[104.31,24.91],[104.30,24.91],[104.30,24.90]]]}";

    @TempDir Path dir;
    @TempDir Path tempRoot;

    @Test
    void jsonMayStartWithAByteOrderMarkAndWhiteSpace() throws Exception {
        Path file = write("bom.geojson", "\uFEFF \n\t{\"type\":\"Feature\",\"properties\":{\"名称\":\"板桥镇第一网格\"},\"geometry\":" + SQUARE + "}");
        SourceFile read = Fixtures.read(file, ReadOptions.none(), tempRoot);
        assertThat(read.format()).isEqualTo("geojson");
        assertThat(read.features()).singleElement().satisfies(feature -> assertThat(feature.attributes()).containsEntry("名称", "板桥镇第一网格"));
    }

    @Test
    void aJsonArrayIsJsonButNotAFeatureCollection() throws Exception {
        assertThat(refusal(write("array.geojson", "[{\"type\":\"Feature\"}]"))).contains("array.geojson is a JSON array");
        assertThat(refusal(write("point.geojson", "{\"type\":\"Point\",\"coordinates\":[104.3,24.9]}"))).contains("is GeoJSON of type \"Point\"");
    }

    /** Exactly the 16 bytes "SQLite format 3\0": an SQLite header with nothing after it is tried as a GeoPackage. */
    @Test
    void theSqliteHeaderAloneIsTakenForAGeoPackage() throws Exception {
        Path file = Files.write(dir.resolve("bare.gpkg"), "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
        assertThat(refusal(file)).contains("bare.gpkg is an SQLite file but not a readable GeoPackage");
        Path shorter = Files.write(dir.resolve("short.gpkg"), "SQLite format".getBytes(StandardCharsets.US_ASCII));
        assertThat(refusal(shorter)).contains("is neither a zip");
    }

    @Test
    void anUnwritableTemporaryFolderIsRefusedAsUnreadable() throws Exception {
        Path file = write("grids.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}");
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> BoundaryFiles.read(file, "grids.geojson", ReadOptions.none(),
                Fixtures.LIMITS, (done, total) -> { }, tempRoot.resolve("missing")));
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).startsWith("grids.geojson cannot be read (");
    }

    @Test
    void anEmptyCollectionIsReadAndReported() throws Exception {
        SourceFile read = Fixtures.read(write("empty.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}"), ReadOptions.none(), tempRoot);
        assertThat(read.features()).isEmpty();
        assertThat(read.fields()).isEmpty();
    }

    @Test
    void geometryAndPropertiesMayBeAbsentOrNull() throws Exception {
        Path file = write("bare.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"编码":"1","名称":null,"人口":1234,"面积":12.50,"标签":{"a":1},"有":true}},
                {"type":"Feature","properties":null,"geometry":null}]}
                """);
        SourceFile read = Fixtures.read(file, ReadOptions.none(), tempRoot);
        assertThat(read.features()).extracting(SourceFeature::geometry).containsExactly(null, null);
        assertThat(read.features().get(0).attributes()).containsExactly(
                java.util.Map.entry("编码", "1"), java.util.Map.entry("人口", "1234"), java.util.Map.entry("面积", "12.5"),
                java.util.Map.entry("标签", "{\"a\":1}"), java.util.Map.entry("有", "true"));
        assertThat(read.features().get(1).attributes()).isEmpty();
        assertThat(read.fields()).containsExactly("编码", "人口", "面积", "标签", "有");
    }

    @Test
    void theOldCrsMemberByNameByCodeOrNull() throws Exception {
        String feature = "\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "}]";
        assertThat(read("{\"type\":\"FeatureCollection\",\"crs\":null," + feature + "}").crs()).startsWith("EPSG:4326");
        assertThat(read("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},"
                + feature + "}").crs()).contains("WGS 84");
        assertThat(read("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"EPSG\",\"properties\":{\"code\":4490}}," + feature + "}").crs())
                .startsWith("EPSG:4490 ");
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> read(
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":null}}," + feature + "}"));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("crs");
            assertThat(error.message()).contains("names no CRS");
        });
    }

    @Test
    void anUnreadableGeometryNamesItsFeature() throws Exception {
        Path file = write("bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE
                + "},{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\"none\"}}]}");
        assertThat(refusal(file)).contains("feature 2 of bad.geojson has a geometry that cannot be read");
    }

    private SourceFile read(String json) throws Exception {
        return Fixtures.read(write("crs" + System.nanoTime() + ".geojson", json), ReadOptions.none(), tempRoot);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String refusal(Path file) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(file, ReadOptions.none(), tempRoot));
        assertThat(refused).as("refusal of " + file.getFileName()).isNotNull();
        return refused.getMessage();
    }
}
