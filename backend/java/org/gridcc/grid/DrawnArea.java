package org.gridcc.grid;

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
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private DrawnArea() {}

    /** A valid Polygon or MultiPolygon in lon/lat, from a GeoJSON geometry or Feature. */
    public static Geometry parse(String geoJson) {
        if (geoJson == null || geoJson.isBlank()) {
            throw invalid("Send the area as a GeoJSON Polygon or MultiPolygon (or a Feature holding one).", "body", "required");
        }
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

    private static Geometry read(String geoJson) {
        try {
            Geometry g = new GeoJsonReader(WGS84).read(geoJson);
            if (g == null) throw invalid("The body is not a GeoJSON geometry.", "type", "missing");
            g.setSRID(4326);
            return g;
        } catch (ParseException | RuntimeException e) {
            if (e instanceof ProblemException problem) throw problem;
            throw new ProblemException(ProblemType.MALFORMED_JSON,
                    "The body is not GeoJSON that can be read: %s. Send {\"type\":\"Polygon\",\"coordinates\":[[[lon,lat],...]]}."
                            .formatted(rootMessage(e)));
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
