package org.gridcc.boundary.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A GeoJSON FeatureCollection (or a single Feature), read as a stream of tokens: one feature at
 * a time, never the whole tree, each geometry built from its coordinates as doubles
 * ({@link GeoJsonGeometry}). Members may come in any order. Without a crs member the file is
 * RFC 7946, i.e. EPSG:4326; the pre-2016 crs member ("name": "EPSG:4544" or an OGC URN) is honoured.
 */
final class GeoJsonSource {

    // For the few small trees (the crs member, properties that are objects or arrays): decimals
    // as BigDecimal, so that 530324101.0 comes out as 530324101, not 5.30324101E8.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final JsonParser parser;
    private final String fileName;
    private final VertexLimit vertices;
    private final ReadProgress progress;
    private final Set<String> fields = new LinkedHashSet<>();
    private final List<SourceFeature> features = new ArrayList<>();

    private GeoJsonSource(JsonParser parser, String fileName, VertexLimit vertices, ReadProgress progress) {
        this.parser = parser;
        this.fileName = fileName;
        this.vertices = vertices;
        this.progress = progress;
    }

    static FileLayer read(Path file, String fileName, VertexLimit vertices, ReadProgress progress) throws IOException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            return new GeoJsonSource(parser, fileName, vertices, progress).read();
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw BadFile.refuse("file", fileName + " is not valid JSON" + where + " (" + e.getOriginalMessage() + "); fix it or export it again");
        }
    }

    private FileLayer read() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) throw notFeatures("a JSON " + (parser.currentToken() == JsonToken.START_ARRAY ? "array" : "value"));
        String type = null;
        JsonNode crs = null;
        var single = new Feature(1); // the members of a file that is one Feature
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String member = parser.currentName();
            parser.nextToken();
            switch (member) {
                case "type" -> type = checkType(parser.getValueAsString());
                case "crs" -> crs = parser.readValueAsTree();
                case "features" -> readFeatures();
                case "id", "properties", "geometry" -> single.read(member);
                default -> parser.skipChildren();
            }
        }
        if (type == null) throw notFeatures("GeoJSON without a type");
        if (type.equals("Feature")) take(single);
        if (features.isEmpty()) progress.read(0, 0);
        else progress.read(features.size(), features.size());
        return new FileLayer("geojson", List.copyOf(fields), features, Optional.of(crs(crs)), null, List.of());
    }

    private String checkType(String type) {
        if ("FeatureCollection".equals(type) || "Feature".equals(type)) return type;
        throw notFeatures("GeoJSON of type \"" + type + "\"");
    }

    private RuntimeException notFeatures(String what) {
        return BadFile.refuse("file", fileName + " is " + what
                + "; upload a FeatureCollection whose features carry the grid polygons and their codes and names");
    }

    private void readFeatures() throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) throw notFeatures("GeoJSON whose features are not an array");
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            var feature = new Feature(features.size() + 1);
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String member = parser.currentName();
                    parser.nextToken();
                    feature.read(member);
                }
            } else {
                parser.skipChildren(); // not a feature: it comes through empty, and the checks say what it lacks
            }
            take(feature);
        }
    }

    private void take(Feature feature) {
        SourceFeature read = feature.build();
        fields.addAll(read.attributes().keySet());
        features.add(read);
        progress.step(read.index(), 0);
    }

    private FileLayer.DeclaredCrs crs(JsonNode crs) {
        if (crs == null || crs.isNull()) return new FileLayer.DeclaredCrs("EPSG:4326", "RFC 7946 (GeoJSON without crs)");
        String origin = "the crs member of " + fileName;
        JsonNode properties = crs.path("properties");
        if (properties.hasNonNull("name")) return new FileLayer.DeclaredCrs(properties.get("name").asText(), origin);
        if (properties.hasNonNull("code")) return new FileLayer.DeclaredCrs("EPSG:" + properties.get("code").asText(), origin);
        throw BadFile.refuse("crs", "the crs member of " + fileName + " (" + crs + ") names no CRS; remove it (RFC 7946 means WGS 84) or give crs=EPSG:…");
    }

    /** One feature's members as they come; its geometry is counted while it is read and built only within the vertex limit. */
    private final class Feature {

        private final int index;
        private final GeoJsonGeometry geometry;
        private String id;
        private Map<String, String> attributes = Map.of();

        Feature(int index) {
            this.index = index;
            this.geometry = new GeoJsonGeometry(parser, vertices.perFeature(), "feature " + index + " of " + fileName);
        }

        /** Reads the member whose value is the current token. */
        void read(String member) throws IOException {
            switch (member) {
                case "id" -> id = parser.currentToken().isScalarValue() ? parser.getText() : skip();
                case "properties" -> attributes = attributes();
                case "geometry" -> geometry.read();
                default -> parser.skipChildren();
            }
        }

        SourceFeature build() {
            vertices.take(geometry.vertices(), true, index, id == null ? null : "id " + id, attributes);
            return new SourceFeature(index, attributes, geometry.build());
        }

        private String skip() throws IOException {
            parser.skipChildren();
            return null;
        }

        /** Text of each non-null property; numbers as written, objects and arrays as JSON text. */
        private Map<String, String> attributes() throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return Map.of();
            }
            Map<String, String> read = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_NULL -> { }
                    case START_OBJECT, START_ARRAY -> read.put(name, parser.readValueAsTree().toString());
                    case VALUE_NUMBER_FLOAT -> read.put(name, plain(parser.getDecimalValue()));
                    default -> read.put(name, parser.getText());
                }
            }
            return read;
        }

        private static String plain(BigDecimal number) {
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
    }
}
