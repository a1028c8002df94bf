package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** How many cases are open in a grid, for the grid pages; the case workflow owns what "open" means. */
@ApplicationScoped
public class CaseCounts {

    private final Pool pool;

    public CaseCounts(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> openIn(String gridCode) {
        return pool.preparedQuery("""
                        SELECT count(*) FROM "case"
                         WHERE status NOT IN %s
                           AND $1 IN (county_code, township_code, village_code, group_code, base_code)""".formatted(CaseAction.CLOSED_STATES_SQL))
                .execute(Tuple.of(gridCode))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
