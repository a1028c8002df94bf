package org.gridcc.boundary.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Large GeoJSON boundary files, written fast: round grids in EPSG:4544 (CGCS2000 3-degree
 * Gauss-Kruger CM 105E, where 罗平县 lies) with a crs member, in whole metres, so that a file holds
 * as many vertices per byte as GeoJSON grids ever do and its Shapefile or GeoPackage (16 bytes a
 * vertex) comes out about as large.
 */
public final class LargeBoundaries {

    /** What was written: features of {@code verticesEach} vertices (the ring's closing one counted). */
    public record Made(Path file, int features, long vertices) {}

    private static final byte[] HEAD = ("{\"type\":\"FeatureCollection\",\"name\":\"grids\","
            + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4544\"}},\"features\":[\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "\n]}\n".getBytes(StandardCharsets.UTF_8);
    private static final int COLUMNS = 14;
    private static final double SPACING_M = 12_000;
    private static final double RADIUS_M = 5_000;

    private LargeBoundaries() {}

    /**
     * As many features as fit in maxBytes. withCodes: each has 编码 and 名称; else only 名称, so
     * that an upload of it is refused right after reading (no field holds the grid code).
     */
    public static Made geoJson(Path file, long maxBytes, int verticesEach, boolean withCodes) throws IOException {
        int features = 0;
        long written = HEAD.length + TAIL.length;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(HEAD);
            while (true) {
                byte[] feature = feature(features, verticesEach, withCodes);
                long needed = feature.length + (features == 0 ? 0 : 2);
                if (written + needed > maxBytes) break;
                if (features > 0) out.write(",\n".getBytes(StandardCharsets.US_ASCII));
                out.write(feature);
                written += needed;
                features++;
            }
            out.write(TAIL);
        }
        return new Made(file, features, (long) features * verticesEach);
    }

    /** A regular polygon around its own centre; whole metres, so neighbouring vertices may coincide (as rounded data does). */
    private static byte[] feature(int k, int vertices, boolean withCodes) {
        var text = new Ascii(24 * vertices + 256);
        String properties = withCodes
                ? "{\"编码\":\"530324199%06d\",\"名称\":\"大网格%d\"}".formatted(k, k)
                : "{\"名称\":\"大网格%d\"}".formatted(k);
        text.append("{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
        double cx = 420_000 + (k % COLUMNS) * SPACING_M;
        double cy = 2_700_000 + (k / COLUMNS) * SPACING_M;
        long firstX = 0;
        long firstY = 0;
        for (int i = 0; i < vertices - 1; i++) {
            double angle = 2 * Math.PI * i / (vertices - 1);
            long x = Math.round(cx + RADIUS_M * Math.cos(angle));
            long y = Math.round(cy + RADIUS_M * Math.sin(angle));
            if (i == 0) {
                firstX = x;
                firstY = y;
            }
            text.position(x, y).append(",");
        }
        text.position(firstX, firstY).append("]]}}");
        return text.bytes();
    }

    /** A growing ASCII buffer that writes whole numbers without going through String. */
    private static final class Ascii {
        private byte[] bytes;
        private int size;

        Ascii(int capacity) {
            bytes = new byte[capacity];
        }

        Ascii append(String text) {
            byte[] more = text.getBytes(StandardCharsets.UTF_8);
            ensure(more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
            return this;
        }

        Ascii position(long x, long y) {
            ensure(48);
            bytes[size++] = '[';
            number(x);
            bytes[size++] = ',';
            number(y);
            bytes[size++] = ']';
            return this;
        }

        private void number(long value) {
            String digits = Long.toString(value);
            for (int i = 0; i < digits.length(); i++) bytes[size++] = (byte) digits.charAt(i);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
