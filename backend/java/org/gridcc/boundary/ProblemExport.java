package org.gridcc.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.gridcc.common.Csv;

/**
 * A draft's problems to take away: a CSV table (one row a problem) and GeoJSON (one feature a
 * problem: its own area where it has one, else its point, else no geometry), in report order.
 */
final class ProblemExport {

    private static final List<String> COLUMNS = List.of("index", "severity", "check", "feature", "code", "other", "areaM2", "lon", "lat", "message");

    private ProblemExport() {}

    static String csv(JsonNode problems) {
        var csv = new StringBuilder(Csv.BYTE_ORDER_MARK).append(String.join(",", COLUMNS)).append('\n');
        int index = 0;
        for (JsonNode p : problems) {
            JsonNode at = p.path("at");
            List<Object> cells = List.of(index++, text(p, "severity"), text(p, "check"), text(p, "feature"), text(p, "code"), text(p, "other"),
                    text(p, "areaM2"), at.isArray() ? at.get(0).asText() : "", at.isArray() ? at.get(1).asText() : "", text(p, "message"));
            csv.append(String.join(",", cells.stream().map(Csv::cell).toList())).append('\n');
        }
        return csv.toString();
    }

    static ObjectNode geoJson(ObjectMapper json, JsonNode problems, Map<Integer, String> shapes) {
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        int index = 0;
        for (JsonNode p : problems) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.set("geometry", geometry(json, p, shapes.get(index)));
            ObjectNode properties = ((ObjectNode) p.deepCopy()).put("index", index++);
            properties.remove("at");
            feature.set("properties", properties);
        }
        return collection;
    }

    private static JsonNode geometry(ObjectMapper json, JsonNode problem, String shape) {
        try {
            if (shape != null) return json.readTree(shape);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("PostGIS wrote GeoJSON", e);
        }
        JsonNode at = problem.path("at");
        if (!at.isArray()) return json.nullNode();
        ObjectNode point = json.createObjectNode().put("type", "Point");
        point.set("coordinates", at);
        return point;
    }

    private static String text(JsonNode problem, String field) {
        JsonNode value = problem.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
