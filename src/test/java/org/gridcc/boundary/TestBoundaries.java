package org.gridcc.boundary;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.grid.DemoCounty;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** Boundary files for tests, made from the published grids as GeoJSON, and their upload. */
public final class TestBoundaries {

    /** A group with two base grids that share an edge. */
    public record Group(String code, String village, String a, String b) {}

    private final DemoCounty county;
    private final List<String> features = new ArrayList<>();

    public TestBoundaries(DemoCounty county) {
        this.county = county;
    }

    /**
     * Removes every grid version but the published one: the other tests ask the grid table
     * about the demo county as if it had one version.
     */
    public static void forgetOtherVersions(DemoCounty county) {
        county.execute("DELETE FROM grid_version WHERE status <> 'published'");
    }

    /** The n-th group (from the last by code) whose first two base grids share an edge. */
    public static Group group(DemoCounty county, int n) {
        String[] row = county.one("""
                SELECT DISTINCT ON (g.code) g.code || ' ' || g.parent_code || ' ' || a.code || ' ' || b.code
                  FROM grid g
                  JOIN grid a ON a.version_id = g.version_id AND a.parent_code = g.code
                  JOIN grid b ON b.version_id = g.version_id AND b.parent_code = g.code AND a.code < b.code
                 WHERE g.version_id = (SELECT id FROM grid_version WHERE status = 'published') AND g.level = 'group'
                   AND ST_Relate(a.geom, b.geom, 'F***1****')
                 ORDER BY g.code DESC, a.code, b.code
                 LIMIT 1 OFFSET ?""", n).split(" ");
        return new Group(row[0], row[1], row[2], row[3]);
    }

    /** Every base grid of a parent as it is published. */
    public TestBoundaries childrenOf(String parent) {
        for (String code : county.list("SELECT code FROM grid WHERE parent_code = ? AND level = 'base' AND version_id = "
                + "(SELECT id FROM grid_version WHERE status = 'published') ORDER BY code", parent)) {
            grid(code);
        }
        return this;
    }

    /** A published grid as it is, with its code and name under Chinese field names. */
    public TestBoundaries grid(String code) {
        return feature(code, county.one("SELECT name FROM grid WHERE code = ? AND version_id = "
                + "(SELECT id FROM grid_version WHERE status = 'published')", code), published(code));
    }

    /** The published geometry of a grid as GeoJSON, all digits kept. */
    public String published(String code) {
        return county.one("SELECT ST_AsGeoJSON(geom, 15) FROM grid WHERE code = ? AND version_id = "
                + "(SELECT id FROM grid_version WHERE status = 'published')", code);
    }

    /** GeoJSON of a PostGIS expression over the published grids, e.g. "ST_Union(a.geom, b.geom)". */
    public String geometry(String sql, Object... args) {
        return county.one("SELECT ST_AsGeoJSON((" + sql + "), 15)", args);
    }

    public TestBoundaries feature(String code, String name, String geometryJson) {
        return feature(code, name, null, geometryJson);
    }

    /** A feature with a parent code too (field 上级编码); null values are left out. */
    public TestBoundaries feature(String code, String name, String parent, String geometryJson) {
        var properties = new ArrayList<String>();
        if (code != null) properties.add("\"编码\": \"" + code + "\"");
        if (name != null) properties.add("\"名称\": \"" + name + "\"");
        if (parent != null) properties.add("\"上级编码\": \"" + parent + "\"");
        features.add("{\"type\": \"Feature\", \"properties\": {" + String.join(", ", properties) + "}, \"geometry\": " + geometryJson + "}");
        return this;
    }

    /** Drops the features whose code is given (to replace them). */
    public TestBoundaries without(String code) {
        features.removeIf(f -> f.contains("\"编码\": \"" + code + "\""));
        return this;
    }

    /** How many features the file has: the last one's position. */
    public int size() {
        return features.size();
    }

    public byte[] geoJson() {
        return ("{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",\n", features) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads the features as base grids replacing those under scope. */
    public ValidatableResponse upload(String scope) {
        return upload(geoJson(), "grids.geojson", "base", scope);
    }

    public static ValidatableResponse upload(byte[] file, String fileName, String level, String scope) {
        RequestSpecification request = given().multiPart("file", fileName, file, "application/octet-stream");
        if (level != null) request = request.multiPart("level", level);
        if (scope != null) request = request.multiPart("scope", scope);
        return request.post("/api/boundaries/drafts").then();
    }

    /**
     * The polygon with a spike of a few square centimetres at its second vertex that comes back
     * to it (the ring touches itself there): invalid, and make-valid mends it without moving an edge.
     */
    public static String withSmallLoop(String geoJson) throws Exception {
        Polygon polygon = firstPolygon(geoJson);
        Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
        Coordinate corner = ring[1];
        double e = 2e-6;
        var looped = new Coordinate[ring.length + 3];
        looped[0] = ring[0];
        looped[1] = corner;
        looped[2] = new Coordinate(corner.x + e, corner.y + e / 2);
        looped[3] = new Coordinate(corner.x + e, corner.y - e / 2);
        looped[4] = new Coordinate(corner);
        System.arraycopy(ring, 2, looped, 5, ring.length - 2);
        return write(polygon.getFactory().createPolygon(looped));
    }

    /** The polygon's bounding box drawn as a bow-tie: make-valid would change its area by far too much. */
    public static String bowTie(String geoJson) throws Exception {
        var box = firstPolygon(geoJson).getEnvelopeInternal();
        var factory = new GeometryFactory();
        return write(factory.createPolygon(new Coordinate[] {new Coordinate(box.getMinX(), box.getMinY()), new Coordinate(box.getMaxX(), box.getMaxY()),
                new Coordinate(box.getMaxX(), box.getMinY()), new Coordinate(box.getMinX(), box.getMaxY()), new Coordinate(box.getMinX(), box.getMinY())}));
    }

    private static Polygon firstPolygon(String geoJson) throws Exception {
        Geometry geometry = new GeoJsonReader().read(geoJson);
        return (Polygon) geometry.getGeometryN(0);
    }

    private static String write(Geometry geometry) {
        var writer = new GeoJsonWriter(15);
        writer.setEncodeCRS(false);
        return writer.write(geometry);
    }
}
