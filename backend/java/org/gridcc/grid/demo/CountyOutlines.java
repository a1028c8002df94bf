package org.gridcc.grid.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The real county outlines shipped in {@code geo-data/counties.geojson} (see geo-data/README.md). */
public final class CountyOutlines {

    static final String RESOURCE = "geo-data/counties.geojson";

    private CountyOutlines() {
    }

    public static CountyOutline load(String countyCode) {
        List<CountyOutline> all = all();
        return all.stream().filter(c -> c.code().equals(countyCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No outline for county code '" + countyCode + "' in "
                        + RESOURCE + "; known codes: " + all.stream().map(c -> c.code() + " " + c.name()).toList()));
    }

    private static List<CountyOutline> all() {
        try (InputStream in = CountyOutlines.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            GeoJsonReader geometryReader = new GeoJsonReader(DemoGeometry.FACTORY);
            List<CountyOutline> outlines = new ArrayList<>();
            for (JsonNode feature : new ObjectMapper().readTree(in).path("features")) {
                JsonNode properties = feature.path("properties");
                MultiPolygon shape = DemoGeometry.multiPolygon(geometryReader.read(feature.path("geometry").toString()));
                outlines.add(new CountyOutline(properties.path("code").asText(), properties.path("name").asText(), shape));
            }
            return outlines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Bad geometry in " + RESOURCE, e);
        }
    }
}
