package org.gridcc.boundary.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** One feature table of a GeoPackage: the one named by layer, else the only one. */
final class GeoPackageSource {

    private GeoPackageSource() {}

    /** The upload is copied into workDir first: SQLite may write journal files beside the database it opens. */
    static FileLayer read(Path upload, String fileName, Path workDir, ReadOptions options, ReadProgress progress) throws IOException {
        Path copy = Files.copy(upload, workDir.resolve("upload.gpkg"));
        GeoPackage geoPackage;
        try {
            geoPackage = GeoPackageManager.open("upload", false, copy.toFile(), true);
        } catch (RuntimeException e) {
            throw BadFile.refuse("file", fileName + " is an SQLite file but not a readable GeoPackage (" + e.getMessage() + "); export it again as GeoPackage");
        }
        try {
            String table = table(geoPackage.getFeatureTables(), fileName, options.layer());
            FeatureDao dao = geoPackage.getFeatureDao(table);
            List<String> fields = fields(dao);
            int total = dao.count();
            List<SourceFeature> features = new ArrayList<>(total);
            FeatureResultSet rows = dao.queryForAll();
            try {
                while (rows.moveToNext()) {
                    FeatureRow row = rows.getRow();
                    features.add(new SourceFeature(features.size() + 1, attributes(row, fields), geometry(row, features.size() + 1, table)));
                    progress.step(features.size(), total);
                }
            } finally {
                rows.close();
            }
            if (total == 0) progress.read(0, 0);
            return new FileLayer("geopackage", fields, features, crs(dao.getSrs(), table), null, List.of());
        } catch (mil.nga.geopackage.GeoPackageException e) {
            throw BadFile.refuse("file", "layer of " + fileName + " cannot be read (" + e.getMessage() + "); export the GeoPackage again");
        } finally {
            geoPackage.close();
        }
    }

    private static String table(List<String> tables, String fileName, Optional<String> layer) {
        if (layer.isPresent()) {
            if (tables.contains(layer.get())) return layer.get();
            throw BadFile.refuse("layer", fileName + " has no feature layer \"" + layer.get() + "\"; its layers are: " + String.join(", ", tables));
        }
        if (tables.isEmpty()) throw BadFile.refuse("file", fileName + " has no feature layer (only tiles or attribute tables); upload a GeoPackage with the grid polygons");
        if (tables.size() > 1) {
            throw BadFile.refuse("layer", fileName + " has " + tables.size() + " feature layers (" + String.join(", ", tables) + "); give layer=… to choose one");
        }
        return tables.get(0);
    }

    /** Attribute columns in table order: not the primary key, not the geometry. */
    private static List<String> fields(FeatureDao dao) {
        String key = dao.getTable().getPkColumnName();
        String geometry = dao.getGeometryColumnName();
        return Arrays.stream(dao.getTable().getColumnNames())
                .filter(column -> !column.equals(key) && !column.equals(geometry))
                .toList();
    }

    private static Map<String, String> attributes(FeatureRow row, List<String> fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = row.getValue(field);
            if (value != null) attributes.put(field, value instanceof Double number ? Numbers.plain(number) : value.toString());
        }
        return attributes;
    }

    private static Geometry geometry(FeatureRow row, int index, String table) {
        GeoPackageGeometryData data = row.getGeometry();
        if (data == null || data.isEmpty()) return null;
        try {
            return new WKBReader().read(data.getWkb());
        } catch (IOException | ParseException | RuntimeException e) {
            throw BadFile.refuse("file", "feature " + index + " of layer " + table + " has a geometry that cannot be read (" + e.getMessage()
                    + "); export the GeoPackage again");
        }
    }

    /** EPSG by organisation and code when the GeoPackage gives them, else its WKT; "NONE" (undefined) means no CRS. */
    private static Optional<FileLayer.DeclaredCrs> crs(SpatialReferenceSystem srs, String table) {
        String origin = "the GeoPackage srs of layer " + table;
        if (srs == null || "NONE".equalsIgnoreCase(srs.getOrganization())) return Optional.empty();
        if ("EPSG".equalsIgnoreCase(srs.getOrganization()) && srs.getOrganizationCoordsysId() > 0) {
            return Optional.of(new FileLayer.DeclaredCrs("EPSG:" + srs.getOrganizationCoordsysId(), origin));
        }
        String definition = srs.getDefinition();
        return definition == null || definition.isBlank() || "undefined".equalsIgnoreCase(definition.strip())
                ? Optional.empty()
                : Optional.of(new FileLayer.DeclaredCrs(definition, origin));
    }
}
