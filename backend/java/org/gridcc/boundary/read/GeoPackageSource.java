package org.gridcc.boundary.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.io.ParseException;

/** One feature table of a GeoPackage: the one named by layer, else the only one. */
final class GeoPackageSource {

    private GeoPackageSource() {}

    /** The upload is copied into workDir first: SQLite may write journal files beside the database it opens. */
    static FileLayer read(Path upload, String fileName, Path workDir, ReadOptions options, VertexLimit vertices, ReadProgress progress)
            throws IOException {
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
            List<FeatureColumn> fields = fields(dao);
            int total = dao.count();
            List<SourceFeature> features = new ArrayList<>(total);
            FeatureResultSet rows = dao.queryForAll();
            try {
                while (rows.moveToNext()) {
                    int index = features.size() + 1;
                    Map<String, String> attributes = attributes(rows, fields);
                    // The blob as stored: the library's own row would parse every geometry before it can be counted.
                    GeoPackageGeometry.Read geometry = geometry(rows.getBlob(rows.getColumns().getGeometryIndex()), vertices.perFeature(), index, table);
                    vertices.take(geometry.vertices(), geometry.exact(), index, "fid " + rows.getId(), attributes);
                    features.add(new SourceFeature(index, attributes, geometry.geometry()));
                    progress.step(index, total);
                }
            } finally {
                rows.close();
            }
            if (total == 0) progress.read(0, 0);
            return new FileLayer("geopackage", fields.stream().map(FeatureColumn::getName).toList(), features, crs(dao.getSrs(), table), null, List.of());
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
    private static List<FeatureColumn> fields(FeatureDao dao) {
        return dao.getTable().getColumns().stream().filter(column -> !column.isPrimaryKey() && !column.isGeometry()).toList();
    }

    private static Map<String, String> attributes(FeatureResultSet row, List<FeatureColumn> fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (FeatureColumn field : fields) {
            Object value = row.getValue(field);
            if (value != null) attributes.put(field.getName(), value instanceof Double number ? Numbers.plain(number) : value.toString());
        }
        return attributes;
    }

    private static GeoPackageGeometry.Read geometry(byte[] blob, int limit, int index, String table) {
        try {
            return GeoPackageGeometry.read(blob, limit);
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
