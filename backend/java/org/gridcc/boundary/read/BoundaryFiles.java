package org.gridcc.boundary.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;

/** Reads an uploaded boundary file into features with EPSG:4326 geometry. */
public final class BoundaryFiles {

    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private BoundaryFiles() {}

    /**
     * Reads an uploaded file; its content decides the format: zip → zipped Shapefile, "SQLite
     * format 3" → GeoPackage, JSON → GeoJSON. fileName is the client's name, used only in
     * messages. Temporary files are always deleted.
     */
    public static SourceFile read(Path file, String fileName, ReadOptions options, UploadLimits limits, ReadProgress progress) {
        return read(file, fileName, options, limits, progress, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As above, with the temporary files under tempRoot (so tests can see that none are left). */
    static SourceFile read(Path file, String fileName, ReadOptions options, UploadLimits limits, ReadProgress progress, Path tempRoot) {
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory(tempRoot, "boundary-read-");
            FileLayer layer = readLayer(file, fileName, options, limits, progress, workDir);
            List<String> warnings = new ArrayList<>(layer.warnings());
            CrsResolver.Resolved crs = SourceCrs.choose(options.crs(), layer.crs(), extent(layer.features()), fileName, warnings);
            List<SourceFeature> features = Reprojection.from(crs).apply(layer.features());
            return new SourceFile(layer.format(), crs.description(), layer.encoding(), layer.fields(), features, List.copyOf(warnings));
        } catch (IOException e) {
            throw BadFile.refuse("file", fileName + " cannot be read (" + e.getMessage() + "); upload it again");
        } finally {
            if (workDir != null) delete(workDir);
        }
    }

    /** Opens the EPSG database and finds a transformation: seconds on a cold JVM, better spent before the first upload. */
    public static void warmUp() {
        Reprojection.from(CrsResolver.resolve("EPSG:4544", "the warm-up"));
    }

    private static FileLayer readLayer(Path file, String fileName, ReadOptions options, UploadLimits limits, ReadProgress progress, Path workDir)
            throws IOException {
        byte[] head = head(file);
        var vertices = new VertexLimit(limits, fileName);
        if (ZipUpload.looksLikeZip(head)) {
            Path unpacked = Files.createDirectory(workDir.resolve("zip"));
            List<Path> files = ZipUpload.unpack(file, fileName, unpacked, limits);
            return ShapefileSource.read(unpacked, files, fileName, options, vertices, progress);
        }
        if (Arrays.equals(head, 0, Math.min(head.length, SQLITE.length), SQLITE, 0, SQLITE.length) && head.length >= SQLITE.length) {
            return GeoPackageSource.read(file, fileName, workDir, options, vertices, progress);
        }
        if (looksLikeJson(head)) return GeoJsonSource.read(file, fileName, vertices, progress);
        throw BadFile.refuse("file", fileName + " is neither a zip (zipped Shapefile), a GeoPackage nor GeoJSON; "
                + "upload the .shp, .shx, .dbf, .prj and .cpg zipped together, a .gpkg or a .geojson");
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64);
        }
    }

    /** First character after any byte-order mark and white space is { or [. */
    private static boolean looksLikeJson(byte[] head) {
        String start = new String(head, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static Envelope extent(List<SourceFeature> features) {
        Envelope extent = new Envelope();
        features.stream().filter(feature -> feature.geometry() != null).forEach(feature -> extent.expandToInclude(feature.geometry().getEnvelopeInternal()));
        return extent;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary files in " + dir, e);
        }
    }
}
