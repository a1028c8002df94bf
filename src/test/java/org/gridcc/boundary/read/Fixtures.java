package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** Boundary files made by real GDAL from a small lon/lat fixture in 罗平县, and a reader that checks it leaves no temporary files. */
public final class Fixtures {

    static final UploadLimits LIMITS = new UploadLimits(50_000_000, 100, 100, 200_000, 5_000_000);

    /** Five grids: two squares, a two-part grid, a bow-tie (invalid on purpose) and one without geometry. */
    static final String GRIDS = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"编码":"530324101001001","名称":"板桥镇第一网格","上级编码":"530324101001","网格长":"张三","人口":1234,"面积":12.5},
             "geometry":{"type":"Polygon","coordinates":[[[104.30,24.90],[104.31,24.90],[104.31,24.91],[104.30,24.91],[104.30,24.90]]]}},
            {"type":"Feature","properties":{"编码":"530324101001002","名称":"板桥镇第二网格","上级编码":"530324101001","人口":530324101},
             "geometry":{"type":"Polygon","coordinates":[[[104.31,24.90],[104.32,24.90],[104.32,24.91],[104.31,24.91],[104.31,24.90]]]}},
            {"type":"Feature","properties":{"编码":"530324102001001","名称":"罗雄街道第一网格","上级编码":"530324102001"},
             "geometry":{"type":"MultiPolygon","coordinates":[[[[104.33,24.92],[104.34,24.92],[104.34,24.93],[104.33,24.93],[104.33,24.92]]],
                                                            [[[104.35,24.92],[104.36,24.92],[104.36,24.93],[104.35,24.93],[104.35,24.92]]]]}},
            {"type":"Feature","properties":{"编码":"530324101001003","名称":"板桥镇蝴蝶网格","上级编码":"530324101001"},
             "geometry":{"type":"Polygon","coordinates":[[[104.30,24.94],[104.31,24.95],[104.31,24.94],[104.30,24.95],[104.30,24.94]]]}},
            {"type":"Feature","properties":{"编码":"530324101001004","名称":"板桥镇无图网格","上级编码":"530324101001"},"geometry":null}
            ]}
            """;

    private Fixtures() {}

    static Path grids(Path dir) throws IOException {
        Path file = dir.resolve("grids.geojson");
        Files.writeString(file, GRIDS, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs ogr2ogr; a missing GDAL fails the test (it is installed by ./test). */
    public static void ogr2ogr(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ogr2ogr"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) fail(command + " failed: " + output);
        } catch (IOException e) {
            fail("ogr2ogr (Debian package gdal-bin) is needed for these tests: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** A Shapefile of the fixture in crs, made by ogr2ogr with extra layer options, as dir/name.{shp,shx,dbf,prj,cpg}. */
    static Path shapefile(Path dir, String name, String crs, String... layerOptions) throws IOException {
        Path out = Files.createDirectories(dir.resolve(name + "-shp"));
        List<String> arguments = new ArrayList<>(List.of("-f", "ESRI Shapefile", "-t_srs", crs, out.resolve(name + ".shp").toString(), grids(dir).toString()));
        for (String option : layerOptions) arguments.addAll(List.of("-lco", option));
        ogr2ogr(arguments.toArray(String[]::new));
        return out;
    }

    /** Zips every file of dir, under folder (may be "") in the zip. */
    public static Path zip(Path dir, Path zip, String folder) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return zip;
    }

    /** A zip of the given entries (name → bytes), names as given, even bad ones. */
    static Path zip(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** Reads with temporary files under tempRoot and checks none is left, whether the read succeeds or not. */
    static SourceFile read(Path file, ReadOptions options, Path tempRoot) {
        return read(file, options, LIMITS, tempRoot);
    }

    static SourceFile read(Path file, ReadOptions options, UploadLimits limits, Path tempRoot) {
        List<int[]> progress = new ArrayList<>();
        try {
            SourceFile read = BoundaryFiles.read(file, file.getFileName().toString(), options, limits, (done, total) -> progress.add(new int[] {done, total}), tempRoot);
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1)).containsExactly(read.features().size(), read.features().size());
            return read;
        } finally {
            try (Stream<Path> left = Files.list(tempRoot)) {
                assertThat(left).as("temporary files left by the reader").isEmpty();
            } catch (IOException e) {
                fail(e.getMessage());
            }
        }
    }

    static ReadOptions options(String encoding, String crs, String layer) {
        return new ReadOptions(Optional.ofNullable(encoding), Optional.ofNullable(crs), Optional.ofNullable(layer));
    }

    /** ogr2ogr's own conversion of a file to EPSG:4326, as JTS geometries in file order (null where none). */
    static List<Geometry> gdalInWgs84(Path source, Path dir) throws Exception {
        Path out = dir.resolve("gdal-" + System.nanoTime() + ".geojson");
        ogr2ogr("-f", "GeoJSON", "-t_srs", "EPSG:4326", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=12", out.toString(), source.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        List<Geometry> geometries = new ArrayList<>();
        for (var feature : json.get("features")) {
            var geometry = feature.get("geometry");
            geometries.add(geometry == null || geometry.isNull() ? null : new GeoJsonReader().read(geometry.toString()));
        }
        return geometries;
    }

    /** Largest distance in metres between corresponding vertices (a local metre conversion is ample at this scale). */
    static double maxVertexDistanceMetres(Geometry a, Geometry b) {
        Coordinate[] first = a.getCoordinates();
        Coordinate[] second = b.getCoordinates();
        assertThat(first).hasSameSizeAs(second);
        double max = 0;
        for (int i = 0; i < first.length; i++) {
            double metresPerDegreeLon = 111_320 * Math.cos(Math.toRadians(first[i].y));
            double dx = (first[i].x - second[i].x) * metresPerDegreeLon;
            double dy = (first[i].y - second[i].y) * 110_574;
            max = Math.max(max, Math.hypot(dx, dy));
        }
        return max;
    }
}
