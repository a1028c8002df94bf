package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridcc.boundary.read.Fixtures.options;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad upload is refused with its own message, naming the field to change, and leaves no temporary files. */
class BrokenUploadTests {

    @TempDir Path dir;
    @TempDir Path tempRoot;
    private Path shp;

    @BeforeEach
    void makeShapefile() throws Exception {
        shp = Fixtures.shapefile(dir, "grids", "EPSG:4544", "ENCODING=CP936");
    }

    @Test
    void notAZipGeoPackageOrGeoJson() throws Exception {
        assertRefused(Files.writeString(dir.resolve("notes.txt"), "网格边界见附件"), ReadOptions.none(), "file", "neither a zip");
    }

    @Test
    void corruptZip() throws Exception {
        Path zip = Fixtures.zip(shp, dir.resolve("corrupt.zip"), "");
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "rw")) {
            file.seek(60);
            file.write(new byte[400]);
        }
        assertRefused(zip, ReadOptions.none(), "file", "damaged");
    }

    @Test
    void shpWithBadMagic() throws Exception {
        Files.write(shp.resolve("grids.shp"), new byte[200]);
        assertRefused(Fixtures.zip(shp, dir.resolve("magic.zip"), ""), ReadOptions.none(), "file", "grids.shp is not a valid .shp");
    }

    @Test
    void truncatedShp() throws Exception {
        byte[] whole = Files.readAllBytes(shp.resolve("grids.shp"));
        Files.write(shp.resolve("grids.shp"), java.util.Arrays.copyOf(whole, whole.length - 40));
        assertRefused(Fixtures.zip(shp, dir.resolve("cut.zip"), ""), ReadOptions.none(), "file", "cut short");
    }

    @Test
    void shpRecordOutsideTheFileIsNamed() throws Exception {
        // Cut the last record off and make the header agree, so only the .shx still points at it.
        Path file = shp.resolve("grids.shp");
        byte[] whole = Files.readAllBytes(file);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 40);
        ByteBuffer.wrap(cut).putInt(24, cut.length / 2);
        Files.write(file, cut);
        assertRefused(Fixtures.zip(shp, dir.resolve("record.zip"), ""), ReadOptions.none(), "file", "record 4 of grids.shp");
    }

    @Test
    void missingShxAndDbfEachNamed() throws Exception {
        Files.delete(shp.resolve("grids.shx"));
        Files.delete(shp.resolve("grids.dbf"));
        ProblemException refused = refused(Fixtures.zip(shp, dir.resolve("missing.zip"), ""), ReadOptions.none());
        assertThat(refused.errors()).extracting(Problem.FieldError::message)
                .satisfiesExactly(shx -> assertThat(shx).contains("no grids.shx"), dbf -> assertThat(dbf).contains("no grids.dbf"));
    }

    @Test
    void twoShapefilesInOneZip() throws Exception {
        Files.copy(shp.resolve("grids.shp"), shp.resolve("other.shp"));
        assertRefused(Fixtures.zip(shp, dir.resolve("two.zip"), ""), ReadOptions.none(), "file", "2 Shapefiles (grids.shp, other.shp)");
    }

    @Test
    void entryPointingOutsideTheZip() throws Exception {
        assertRefused(Fixtures.zip(dir.resolve("up.zip"), Map.of("../grids.shp", new byte[10])), ReadOptions.none(), "file", "../grids.shp");
    }

    @Test
    void absoluteEntries() throws Exception {
        assertRefused(Fixtures.zip(dir.resolve("abs.zip"), Map.of("/etc/grids.shp", new byte[10])), ReadOptions.none(), "file", "absolute path");
        assertRefused(Fixtures.zip(dir.resolve("win.zip"), Map.of("C:\\grids.shp", new byte[10])), ReadOptions.none(), "file", "absolute path");
    }

    @Test
    void tooManyEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) entries.put("f" + i + ".txt", new byte[] {1});
        assertRefused(Fixtures.zip(dir.resolve("many.zip"), entries), ReadOptions.none(), "file", "more than 100 entries");
    }

    @Test
    void packingRatioOfAZipBomb() throws Exception {
        Path zip = Fixtures.zip(dir.resolve("zeros.zip"), Map.of("grids.shp", new byte[20_000_000]));
        assertRefused(zip, ReadOptions.none(), "file", "times its own size");
    }

    @Test
    void unpackedSize() throws Exception {
        Path zip = Fixtures.zip(shp, dir.resolve("big.zip"), "");
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> Fixtures.read(zip, ReadOptions.none(), new UploadLimits(1_000, 1_000, 100, 200_000, 5_000_000), tempRoot));
        assertThat(refused.getMessage()).contains("more than 1000 bytes");
    }

    @Test
    void noCrsWithProjectedCoordinates() throws Exception {
        Files.delete(shp.resolve("grids.prj"));
        assertRefused(Fixtures.zip(shp, dir.resolve("noprj.zip"), ""), ReadOptions.none(), "crs", "look projected");
    }

    @Test
    void zoneNumberInEastingsButNotInTheCrs() throws Exception {
        Path zoned = Fixtures.shapefile(dir, "zoned", "EPSG:4523", "ENCODING=CP936");
        assertRefused(Fixtures.zip(zoned, dir.resolve("zoned.zip"), ""), options(null, "EPSG:4544", null), "crs", "start with zone 35; give crs=EPSG:4523");
    }

    @Test
    void zoneNumberInTheCrsButNotInEastings() throws Exception {
        assertRefused(Fixtures.zip(shp, dir.resolve("unzoned.zip"), ""), options(null, "EPSG:4523", null), "crs", "have no zone number; give crs=EPSG:4544");
    }

    @Test
    void unknownEncoding() throws Exception {
        assertRefused(Fixtures.zip(shp, dir.resolve("enc.zip"), ""), options("GBK2000", null, null), "encoding", "GBK2000");
    }

    @Test
    void badCrsText() throws Exception {
        Path zip = Fixtures.zip(shp, dir.resolve("crs.zip"), "");
        assertRefused(zip, options(null, "PROJCS[\"broken\",GEOGCS[", null), "crs", "cannot be used");
        assertRefused(zip, options(null, "EPSG:999999", null), "crs", "EPSG:999999");
    }

    private void assertRefused(Path upload, ReadOptions options, String field, String text) {
        ProblemException refused = refused(upload, options);
        System.out.println(upload.getFileName() + " -> " + refused.getMessage());
        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsOnly(field);
        assertThat(refused.getMessage()).contains(text);
    }

    private ProblemException refused(Path upload, ReadOptions options) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(upload, options, tempRoot));
        assertThat(refused).as("refusal of " + upload.getFileName()).isNotNull();
        return refused;
    }
}
