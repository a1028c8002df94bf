package org.gridcc.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** A polygon an officer drew on the map, as GeoJSON: checked before anything is counted in it. */
public final class DrawnArea {

    static final int MAX_VERTICES = 10_000;
    private static final String EXAMPLE = "{\"type\":\"Polygon\",\"coordinates\":[[[lon,lat],...]]}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private DrawnArea() {}

    /** A valid Polygon or MultiPolygon in lon/lat, from a GeoJSON geometry or Feature. */
    public static Geometry parse(String geoJson) {
        if (geoJson == null || geoJson.isBlank()) {
            throw invalid("Send the area as a GeoJSON Polygon or MultiPolygon (or a Feature holding one).", "body", "required");
        }
        checkShape(geoJson);
        Geometry area = read(geoJson);
        if (!(area instanceof Polygonal)) {
            throw invalid("The area must be a Polygon or MultiPolygon; this is a %s.".formatted(area.getGeometryType()),
                    "type", "Polygon or MultiPolygon");
        }
        if (area.isEmpty()) throw invalid("The polygon has no coordinates.", "coordinates", "empty");
        if (area.getNumPoints() > MAX_VERTICES) {
            throw invalid("The polygon has %,d vertices; draw one with at most %,d.".formatted(area.getNumPoints(), MAX_VERTICES),
                    "coordinates", "too many vertices");
        }
        checkOnEarth(area.getEnvelopeInternal());
        TopologyValidationError error = new IsValidOp(area).getValidationError();
        if (error != null) {
            var at = error.getCoordinate();
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The polygon is not valid: %s at %.6f, %.6f. Redraw it so that its edges do not cross and each ring is closed."
                            .formatted(error.getMessage(), at.x, at.y),
                    List.of(new FieldError("coordinates", error.getMessage().toLowerCase() + " at [%.6f, %.6f]".formatted(at.x, at.y))));
        }
        return area;
    }

    /**
     * The nesting of the coordinates, checked before the reader sees them: it fails on a wrong shape
     * with a Java class cast, which says nothing to the client. Syntax errors are left to the reader.
     */
    private static void checkShape(String geoJson) {
        JsonNode root;
        try {
            root = JSON.readTree(geoJson);
        } catch (JsonProcessingException e) {
            return;
        }
        if (!root.isObject()) throw invalid("Send the area as a GeoJSON object: " + EXAMPLE + ".", "body", "expected a JSON object");
        JsonNode geometry = root;
        String prefix = "";
        if ("Feature".equals(root.path("type").asText())) {
            geometry = root.path("geometry");
            prefix = "geometry.";
            if (!geometry.isObject()) throw invalid("The Feature holds no geometry object.", "geometry", "expected a GeoJSON geometry object");
        }
        int depth = switch (geometry.path("type").asText()) {
            case "Point" -> 1;
            case "LineString", "MultiPoint" -> 2;
            case "Polygon", "MultiLineString" -> 3;
            case "MultiPolygon" -> 4;
            default -> 0; // a geometry collection or an unknown type: the reader says what is wrong
        };
        if (depth > 0) checkNesting(geometry.get("coordinates"), depth, prefix + "coordinates");
    }

    private static void checkNesting(JsonNode node, int depth, String path) {
        if (depth == 1) {
            if (node == null || !node.isArray() || node.size() < 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
                throw invalid("The coordinates have the wrong shape: " + EXAMPLE + ".", path, "expected a position [longitude, latitude]");
            }
            return;
        }
        if (node == null || !node.isArray()) {
            throw invalid("The coordinates have the wrong shape: " + EXAMPLE + ".", path,
                    depth == 2 ? "expected an array of positions" : "expected an array of arrays, %d deep".formatted(depth));
        }
        for (int i = 0; i < node.size(); i++) checkNesting(node.get(i), depth - 1, path + "[" + i + "]");
    }

    private static Geometry read(String geoJson) {
        try {
            Geometry g = new GeoJsonReader(WGS84).read(geoJson);
            if (g == null) throw invalid("The body is not a GeoJSON geometry.", "type", "missing");
            g.setSRID(4326);
            return g;
        } catch (ParseException | IllegalArgumentException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON,
                    "The body is not GeoJSON that can be read: %s. Send %s.".formatted(rootMessage(e), EXAMPLE));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // What the reader throws otherwise (class casts, missing members) names Java classes, not the client's mistake.
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not GeoJSON that can be read. Send %s.".formatted(EXAMPLE));
        }
    }

    /** The reader wraps the useful reason ("... do not form a closed linestring") in a generic one. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }

    private static void checkOnEarth(Envelope box) {
        if (LonLat.swappedInChina(box.getMinX(), box.getMinY()) && LonLat.swappedInChina(box.getMaxX(), box.getMaxY())) {
            throw invalid("The coordinates look swapped: GeoJSON positions are [longitude, latitude], and these are [latitude, longitude].",
                    "coordinates", "positions are [lon, lat]");
        }
        if (box.getMinX() < -180 || box.getMaxX() > 180 || box.getMinY() < -90 || box.getMaxY() > 90) {
            throw invalid("Some positions are off the earth: longitudes are between -180 and 180, latitudes between -90 and 90.",
                    "coordinates", "out of range");
        }
    }

    private static ProblemException invalid(String detail, String field, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, detail, List.of(new FieldError(field, message)));
    }
}
