package org.gridcc.cases.open311;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.gridcc.cases.CaseAction;
import org.gridcc.cases.CaseStatus;

/**
 * GET servicerequestupdates: from the history of the listed cases, the entries that change a
 * case's state, each told as the state it reached. Other entries (notes, supervision, deadline
 * warnings) are the centre's own and are not published; nor is who acted or what they wrote.
 */
@ApplicationScoped
class Open311Updates {

    private static final Map<String, CaseStatus> STATES_REACHED = CaseAction.statesReached();

    private static final String SELECT = """
            SELECT e.id, e.type, e.at, c.code
              FROM case_event e JOIN "case" c ON c.id = e.case_id
             WHERE %s AND e.type = ANY($2) AND e.at >= $3 AND e.at <= $4
             ORDER BY e.id LIMIT $5 OFFSET $6""".formatted(ListedCases.condition(1));

    private final Pool pool;

    Open311Updates(Pool pool) {
        this.pool = pool;
    }

    /** One page of the updates in the span, the oldest first (by update_id, so that pages do not shift as updates are added). */
    Uni<List<RequestUpdate>> find(UpdateQuery query) {
        return pool.preparedQuery(SELECT)
                .execute(Tuple.of(ListedCases.HIDDEN_CATEGORIES, STATES_REACHED.keySet().toArray(String[]::new),
                        query.span().start().atOffset(ZoneOffset.UTC), query.span().end().atOffset(ZoneOffset.UTC),
                        query.pageSize(), query.offset()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Open311Updates::toUpdate).toList());
    }

    private static RequestUpdate toUpdate(Row row) {
        CaseStatus reached = STATES_REACHED.get(row.getString("type"));
        return new RequestUpdate(String.valueOf(row.getLong("id")), row.getString("code"), Open311Status.of(reached),
                W3Time.format(row.getOffsetDateTime("at").toInstant()), Open311Status.note(reached), null);
    }
}
