package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload at the size limit of each format is read within the heap ./run gives the service
 * (the tests' own JVM has far more, so the reading runs in a JVM of its own started with that
 * -Xmx). The GeoJSON is max-upload bytes of grids; the Shapefile and GeoPackage are made from it
 * by ogr2ogr and come out just under the limit too. Reading holds every vertex, so it is their
 * number, bounded by max-vertices, not the bytes, that decides the memory.
 */
class UploadsAtTheSizeLimitTests {

    private static final int VERTICES_EACH = 20_000;

    @TempDir Path dir;

    @Test
    void eachFormatAtTheUploadLimitIsReadWithinTheServicesDefaultHeap() throws Exception {
        long limit = DefaultLimits.maxUpload();
        LargeBoundaries.Made made = LargeBoundaries.geoJson(dir.resolve("grids.geojson"), limit, VERTICES_EACH, true);
        Path shp = Files.createDirectory(dir.resolve("shp"));
        Fixtures.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.resolve("grids.shp").toString(), made.file().toString());
        Path zip = storedZip(shp, dir.resolve("grids.zip"));
        Path gpkg = dir.resolve("grids.gpkg");
        Fixtures.ogr2ogr("-f", "GPKG", "-lco", "SPATIAL_INDEX=NO", gpkg.toString(), made.file().toString());
        for (Path file : List.of(made.file(), zip, gpkg)) {
            assertThat(Files.size(file)).as("size of " + file.getFileName()).isBetween(limit * 9 / 10, limit);
        }

        List<String> read = readInOwnJvm(DefaultLimits.heap(), made.file(), zip, gpkg);

        String counts = " " + made.features() + " " + made.vertices();
        assertThat(read).containsSubsequence("grids.geojson geojson" + counts, "grids.zip shapefile" + counts, "grids.gpkg geopackage" + counts);
    }

    /** Runs {@link ReadInOwnJvm} on the files with the given -Xmx; its lines, after it ended well. */
    private static List<String> readInOwnJvm(String heap, Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", System.getProperty("java.class.path"), ReadInOwnJvm.class.getName()));
        for (Path file : files) command.add(file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the reading JVM ended").isTrue();
        System.out.println(output);
        assertThat(process.exitValue()).as("exit of the reading JVM (" + heap + "):\n" + output).isZero();
        return output.lines().toList();
    }

    /**
     * The Shapefile zipped without compression, so that the zip is as large as what it holds.
     * (Deflated, a zip of this size would hold over twice the vertices: more than max-vertices, refused.)
     */
    private static Path storedZip(Path dir, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                var entry = new ZipEntry(file.getFileName().toString());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(Files.size(file));
                entry.setCrc(crc(file));
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static long crc(Path file) throws IOException {
        var crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) crc.update(buffer, 0, n);
        }
        return crc.getValue();
    }
}
