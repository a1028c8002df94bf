package org.gridcc.boundary.read;

import java.io.IOException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFactory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.io.InStream;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A GeoPackage geometry blob (GeoPackageBinary header, then WKB) read into a compact geometry.
 * Its vertices are counted as JTS asks for room for them, and reading stops past the limit
 * before the coordinates are filled in.
 */
final class GeoPackageGeometry {

    /** What a blob held: its geometry (null when none, or over the limit) and its vertices, exact or "more than". */
    record Read(Geometry geometry, long vertices, boolean exact) {}

    private static final int HEADER_BYTES = 8;
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};
    private static final int EMPTY_FLAG = 0x10;

    private GeoPackageGeometry() {}

    static Read read(byte[] blob, int limit) throws IOException, ParseException {
        if (blob == null) return new Read(null, 0, true);
        if (blob.length < HEADER_BYTES || blob[0] != 'G' || blob[1] != 'P') throw new ParseException("not a GeoPackage geometry (no GP header)");
        int flags = blob[3];
        if ((flags & EMPTY_FLAG) != 0) return new Read(null, 0, true);
        int envelope = (flags >> 1) & 0x07;
        if (envelope >= ENVELOPE_BYTES.length) throw new ParseException("envelope indicator " + envelope + " is not defined");
        var counted = new CountedSequences(limit);
        try {
            Geometry geometry = new WKBReader(new GeometryFactory(new PrecisionModel(), 0, counted))
                    .read(new From(blob, HEADER_BYTES + ENVELOPE_BYTES[envelope]));
            return new Read(CompactGeometry.of(geometry), counted.vertices, true);
        } catch (OverLimit e) {
            return new Read(null, counted.vertices, false);
        }
    }

    /** The blob from an offset on, without copying it (a blob may be most of the file). */
    private static final class From implements InStream {
        private final byte[] bytes;
        private int at;

        From(byte[] bytes, int offset) {
            this.bytes = bytes;
            this.at = offset;
        }

        @Override
        public int read(byte[] buffer) {
            int n = Math.max(0, Math.min(buffer.length, bytes.length - at));
            System.arraycopy(bytes, at, buffer, 0, n);
            at += n;
            return n;
        }
    }

    /** Counts the vertices WKBReader asks room for; past the limit it stops the reading. */
    private static final class CountedSequences implements CoordinateSequenceFactory {
        private static final CoordinateSequenceFactory PACKED = PackedCoordinateSequenceFactory.DOUBLE_FACTORY;
        private final int limit;
        private long vertices;

        CountedSequences(int limit) {
            this.limit = limit;
        }

        @Override
        public CoordinateSequence create(Coordinate[] coordinates) {
            count(coordinates == null ? 0 : coordinates.length);
            return PACKED.create(coordinates);
        }

        @Override
        public CoordinateSequence create(CoordinateSequence coordinates) {
            count(coordinates.size());
            return PACKED.create(coordinates);
        }

        @Override
        public CoordinateSequence create(int size, int dimension) {
            count(size);
            return PACKED.create(size, dimension);
        }

        @Override
        public CoordinateSequence create(int size, int dimension, int measures) {
            count(size);
            return PACKED.create(size, dimension, measures);
        }

        private void count(int size) {
            vertices += size;
            if (vertices > limit) throw new OverLimit();
        }
    }

    private static final class OverLimit extends RuntimeException {
        OverLimit() {
            super("over the vertex limit", null, false, false);
        }
    }
}
