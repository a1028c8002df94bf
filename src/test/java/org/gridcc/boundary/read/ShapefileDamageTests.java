package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapefiles damaged one part at a time. GDAL makes the Shapefile once; each test changes a
 * copy. Offsets are read from the .shx by hand (ESRI Shapefile Technical Description: the .shx
 * has a 100-byte header, then per record the offset and content length in 16-bit words,
 * big-endian; a .shp record is an 8-byte header plus its content).
 */
class ShapefileDamageTests {

    @TempDir static Path made;
    private static Path original;

    @TempDir Path dir;
    @TempDir Path tempRoot;
    private Path shp;

    @BeforeAll
    static void makeShapefile() throws Exception {
        original = Fixtures.shapefile(made, "grids", "EPSG:4544", "ENCODING=CP936");
    }

    @BeforeEach
    void copy() throws Exception {
        shp = Files.createDirectory(dir.resolve("grids-shp"));
        try (var files = Files.list(original)) {
            for (Path file : files.toList()) Files.copy(file, shp.resolve(file.getFileName()));
        }
    }

    @Test
    void aBlankPrjIsNoPrj() throws Exception {
        Files.writeString(shp.resolve("grids.prj"), " \n");
        assertThat(refusal("crs")).contains("does not say its CRS (no .prj)").contains("look projected");
    }

    @Test
    void companionsMustSitBesideTheShp() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a/grids.shp", Files.readAllBytes(shp.resolve("grids.shp")));
        entries.put("a/grids.shx", Files.readAllBytes(shp.resolve("grids.shx")));
        entries.put("grids.dbf", Files.readAllBytes(shp.resolve("grids.dbf")));
        Path zip = Fixtures.zip(dir.resolve("apart.zip"), entries);
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(zip, ReadOptions.none(), tempRoot));
        assertThat(refused.errors()).singleElement().satisfies(error -> assertThat(error.message()).contains("has a/grids.shp but no grids.dbf"));
    }

    @Test
    void noShpAtAll() throws Exception {
        Files.delete(shp.resolve("grids.shp"));
        assertThat(refusal("file")).contains("holds no .shp file (it has grids.cpg, grids.dbf, grids.prj, grids.shx)");
    }

    @Test
    void aDbfOfAnotherLayer() throws Exception {
        Path four = Files.createDirectory(dir.resolve("four"));
        Fixtures.ogr2ogr("-f", "ESRI Shapefile", "-limit", "4", four.resolve("four.shp").toString(), Fixtures.grids(dir).toString());
        Files.copy(four.resolve("four.dbf"), shp.resolve("grids.dbf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(refusal("file")).contains("grids.dbf has 4 records but grids.shx indexes 5 shapes");
    }

    @Test
    void aShpLongerThanItsHeaderSays() throws Exception {
        Path file = shp.resolve("grids.shp");
        byte[] whole = Files.readAllBytes(file);
        int declared = ByteBuffer.wrap(whole).getInt(24) * 2;
        assertThat(declared).isEqualTo(whole.length); // GDAL's header is right
        Files.write(file, Arrays.copyOf(whole, whole.length + 8));
        assertThat(refusal("file")).contains("grids.shp is " + (whole.length + 8) + " bytes but its header says " + declared);
    }

    @Test
    void aShxCutShort() throws Exception {
        Path file = shp.resolve("grids.shx");
        byte[] whole = Files.readAllBytes(file);
        assertThat(whole.length).isEqualTo(100 + 8 * 5);
        Files.write(file, Arrays.copyOf(whole, whole.length - 8));
        assertThat(refusal("file")).contains("grids.shx is not a valid .shx (shorter than its header says)");
    }

    @Test
    void aDbfCutShortAndOneWithoutItsEndMarker() throws Exception {
        Path file = shp.resolve("grids.dbf");
        byte[] whole = Files.readAllBytes(file);
        assertThat(whole[whole.length - 1]).isEqualTo((byte) 0x1A); // dBASE end-of-file marker
        Files.write(file, Arrays.copyOf(whole, whole.length - 1)); // exactly header + records: fine
        assertThat(Fixtures.read(zip(), ReadOptions.none(), tempRoot).features()).hasSize(5);
        Files.write(file, Arrays.copyOf(whole, whole.length - 2));
        assertThat(refusal("file")).contains("grids.dbf is not a valid .dbf (shorter than its 5 records)");
    }

    @Test
    void aRecordCutOffWithTheHeaderAgreeing() throws Exception {
        Path file = shp.resolve("grids.shp");
        byte[] whole = Files.readAllBytes(file);
        ByteBuffer shx = ByteBuffer.wrap(Files.readAllBytes(shp.resolve("grids.shx")));
        int offset = shx.getInt(100 + 8 * 3) * 2; // record 4, the bow-tie
        int end = offset + 8 + shx.getInt(100 + 8 * 3 + 4) * 2;
        byte[] cut = Arrays.copyOf(whole, end - 2); // record 4 short by one word, record 5 gone
        ByteBuffer.wrap(cut).putInt(24, cut.length / 2);
        Files.write(file, cut);
        assertThat(refusal("file")).contains("record 4 of grids.shp lies outside the file (bytes " + offset + " to " + end + " of " + cut.length + ")");
    }

    @Test
    void anIndexPointingIntoTheHeader() throws Exception {
        Path file = shp.resolve("grids.shx");
        byte[] shx = Files.readAllBytes(file);
        ByteBuffer.wrap(shx).putInt(100, 10); // record 1 at word 10 = byte 20
        int end = 20 + 8 + ByteBuffer.wrap(shx).getInt(104) * 2;
        Files.write(file, shx);
        assertThat(refusal("file")).contains("record 1 of grids.shp lies outside the file (bytes 20 to " + end + " of ");
    }

    @Test
    void pointsAreNotGrids() throws Exception {
        Path points = Files.writeString(dir.resolve("points.geojson"), """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"编码":"1","名称":"点"},
                 "geometry":{"type":"Point","coordinates":[104.30,24.90]}}]}
                """);
        Path out = Files.createDirectory(dir.resolve("points"));
        Fixtures.ogr2ogr("-f", "ESRI Shapefile", out.resolve("points.shp").toString(), points.toString());
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> Fixtures.read(Fixtures.zip(out, dir.resolve("points.zip"), ""), ReadOptions.none(), tempRoot));
        assertThat(refused.getMessage()).contains("points.shp holds Point shapes; grid boundaries must be polygons");
    }

    @Test
    void anEmptyLayerIsReadAsNoFeatures() throws Exception {
        Path out = Files.createDirectory(dir.resolve("empty"));
        Fixtures.ogr2ogr("-f", "ESRI Shapefile", "-nlt", "POLYGON", "-where", "1=0", "-t_srs", "EPSG:4490",
                out.resolve("empty.shp").toString(), Fixtures.grids(dir).toString());
        SourceFile read = Fixtures.read(Fixtures.zip(out, dir.resolve("empty.zip"), ""), ReadOptions.none(), tempRoot);
        assertThat(read.features()).isEmpty();
        assertThat(read.crs()).startsWith("EPSG:4490");
    }

    @Test
    void emptyNumbersAreAbsentNotZero() throws Exception {
        SourceFile read = Fixtures.read(zip(), ReadOptions.none(), tempRoot);
        assertThat(read.features().get(2).attributes()).doesNotContainKeys("人口", "面积", "网格长").containsEntry("名称", "罗雄街道第一网格");
        assertThat(read.features()).extracting(SourceFeature::index).containsExactly(1, 2, 3, 4, 5);
    }

    private Path zip() throws Exception {
        return Fixtures.zip(shp, Files.createTempFile(dir, "grids", ".zip"), "");
    }

    private String refusal(String field) throws Exception {
        Path zip = zip();
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(zip, ReadOptions.none(), tempRoot));
        assertThat(refused).as("refusal").isNotNull();
        assertThat(refused.errors()).extracting(error -> error.field()).containsOnly(field);
        return refused.getMessage();
    }
}
