package org.gridcc.live;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.cases.CasePlace;
import org.gridcc.common.ServiceClock;

/** The stream's events after a position, from memory when it still holds them, else from the database. */
@ApplicationScoped
public class EventHistory {

    public static final int MAX_PAGE = 1000;

    private final Pool pool;
    private final LiveState state;

    public EventHistory(Pool pool, LiveState state) {
        this.pool = pool;
        this.state = state;
    }

    /** Events in (after, upTo], at most {@code limit}, in stream order. */
    public Uni<List<StreamEvent.Ticker>> between(long after, long upTo, int limit) {
        var inMemory = state.recentEvents(after, upTo);
        if (inMemory.isPresent()) {
            List<StreamEvent.Ticker> events = inMemory.get();
            return Uni.createFrom().item(events.subList(0, Math.min(limit, events.size())));
        }
        return pool.preparedQuery("""
                        SELECT e.seq, c.code, e.type, e.at, c.category,
                               coalesce(c.base_code, c.group_code, c.village_code, c.township_code, c.county_code) AS grid_code
                          FROM case_event e JOIN "case" c ON c.id = e.case_id
                         WHERE e.seq > $1 AND e.seq <= $2 ORDER BY e.seq LIMIT $3""")
                .execute(Tuple.of(after, upTo, limit))
                .map(rows -> {
                    var events = new ArrayList<StreamEvent.Ticker>(rows.size());
                    for (Row row : rows) {
                        String category = row.getString("category");
                        events.add(new StreamEvent.Ticker(row.getLong("seq"), row.getString("code"), row.getString("type"),
                                CasePlace.shown(category, row.getString("grid_code")), ServiceClock.local(row.getOffsetDateTime("at")),
                                category));
                    }
                    return events;
                });
    }

    public long head() {
        return state.seq();
    }
}
