package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.access.Caller;
import org.gridcc.grid.OpenCaseCounts;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** How many cases are open in a grid, for the grid pages; the case workflow owns what "open" means. */
@ApplicationScoped
public class CaseCounts implements OpenCaseCounts {

    private final Pool pool;

    public CaseCounts(Pool pool) {
        this.pool = pool;
    }

    /** Open cases in the grid's subtree that the caller may see (an officer: of its own subtree; a handler: of its unit). */
    @Override
    public Uni<Long> openIn(String gridCode, Caller caller) {
        var args = new ArrayList<Object>(List.of(gridCode));
        String scope = CaseScope.condition(caller, args);
        return pool.preparedQuery("""
                        SELECT count(*) FROM "case" c
                         WHERE case_open(c.status)
                           AND $1 IN (c.county_code, c.township_code, c.village_code, c.group_code, c.base_code) AND %s"""
                        .formatted(scope))
                .execute(Tuple.from(args))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
