package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.gridcc.cases.media.Photos;
import org.gridcc.common.CaseEventsWritten;
import org.gridcc.common.CopyIn;
import org.gridcc.grid.GridLevel;
import org.gridcc.common.SqlFiles;
import org.gridcc.common.StatementBatches;
import org.gridcc.sla.CaseEvent;
import org.gridcc.sla.CaseHistory;
import org.gridcc.sla.Deadline;
import org.gridcc.sla.DeadlineService;

/**
 * The one writer of a case's row, its history ({@code case_event}) and its deadlines
 * ({@code case_deadline}): intake, actions, the deadline sweeper, boundary reassignment, group
 * alerts, calendar changes and the demo county's month ({@link DemoCases}) all write through here,
 * in their own transactions. A history is only ever appended to; deadlines are computed again from
 * it whenever it changes. Whoever
 * commits events calls {@link #committed()} so that the live relay numbers them at once.
 */
@ApplicationScoped
public class CaseRecord {

    /** The columns of an event; the {@code SELECT} that follows gives them in this order. */
    private static final String APPEND = "INSERT INTO case_event (case_id, type, actor, at, payload) ";

    private final DeadlineService sla;
    private final Event<CaseEventsWritten> written;
    /** Cases that arrive together are stored together, one commit for all. */
    private final StatementBatches intake;

    public CaseRecord(Pool pool, DeadlineService sla, Event<CaseEventsWritten> written) {
        this.sla = sla;
        this.written = written;
        this.intake = new StatementBatches(pool, SqlFiles.read("case-intake.sql")
                .replace("/*DEADLINES*/", StoredDeadlines.insert("(SELECT id FROM ins)", "$20::jsonb")));
    }

    /** An event to append: what happened, who did it, when, and its details. */
    public record NewEvent(String type, String actor, Instant at, JsonObject payload) {}

    /** A change of the case row by an action: its state, the unit holding it, supervision and the lead leader. */
    public record Change(CaseStatus status, Integer unitId, boolean clearUnit, boolean supervised, JsonObject leader) {}

    /** Takes a case in: the row, its links, its RECEIVED event, its deadlines and idempotency key in one statement (case-intake.sql). */
    Uni<Row> takeIn(Tuple params) {
        return intake.execute(params).invoke(this::committed);
    }

    /** The deadlines a case has when it is taken in. */
    List<Deadline> initialDeadlines(String ruleSet, Instant receivedAt) {
        return sla.after(ruleSet, CaseHistory.none().with(CaseEvent.RECEIVED, receivedAt));
    }

    /** Appends an event in the caller's transaction. */
    public Uni<Void> append(SqlClient tx, long caseId, NewEvent event) {
        return tx.preparedQuery(APPEND + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(caseId, event.type(), event.actor(), event.at().atOffset(ZoneOffset.UTC), event.payload()))
                .replaceWithVoid();
    }

    /**
     * Adds photos to a case in the caller's transaction (the case row locked), numbered from
     * {@code first}, with their event; the case is one version more, as its view changed.
     */
    Uni<Void> attach(SqlClient tx, long caseId, Photos photos, int first, NewEvent event) {
        return tx.preparedQuery("""
                        INSERT INTO case_media (case_id, ordinal, content_type, bytes, sha256, uploaded_by, created_at)
                        SELECT $1, $2 + m.ordinal - 1, m.content_type, m.bytes, m.sha256, $6, $7
                          FROM unnest($3::text[], $4::bytea[], $5::text[]) WITH ORDINALITY AS m (content_type, bytes, sha256, ordinal)""")
                .execute(Tuple.from(Arrays.asList(caseId, first, photos.contentTypes(), photos.bytes(), photos.sha256s(),
                        photos.uploadedBy(), event.at().atOffset(ZoneOffset.UTC))))
                .chain(() -> append(tx, caseId, event))
                .chain(() -> tx.preparedQuery("UPDATE \"case\" SET version = version + 1, updated_at = now() WHERE id = $1")
                        .execute(Tuple.of(caseId)))
                .replaceWithVoid();
    }

    /**
     * A statement that appends, for each row of {@code select}, an event: for writers that decide
     * many at once in SQL (the sweeper, group alerts). {@code with} holds the statement's common
     * table expressions (without WITH), {@code select} gives case_id, type, actor, at, payload.
     */
    public static String appendEach(String with, String select) {
        return "WITH " + with + "\n" + APPEND + select;
    }

    /** Changes the case row after an action: one version more. */
    Uni<Void> change(SqlClient tx, long caseId, Change change) {
        return tx.preparedQuery("""
                        UPDATE "case" SET status = $2, unit_id = CASE WHEN $3 THEN NULL ELSE coalesce($4, unit_id) END,
                               supervised = $5, leader = $6, version = version + 1, updated_at = now()
                         WHERE id = $1""")
                .execute(Tuple.from(Arrays.asList(caseId, change.status().code(), change.clearUnit(), change.unitId(),
                        change.supervised(), change.leader())))
                .replaceWithVoid();
    }

    /** Marks a case as merged into another. */
    Uni<Void> mergeInto(SqlClient tx, long caseId, long otherId) {
        return tx.preparedQuery("UPDATE \"case\" SET merged_into = $2 WHERE id = $1").execute(Tuple.of(caseId, otherId)).replaceWithVoid();
    }

    /** What happened to the case so far, as deadlines count it. */
    Uni<CaseHistory> history(SqlClient tx, long caseId) {
        return tx.preparedQuery("""
                        SELECT e.type, e.at, e.payload, c.received_at FROM case_event e JOIN "case" c ON c.id = e.case_id
                         WHERE e.case_id = $1 ORDER BY e.id""")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    CaseHistory history = CaseHistory.none();
                    for (Row row : rows) history = plus(history, row);
                    return history;
                });
    }

    /** Computes the case's deadlines again from its history and stores them; the deadlines as stored. */
    Uni<List<Deadline>> refreshDeadlines(SqlClient tx, long caseId, String ruleSet) {
        return history(tx, caseId).chain(history -> store(tx, caseId, sla.after(ruleSet, history)));
    }

    Uni<List<Deadline>> store(SqlClient tx, long caseId, List<Deadline> deadlines) {
        return tx.preparedQuery(StoredDeadlines.DELETE).execute(Tuple.of(caseId))
                .chain(() -> tx.preparedQuery(StoredDeadlines.insert("$1", "$2::jsonb"))
                        .execute(Tuple.of(caseId, StoredDeadlines.json(deadlines))))
                .replaceWith(deadlines);
    }

    /** The deadlines as stored, to compare with a new count. */
    Uni<List<StoredDeadlines.Stored>> storedDeadlines(SqlClient client, long caseId) {
        return stored(client, caseId, StoredDeadlines.Stored::of);
    }

    /** The deadlines as stored, for the API. */
    Uni<List<CaseView.DeadlineView>> deadlines(SqlClient client, long caseId) {
        return stored(client, caseId, StoredDeadlines::view);
    }

    private static <T> Uni<List<T>> stored(SqlClient client, long caseId, java.util.function.Function<Row, T> read) {
        return client.preparedQuery(StoredDeadlines.SELECT).execute(Tuple.of(caseId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(read).toList());
    }

    /** Tells the live relay that events were committed. */
    public void committed() {
        written.fire(CaseEventsWritten.NOW);
    }

    /** A case moved to other grids by a boundary publish, with the unit that now serves it (null: the same). */
    public record Regrid(long caseId, String[] gridCodes, Integer unitId, String actor, String payloadJson) {}

    /**
     * Moves open cases to the grids of a newly published version, in the publish's own JDBC
     * transaction, each with a GRID_CHANGED event; every other open case is marked as placed in
     * that version. The publisher calls {@link #committed()} after its commit.
     */
    public static void regrid(Connection c, List<Regrid> moves, int gridVersion) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE "case" SET county_code = ?, township_code = ?, village_code = ?, group_code = ?, base_code = ?,
                                  grid_version = ?, unit_id = coalesce(?, unit_id), version = version + 1, updated_at = now()
                 WHERE id = ?""");
             PreparedStatement event = c.prepareStatement(APPEND + "VALUES (?, 'GRID_CHANGED', ?, now(), ?::jsonb)")) {
            for (Regrid move : moves) {
                for (int i = 0; i < 5; i++) update.setString(i + 1, move.gridCodes()[i]);
                update.setInt(6, gridVersion);
                if (move.unitId() == null) update.setNull(7, java.sql.Types.INTEGER); else update.setInt(7, move.unitId());
                update.setLong(8, move.caseId());
                update.addBatch();
                event.setLong(1, move.caseId());
                event.setString(2, move.actor());
                event.setString(3, move.payloadJson());
                event.addBatch();
            }
            update.executeBatch();
            event.executeBatch();
        }
        try (PreparedStatement rest = c.prepareStatement(
                "UPDATE \"case\" SET grid_version = ? WHERE case_open(status) AND grid_version IS DISTINCT FROM ?")) {
            rest.setInt(1, gridVersion);
            rest.setInt(2, gridVersion);
            rest.executeUpdate();
        }
    }

    /**
     * Writes cases with their whole histories at once, in the caller's JDBC transaction (the demo
     * loader's): rows, events, deadlines, the sweeper's notices and the possible-duplicate links. The
     * events get their stream positions here, in time order after the highest given, and the relay's
     * published mark moves to the last: a month written before the service starts is history, read by
     * the live state at start, not news to publish. The case ids given are taken as they are.
     */
    static void copySeeded(Connection c, List<SeededCase> cases) throws SQLException {
        CopyIn.rows(c, """
                COPY "case" (id, code, channel, category, risk, title, description, reporter_name, reporter_phone, point, grid_version,
                             county_code, township_code, village_code, group_code, base_code, status, unit_id, rule_set, supervised,
                             leader, received_at, created_at, updated_at, version) FROM STDIN""", cases, k -> new Object[] {
                k.id(), k.code(), k.channel().code(), k.category().code(), k.risk().code(), k.title(), k.description(),
                k.reporterName(), k.reporterPhone(), "SRID=4326;POINT(%s %s)".formatted(k.lon(), k.lat()), k.gridVersion(),
                k.grid(GridLevel.COUNTY), k.grid(GridLevel.TOWNSHIP), k.grid(GridLevel.VILLAGE), k.grid(GridLevel.GROUP),
                k.grid(GridLevel.BASE), k.status().code(), k.unitId(), k.ruleSet(), k.supervised(),
                k.leader() == null ? null : k.leader().encode(), time(k.receivedAt()), time(k.receivedAt()), time(k.updatedAt()),
                k.version()});
        record Numbered(long caseId, int ordinal, NewEvent event) {}
        var events = new ArrayList<Numbered>();
        var deadlines = new ArrayList<Object[]>();
        var alerts = new ArrayList<Object[]>();
        var links = new ArrayList<Object[]>();
        for (SeededCase k : cases) {
            for (int i = 0; i < k.events().size(); i++) events.add(new Numbered(k.id(), i, k.events().get(i)));
            for (int i = 0; i < k.deadlines().size(); i++) deadlines.add(StoredDeadlines.row(k.id(), i, k.deadlines().get(i)));
            for (SeededCase.Alert a : k.alerts()) alerts.add(new Object[] {k.id(), a.kind(), a.level(), time(a.due()), a.n(), time(a.at())});
            for (SeededCase.Link l : k.links()) links.add(new Object[] {k.id(), l.otherId(), l.reason(), time(k.receivedAt())});
        }
        // Ids (drawn in this order) and positions both follow time; a case's own entries keep their order.
        events.sort(Comparator.comparing((Numbered n) -> n.event().at()).thenComparingLong(Numbered::caseId).thenComparingInt(Numbered::ordinal));
        long[] seq = new long[1];
        try (var rs = c.createStatement().executeQuery("SELECT coalesce(max(seq), 0) FROM case_event")) {
            rs.next();
            seq[0] = rs.getLong(1);
        }
        CopyIn.rows(c, "COPY case_event (case_id, type, actor, at, payload, seq) FROM STDIN", events, n -> new Object[] {
                n.caseId(), n.event().type(), n.event().actor(), time(n.event().at()), n.event().payload().encode(), ++seq[0]});
        CopyIn.rows(c, "COPY case_deadline (case_id, round, kind, position, started_by, due, warn_at, met_at, duty, provisional) FROM STDIN",
                deadlines, row -> row);
        CopyIn.rows(c, "COPY deadline_alert (case_id, kind, level, due, n, at) FROM STDIN", alerts, row -> row);
        CopyIn.rows(c, "COPY case_link (case_id, other_id, reason, created_at) FROM STDIN", links, row -> row);
        try (var statement = c.createStatement()) {
            statement.execute("SELECT setval(pg_get_serial_sequence('\"case\"', 'id'), (SELECT coalesce(max(id), 1) FROM \"case\"))");
            statement.execute("UPDATE stream_published SET seq = " + seq[0]);
            // The live state, the wall and the reports read these tables first thing: the planner is to know them.
            statement.execute("ANALYZE \"case\", case_event, case_deadline, deadline_alert, case_link");
        }
    }

    /**
     * An instant as a jsonb payload holds a timestamptz (jsonb_build_object in the intake and sweeper
     * statements, on a UTC session): {@code 2026-12-05T04:05:23.5+00:00}.
     */
    static String jsonTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "+00:00";
    }

    private static String time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }

    private static CaseHistory plus(CaseHistory history, Row row) {
        return plus(history, row.getString("type"), row.getOffsetDateTime("at").toInstant(), row.getJsonObject("payload"),
                row.getOffsetDateTime("received_at").toInstant());
    }

    /** One history entry as deadlines count it: a case is received when it came in, not when it was recorded. */
    static CaseHistory plus(CaseHistory history, String type, Instant at, JsonObject payload, Instant receivedAt) {
        var event = CaseAction.deadlineEventOf(type);
        if (event.isEmpty()) return history;
        return switch (event.get()) {
            case RECEIVED -> history.with(CaseEvent.RECEIVED, receivedAt);
            case EXTENDED -> history.extendedBy(payload.getInteger("days"), at);
            case LEADER_ASSIGNED -> {
                JsonObject leader = payload.getJsonObject("leader");
                // Cases led before the date was required have no 包案 deadline.
                yield leader == null || leader.getString("deadline") == null ? history
                        : history.ledUntil(LocalDate.parse(leader.getString("deadline")), at);
            }
            default -> history.with(event.get(), at);
        };
    }
}
