package org.gridcc.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.postgis.jdbc.jts.JtsBinaryWriter;
import org.gridcc.boundary.read.FieldMapping;
import org.gridcc.boundary.read.SourceFeature;
import org.gridcc.boundary.read.SourceFile;
import org.gridcc.common.CopyIn;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridLevel;
import org.locationtech.jts.geom.Geometry;

/** Drafts in the database (JDBC, blocking, in the caller's transaction unless said otherwise). */
@ApplicationScoped
public class DraftStore {

    private static final String VIEW = """
            SELECT v.id, v.label, d.state, d.level, d.scope, d.file_name, d.format, v.crs, d.encoding, d.mapping,
                   d.base_version, d.progress, d.failure, %s AS report, d.created_at, d.uploaded_by, u.display_name AS uploader_name
              FROM boundary_draft d JOIN grid_version v ON v.id = d.version_id
              LEFT JOIN app_user u ON u.username = d.uploaded_by""";

    private final ObjectMapper json;

    public DraftStore(ObjectMapper json) {
        this.json = json;
    }

    int create(Connection c, String label, GridLevel level, String scope, int baseVersion, String fileName, String uploadedBy) throws SQLException {
        int id;
        try (PreparedStatement version = c.prepareStatement(
                "INSERT INTO grid_version (label, status, source_file) VALUES (?, 'draft', ?) RETURNING id")) {
            version.setString(1, label);
            version.setString(2, fileName);
            try (ResultSet rs = version.executeQuery()) {
                rs.next();
                id = rs.getInt(1);
            }
        }
        try (PreparedStatement draft = c.prepareStatement("""
                INSERT INTO boundary_draft (version_id, level, scope, base_version, state, file_name, progress, uploaded_by)
                VALUES (?, ?, ?, ?, 'reading', ?, '{"step":"queued"}', ?)""")) {
            draft.setInt(1, id);
            draft.setString(2, level.code());
            draft.setString(3, scope);
            draft.setInt(4, baseVersion);
            draft.setString(5, fileName);
            draft.setString(6, uploadedBy);
            draft.executeUpdate();
        }
        return id;
    }

    /** Stores the features as they were read, whatever their state. */
    void saveFeatures(Connection c, int draft, SourceFile file, FieldMapping mapping) throws SQLException {
        var ewkb = new JtsBinaryWriter();
        CopyIn.rows(c, "COPY draft_feature (version_id, position, code, name, parent_code, head, geom) FROM STDIN", file.features(),
                f -> new Object[] {draft, f.index(), attribute(f, mapping.code()), attribute(f, mapping.name()),
                        attribute(f, mapping.parent()), attribute(f, mapping.head()), hex(ewkb, f.geometry())});
    }

    /**
     * Stores what reading found out (format, CRS, encoding, mapping, notes). The draft's row is
     * written only at the end of a job: progress is written to it meanwhile from another connection.
     */
    void saveFacts(Connection c, int draft, SourceFile file, FieldMapping mapping, GridLevel level) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE boundary_draft SET format = ?, encoding = ?, mapping = ?::jsonb, notes = ?::jsonb, level = ? WHERE version_id = ?""");
             PreparedStatement crs = c.prepareStatement("UPDATE grid_version SET crs = ? WHERE id = ?")) {
            update.setString(1, file.format());
            update.setString(2, file.encoding());
            update.setString(3, write(mapping));
            update.setString(4, write(file.warnings()));
            update.setString(5, level.code());
            update.setInt(6, draft);
            update.executeUpdate();
            crs.setString(1, file.crs());
            crs.setInt(2, draft);
            crs.executeUpdate();
        }
    }

    /** The codes of the draft's features as read (null for a feature without one). */
    List<String> codes(Connection c, int draft) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT code FROM draft_feature WHERE version_id = ?")) {
            query.setInt(1, draft);
            var codes = new ArrayList<String>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) codes.add(rs.getString(1));
            }
            return codes;
        }
    }

    List<String> notes(Connection c, int draft) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT notes FROM boundary_draft WHERE version_id = ?")) {
            query.setInt(1, draft);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) return List.of();
                var notes = new ArrayList<String>();
                json.readTree(rs.getString(1)).forEach(note -> notes.add(note.asText()));
                return notes;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The report, and apart from it the shapes of its problems (by index), which only the map and the export need. */
    void saveReport(Connection c, DraftReport report) throws SQLException {
        try (PreparedStatement clear = c.prepareStatement("DELETE FROM draft_problem_shape WHERE version_id = ?");
             PreparedStatement shape = c.prepareStatement(
                     "INSERT INTO draft_problem_shape (version_id, problem, geom) VALUES (?, ?, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))")) {
            clear.setInt(1, report.draft());
            clear.executeUpdate();
            for (int i = 0; i < report.problems().size(); i++) {
                String geoJson = report.problems().get(i).shape();
                if (geoJson == null) continue;
                shape.setInt(1, report.draft());
                shape.setInt(2, i);
                shape.setString(3, geoJson);
                shape.addBatch();
            }
            shape.executeBatch();
        }
        try (PreparedStatement version = c.prepareStatement("UPDATE grid_version SET report = ?::jsonb WHERE id = ?");
             PreparedStatement draft = c.prepareStatement(
                     "UPDATE boundary_draft SET state = 'ready', base_version = ?, progress = '{}', failure = NULL WHERE version_id = ?")) {
            version.setString(1, write(report));
            version.setInt(2, report.draft());
            version.executeUpdate();
            draft.setInt(1, report.baseVersion());
            draft.setInt(2, report.draft());
            draft.executeUpdate();
        }
    }

    /** A job failed: its features, grids and changes go; the draft stays with the reason, to be read and deleted. */
    void fail(Connection c, int draft, Object problem) throws SQLException {
        for (String sql : List.of("DELETE FROM draft_feature WHERE version_id = ?", "DELETE FROM draft_change WHERE version_id = ?",
                "DELETE FROM draft_problem_shape WHERE version_id = ?", "DELETE FROM grid WHERE version_id = ?")) {
            try (PreparedStatement delete = c.prepareStatement(sql)) {
                delete.setInt(1, draft);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE boundary_draft SET state = 'failed', progress = '{}', failure = ?::jsonb WHERE version_id = ?")) {
            update.setString(1, write(problem));
            update.setInt(2, draft);
            update.executeUpdate();
        }
    }

    /** Whether the draft is (still) in this state: a job that finds it deleted, or failed by a restart elsewhere, does nothing. */
    boolean isIn(Connection c, int draft, String state) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM boundary_draft WHERE version_id = ? AND state = ?")) {
            query.setInt(1, draft);
            query.setString(2, state);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    void state(Connection c, int draft, String state, Map<String, Object> progress) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE boundary_draft SET state = ?, progress = ?::jsonb WHERE version_id = ?")) {
            update.setString(1, state);
            update.setString(2, write(progress));
            update.setInt(3, draft);
            update.executeUpdate();
        }
    }

    /** Removes a draft that is not published, with everything it holds; false when there was none. */
    boolean delete(Connection c, int draft) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM grid_version WHERE id = ? AND status = 'draft'")) {
            delete.setInt(1, draft);
            return delete.executeUpdate() > 0;
        }
    }

    Optional<DraftView> find(Connection c, int draft) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(VIEW.formatted("v.report") + " WHERE d.version_id = ?")) {
            query.setInt(1, draft);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /** The newest drafts first, without their reports. */
    List<DraftView> list(Connection c, int limit) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(VIEW.formatted("NULL") + " ORDER BY d.version_id DESC LIMIT ?")) {
            query.setInt(1, limit);
            var drafts = new ArrayList<DraftView>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) drafts.add(view(rs));
            }
            return drafts;
        }
    }

    /** The shapes of a draft's problems as GeoJSON geometries, by the problem's index in its report. */
    Map<Integer, String> problemShapes(Connection c, int draft) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT problem, ST_AsGeoJSON(geom, 7) FROM draft_problem_shape WHERE version_id = ? ORDER BY problem")) {
            query.setInt(1, draft);
            var shapes = new java.util.HashMap<Integer, String>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) shapes.put(rs.getInt(1), rs.getString(2));
            }
            return shapes;
        }
    }

    private DraftView view(ResultSet rs) throws SQLException {
        int id = rs.getInt("id");
        return new DraftView(id, rs.getString("label"), rs.getString("state"), GridLevel.of(rs.getString("level")).orElseThrow(),
                rs.getString("scope"), rs.getString("file_name"), rs.getString("format"), rs.getString("crs"), rs.getString("encoding"),
                tree(rs.getString("mapping")), (Integer) rs.getObject("base_version"), tree(rs.getString("progress")),
                tree(rs.getString("failure")), tree(rs.getString("report")), DraftView.tilesOf(id),
                ServiceClock.local(rs.getObject("created_at", java.time.OffsetDateTime.class)),
                rs.getString("uploaded_by") == null ? null : new DraftView.Uploader(rs.getString("uploaded_by"), rs.getString("uploader_name")));
    }

    private static String attribute(SourceFeature feature, String field) {
        if (field == null) return null;
        String value = feature.attributes().get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String hex(JtsBinaryWriter ewkb, Geometry geometry) {
        if (geometry == null) return null;
        geometry.setSRID(4326);
        return ewkb.writeHexed(geometry);
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
