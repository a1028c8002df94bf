package org.gridcc.boundary.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry of one GeoJSON feature, read from the token stream: positions go straight into
 * packed x, y arrays (further numbers such as Z are dropped) and are counted as they come. Beyond
 * the vertex limit nothing more is kept, only counted, and the geometry is never built.
 */
final class GeoJsonGeometry {

    private static final GeometryFactory FACTORY = CompactGeometry.FACTORY;

    /** A geometry object as read: coordinates are a position (double[2]), a Run of positions, or a List of either, as nested. */
    private record Parsed(String type, Object coordinates, List<Parsed> members) {}

    private final JsonParser parser;
    private final int limit;
    private final String feature;
    private Parsed parsed;
    private long vertices;

    /** feature names the feature in messages: "feature 3 of grids.geojson". */
    GeoJsonGeometry(JsonParser parser, int limit, String feature) {
        this.parser = parser;
        this.limit = limit;
        this.feature = feature;
    }

    /** Reads the geometry member whose value is the current token (an object, or null for none). */
    void read() throws IOException {
        parsed = parser.currentToken() == JsonToken.VALUE_NULL ? null : geometry();
    }

    /** Vertices read, all of them even beyond the limit. */
    long vertices() {
        return vertices;
    }

    /** The geometry, null if none; only within the limit (check {@link #vertices()} first). */
    Geometry build() {
        if (vertices > limit) throw new IllegalStateException(feature + " is over the vertex limit and was not kept");
        if (parsed == null) return null;
        try {
            return build(parsed);
        } catch (IllegalArgumentException e) {
            throw unreadable(e.getMessage());
        }
    }

    private Parsed geometry() throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw unreadable("it is not a JSON object" + at());
        String type = null;
        Object coordinates = null;
        List<Parsed> members = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String member = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (member) {
                case "type" -> type = parser.getValueAsString();
                case "coordinates" -> coordinates = value == JsonToken.START_ARRAY ? array(parser.nextToken()) : skipped();
                case "geometries" -> members = geometries();
                default -> parser.skipChildren();
            }
        }
        return new Parsed(type, coordinates, members);
    }

    private Object skipped() throws IOException {
        parser.skipChildren();
        return null;
    }

    private List<Parsed> geometries() throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) throw unreadable("its geometries are not an array" + at());
        List<Parsed> members = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) members.add(geometry());
        return members;
    }

    /** The rest of an array whose first token inside is first. */
    private Object array(JsonToken first) throws IOException {
        if (first == JsonToken.END_ARRAY) return List.of();
        if (first.isNumeric()) {
            var point = new Run();
            position(point);
            return point.xy();
        }
        if (first != JsonToken.START_ARRAY) throw notCoordinates();
        JsonToken second = parser.nextToken();
        if (second.isNumeric()) return positions();
        List<Object> parts = new ArrayList<>();
        parts.add(array(second));
        for (JsonToken next; (next = parser.nextToken()) != JsonToken.END_ARRAY; ) {
            if (next != JsonToken.START_ARRAY) throw notCoordinates();
            parts.add(array(parser.nextToken()));
        }
        return parts;
    }

    /** Positions up to the end of their array, the current token being the first number of the first. */
    private Run positions() throws IOException {
        var run = new Run();
        while (true) {
            position(run);
            JsonToken next = parser.nextToken();
            if (next == JsonToken.END_ARRAY) return run;
            if (next != JsonToken.START_ARRAY || !parser.nextToken().isNumeric()) throw notCoordinates();
        }
    }

    /** One position, the current token being its first number; ends on its closing bracket. */
    private void position(Run run) throws IOException {
        double x = parser.getDoubleValue();
        if (!parser.nextToken().isNumeric()) throw unreadable("a position has fewer than two numbers" + at());
        double y = parser.getDoubleValue();
        for (JsonToken next; (next = parser.nextToken()) != JsonToken.END_ARRAY; ) {
            if (!next.isNumeric()) throw notCoordinates();
        }
        vertices++;
        run.add(x, y);
    }

    private Geometry build(Parsed geometry) {
        Object coordinates = geometry.coordinates();
        String type = geometry.type() == null ? "" : geometry.type();
        if (coordinates == null && !type.equals("GeometryCollection")) throw unreadable("its coordinates are missing");
        return switch (type) {
            case "Point" -> coordinates instanceof double[] xy ? FACTORY.createPoint(CompactGeometry.sequence(xy)) : FACTORY.createPoint(sequence(coordinates, type));
            case "MultiPoint" -> FACTORY.createMultiPoint(sequence(coordinates, type));
            case "LineString" -> FACTORY.createLineString(sequence(coordinates, type));
            case "MultiLineString" -> FACTORY.createMultiLineString(parts(coordinates, type).stream()
                    .map(line -> FACTORY.createLineString(sequence(line, type))).toArray(LineString[]::new));
            case "Polygon" -> polygon(coordinates, type);
            case "MultiPolygon" -> FACTORY.createMultiPolygon(parts(coordinates, type).stream()
                    .map(polygon -> polygon(polygon, type)).toArray(Polygon[]::new));
            case "GeometryCollection" -> FACTORY.createGeometryCollection(geometry.members().stream().map(this::build).toArray(Geometry[]::new));
            default -> throw unreadable("\"" + type + "\" is not a GeoJSON geometry type");
        };
    }

    private Polygon polygon(Object coordinates, String type) {
        List<?> rings = parts(coordinates, type);
        if (rings.isEmpty()) return FACTORY.createPolygon();
        LinearRing shell = FACTORY.createLinearRing(sequence(rings.get(0), type));
        LinearRing[] holes = rings.subList(1, rings.size()).stream().map(ring -> FACTORY.createLinearRing(sequence(ring, type))).toArray(LinearRing[]::new);
        return FACTORY.createPolygon(shell, holes);
    }

    /** The positions of a line or ring (an empty array is an empty one). */
    private CoordinateSequence sequence(Object coordinates, String type) {
        if (coordinates instanceof Run run) return CompactGeometry.sequence(run.xy());
        if (coordinates instanceof List<?> list && list.isEmpty()) return CompactGeometry.sequence(new double[0]);
        throw mismatch(type);
    }

    private List<?> parts(Object coordinates, String type) {
        if (coordinates instanceof List<?> list) return list;
        throw mismatch(type);
    }

    private RuntimeException mismatch(String type) {
        return unreadable("its coordinates are not nested as a " + type + "'s");
    }

    private RuntimeException notCoordinates() {
        return unreadable("its coordinates are not arrays of numbers" + at());
    }

    private String at() {
        var location = parser.currentLocation();
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private RuntimeException unreadable(String why) {
        return BadFile.refuse("file", feature + " has a geometry that cannot be read (" + why + "); fix it or export the file again");
    }

    /** The positions of one line, ring or point, packed; kept only while the feature is within its limit. */
    private final class Run {

        private double[] xy = new double[16];
        private int size;

        void add(double x, double y) {
            if (vertices > limit) {
                xy = null; // over the limit: the feature will be refused, nothing of it is needed
                return;
            }
            if (2 * size + 2 > xy.length) xy = Arrays.copyOf(xy, 2 * xy.length);
            xy[2 * size] = x;
            xy[2 * size + 1] = y;
            size++;
        }

        double[] xy() {
            return xy == null ? null : Arrays.copyOf(xy, 2 * size);
        }
    }
}
