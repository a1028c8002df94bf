package org.gridcc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The Flyway migration builds the core schema on a real PostGIS, with its guards. */
@QuarkusTest
class SchemaIT {

    private static final String SQUARE = "ST_GeomFromText('MULTIPOLYGON(((104 24.9,104.1 24.9,104.1 25,104 25,104 24.9)))', 4326)";
    private static final String BOWTIE = "ST_GeomFromText('MULTIPOLYGON(((104 24.9,104.1 25,104.1 24.9,104 25,104 24.9)))', 4326)";

    @Inject
    DataSource db;

    @Test
    void testsRunInTheirOwnDatabase() throws SQLException {
        assertThat(strings("SELECT current_database()")).containsExactly("gridcc_test");
    }

    @Test
    void postgisIsInstalled() throws SQLException {
        assertThat(strings("SELECT postgis_lib_version()").get(0)).startsWith("3.");
    }

    @Test
    void everyCoreTableExists() throws SQLException {
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'gridcc'"))
                .contains("grid_version", "grid", "household", "unit", "case", "case_event", "calendar_day");
    }

    @Test
    void geometryColumnsAreTypedInWgs84() throws SQLException {
        assertThat(strings("SELECT f_table_name || '.' || f_geometry_column || ' ' || type || ' ' || srid"
                + " FROM geometry_columns WHERE f_table_schema = 'gridcc' ORDER BY 1"))
                .containsExactly("case.point POINT 4326",
                        // A draft's features as read (any type, even invalid) and its changes for the difference layer.
                        "draft_change.geom GEOMETRY 4326", "draft_feature.geom GEOMETRY 4326",
                        // The areas of a draft's findings (overlaps, gaps, parts outside, slivers).
                        "draft_problem_shape.geom GEOMETRY 4326",
                        "grid.geom MULTIPOLYGON 4326", "grid.geom_3857 MULTIPOLYGON 3857",
                        "household.point POINT 4326", "household.point_3857 POINT 3857");
    }

    @Test
    void geometryColumnsHaveGistIndexes() throws SQLException {
        assertThat(strings("SELECT tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'gridcc'"
                + " AND indexdef LIKE '%USING gist%' ORDER BY 1"))
                .hasSize(8)
                .anySatisfy(s -> assertThat(s).startsWith("draft_feature ").contains("(geom)"))
                .anySatisfy(s -> assertThat(s).startsWith("draft_change ").contains("(geom)"))
                .anySatisfy(s -> assertThat(s).startsWith("draft_change ").contains("st_transform(geom, 3857)"))
                .anySatisfy(s -> assertThat(s).startsWith("grid ").contains("(geom)"))
                .anySatisfy(s -> assertThat(s).startsWith("grid ").contains("(geom_3857)"))
                .anySatisfy(s -> assertThat(s).startsWith("household ").contains("(point)"))
                .anySatisfy(s -> assertThat(s).startsWith("household ").contains("(point_3857)"))
                .anySatisfy(s -> assertThat(s).startsWith("case ").contains("(point)"));
    }

    @Test
    void aGridNeedsValidGeometryAKnownLevelAndACodeUniqueInItsVersion() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                int version = version(c, "draft");
                c.createStatement().execute(gridInsert(version, "530324", "county", null, SQUARE));

                assertThatThrownBy(() -> c.createStatement().execute(gridInsert(version, "530324001", "township", "530324", BOWTIE)))
                        .hasMessageContaining("grid_geom_valid");
                c.rollback();
                int again = version(c, "draft");
                c.createStatement().execute(gridInsert(again, "530324", "county", null, SQUARE));
                assertThatThrownBy(() -> c.createStatement().execute(gridInsert(again, "530324", "county", null, SQUARE)))
                        .hasMessageContaining("grid_code_unique_per_version");
                c.rollback();
                int third = version(c, "draft");
                assertThatThrownBy(() -> c.createStatement().execute(gridInsert(third, "530324001", "district", "530324", SQUARE)))
                        .hasMessageContaining("grid_level_check");
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void onlyOneVersionIsPublishedAtATime() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                c.createStatement().execute("UPDATE grid_version SET status = 'retired', retired_at = now() WHERE status = 'published'");
                version(c, "published");
                assertThatThrownBy(() -> version(c, "published")).hasMessageContaining("grid_version_one_published");
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void caseEventsAreAppendOnly() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                caseWithEvents(c, "T1", "RECEIVED");
                assertThatThrownBy(() -> c.createStatement().execute("UPDATE case_event SET actor = 'someone else'"))
                        .hasMessageContaining("append-only");
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void anEventIsGivenItsStreamPositionOnceAndNothingElse() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                caseWithEvents(c, "T2", "RECEIVED", "ACCEPTED");
                String mine = "case_id = (SELECT id FROM \"case\" WHERE code = 'T2')";

                assertThat(c.createStatement().executeUpdate("UPDATE case_event SET seq = -1 WHERE type = 'RECEIVED' AND " + mine))
                        .isEqualTo(1);
                var numbered = c.setSavepoint();
                assertThatThrownBy(() -> c.createStatement().execute("UPDATE case_event SET seq = -2 WHERE type = 'RECEIVED' AND " + mine))
                        .hasMessageContaining("append-only");
                c.rollback(numbered);
                assertThatThrownBy(() -> c.createStatement().execute(
                        "UPDATE case_event SET seq = -3, actor = 'someone else' WHERE type = 'ACCEPTED' AND " + mine))
                        .hasMessageContaining("append-only");
            } finally {
                c.rollback();
            }
        }
    }

    private static void caseWithEvents(Connection c, String code, String... events) throws SQLException {
        c.createStatement().execute("""
                INSERT INTO "case" (code, channel, category, risk, title, status, rule_set, received_at)
                VALUES ('%s', 'window', 'dispute', 'low', 'test', 'received', 'luoping', now())""".formatted(code));
        for (String event : events) {
            c.createStatement().execute("""
                    INSERT INTO case_event (case_id, type, actor) SELECT id, '%s', 'test' FROM "case" WHERE code = '%s'"""
                    .formatted(event, code));
        }
    }

    private static String gridInsert(int version, String code, String level, String parent, String geom) {
        return "INSERT INTO grid (version_id, code, level, parent_code, name, geom) VALUES (%d, '%s', '%s', %s, '测试', %s)"
                .formatted(version, code, level, parent == null ? "NULL" : "'" + parent + "'", geom);
    }

    private static int version(Connection c, String status) throws SQLException {
        var rs = c.createStatement().executeQuery(
                "INSERT INTO grid_version (label, status, published_at) VALUES ('test', '%s', %s) RETURNING id"
                        .formatted(status, status.equals("published") ? "now()" : "NULL"));
        rs.next();
        return rs.getInt(1);
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection c = db.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rs.next()) values.add(rs.getString(1));
            return values;
        }
    }
}
