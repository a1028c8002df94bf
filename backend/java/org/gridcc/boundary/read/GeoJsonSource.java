package org.gridcc.boundary.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A GeoJSON FeatureCollection (or a single Feature). Without a crs member it is RFC 7946, i.e.
 * EPSG:4326; the pre-2016 crs member ("name": "EPSG:4544" or an OGC URN) is honoured.
 */
final class GeoJsonSource {

    // Decimals as BigDecimal, so that 530324101.0 comes out as 530324101, not 5.30324101E8.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private GeoJsonSource() {}

    static FileLayer read(Path file, String fileName, ReadProgress progress) throws IOException {
        JsonNode root = parse(file, fileName);
        String type = root.path("type").asText();
        List<JsonNode> features = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> root.path("features").forEach(features::add);
            case "Feature" -> features.add(root);
            default -> throw BadFile.refuse("file", fileName + " is GeoJSON of type \"" + type
                    + "\"; upload a FeatureCollection whose features carry the grid polygons and their codes and names");
        }
        Set<String> fields = new LinkedHashSet<>();
        List<SourceFeature> read = new ArrayList<>(features.size());
        GeoJsonReader geometries = new GeoJsonReader();
        for (JsonNode feature : features) {
            int index = read.size() + 1;
            Map<String, String> attributes = attributes(feature.path("properties"));
            fields.addAll(attributes.keySet());
            read.add(new SourceFeature(index, attributes, geometry(geometries, feature.path("geometry"), index, fileName)));
            progress.step(index, features.size());
        }
        if (features.isEmpty()) progress.read(0, 0);
        return new FileLayer("geojson", List.copyOf(fields), read, Optional.of(crs(root.path("crs"), fileName)), null, List.of());
    }

    private static JsonNode parse(Path file, String fileName) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw BadFile.refuse("file", fileName + " is not valid JSON" + where + " (" + e.getOriginalMessage() + "); fix it or export it again");
        }
    }

    /** Text of each non-null property; numbers as written, objects and arrays as JSON text. */
    private static Map<String, String> attributes(JsonNode properties) {
        Map<String, String> attributes = new LinkedHashMap<>();
        properties.properties().forEach(property -> {
            JsonNode value = property.getValue();
            if (value.isNull()) return;
            String text = value.isContainerNode() ? value.toString()
                    : value.isBigDecimal() ? value.decimalValue().toPlainString()
                    : value.asText();
            attributes.put(property.getKey(), text);
        });
        return attributes;
    }

    private static Geometry geometry(GeoJsonReader reader, JsonNode geometry, int index, String fileName) {
        if (geometry.isMissingNode() || geometry.isNull()) return null;
        try {
            return reader.read(geometry.toString());
        } catch (ParseException | RuntimeException e) {
            throw BadFile.refuse("file", "feature " + index + " of " + fileName + " has a geometry that cannot be read (" + e.getMessage()
                    + "); fix it or export the file again");
        }
    }

    private static FileLayer.DeclaredCrs crs(JsonNode crs, String fileName) {
        if (crs.isMissingNode() || crs.isNull()) return new FileLayer.DeclaredCrs("EPSG:4326", "RFC 7946 (GeoJSON without crs)");
        String origin = "the crs member of " + fileName;
        JsonNode properties = crs.path("properties");
        if (properties.hasNonNull("name")) return new FileLayer.DeclaredCrs(properties.get("name").asText(), origin);
        if (properties.hasNonNull("code")) return new FileLayer.DeclaredCrs("EPSG:" + properties.get("code").asText(), origin);
        throw BadFile.refuse("crs", "the crs member of " + fileName + " (" + crs + ") names no CRS; remove it (RFC 7946 means WGS 84) or give crs=EPSG:…");
    }
}
