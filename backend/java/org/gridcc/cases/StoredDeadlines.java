package org.gridcc.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.ZoneOffset;
import java.util.List;
import org.gridcc.common.ServiceClock;
import org.gridcc.sla.Deadline;

/**
 * How a case's deadlines are stored (table {@code case_deadline}, one row per round and kind) and
 * read back for the API: the one place that knows the columns. SQL that asks whether a case is
 * warned or overdue reads the view {@code case_live}, which is defined on these columns.
 */
final class StoredDeadlines {

    /** Replaces nothing: writes the rows given as a JSON array ({@link #json}) for the case whose id is {@code caseId}. */
    static String insert(String caseId, String json) {
        return """
                INSERT INTO case_deadline (case_id, round, kind, position, started_by, due, warn_at, met_at, duty, provisional)
                SELECT %s, d.round, d.kind, d.position, d.started_by, d.due, d.warn_at, d.met_at, d.duty, d.provisional
                  FROM jsonb_to_recordset(%s) AS d(round integer, kind text, position integer, started_by text, due timestamptz,
                                                   warn_at timestamptz, met_at timestamptz, duty boolean, provisional boolean)"""
                .formatted(caseId, json);
    }

    static final String DELETE = "DELETE FROM case_deadline WHERE case_id = $1";

    /** With each deadline's state as every reader sees it (the view case_deadline_state). */
    static final String SELECT = """
            SELECT round, kind, due, warn_at, met_at, provisional, state FROM case_deadline_state WHERE case_id = $1
             ORDER BY round, position""";

    /** A deadline as stored, for comparing with a new count. */
    record Stored(int round, String kind, java.time.Instant due, java.time.Instant warnAt, boolean provisional) {
        static Stored of(Row row) {
            return new Stored(row.getInteger("round"), row.getString("kind"), row.getOffsetDateTime("due").toInstant(),
                    row.getOffsetDateTime("warn_at").toInstant(), row.getBoolean("provisional"));
        }
    }

    private StoredDeadlines() {}

    /** The rows to store, in the calculator's order. */
    static JsonArray json(List<Deadline> deadlines) {
        var rows = new JsonArray();
        for (int i = 0; i < deadlines.size(); i++) {
            Deadline d = deadlines.get(i);
            rows.add(new JsonObject().put("round", d.round()).put("kind", d.kind().name()).put("position", i)
                    .put("started_by", d.startedBy().name()).put("due", text(d.due())).put("warn_at", text(d.warnAt()))
                    .put("met_at", d.metAt() == null ? null : text(d.metAt())).put("duty", !d.kind().isOption())
                    .put("provisional", d.provisional()));
        }
        return rows;
    }

    /** The columns of {@link #insert} for one deadline at its position, for writers that COPY (CaseRecord.copySeeded). */
    static Object[] row(long caseId, int position, Deadline d) {
        return new Object[] {caseId, d.round(), d.kind().name(), position, d.startedBy().name(), text(d.due()), text(d.warnAt()),
                d.metAt() == null ? null : text(d.metAt()), !d.kind().isOption(), d.provisional()};
    }

    /**
     * A deadline of a case just taken in: only receipt has happened, which meets none, and the
     * sweeper has recorded nothing of it yet, so it is open (the state the view would give).
     */
    static CaseView.DeadlineView taken(Deadline d) {
        return new CaseView.DeadlineView(d.kind().name(), d.round(), ServiceClock.local(d.due()), ServiceClock.local(d.warnAt()),
                null, "open", d.provisional());
    }

    static CaseView.DeadlineView view(Row row) {
        return new CaseView.DeadlineView(row.getString("kind"), row.getInteger("round"), local(row, "due"), local(row, "warn_at"),
                local(row, "met_at"), row.getString("state"), row.getBoolean("provisional"));
    }

    private static java.time.OffsetDateTime local(Row row, String column) {
        return ServiceClock.local(row.getOffsetDateTime(column));
    }

    private static String text(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }
}
