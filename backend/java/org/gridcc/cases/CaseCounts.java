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

    /**
     * Open cases counted in the grid's subtree that the caller may see (a handler: of its unit); a
     * confidential case counts at its county only. Null for an officer's grid beside its own: a
     * zero there would say nothing is open.
     */
    @Override
    public Uni<Long> openIn(String gridCode, Caller caller) {
        if (!CaseScope.covers(caller, gridCode)) return Uni.createFrom().nullItem();
        var args = new ArrayList<Object>(List.of(gridCode, Categories.confidentialCodes()));
        String scope = CaseScope.condition(caller, args);
        return pool.preparedQuery("SELECT count(*) FROM \"case\" c WHERE case_open(c.status) AND %s AND %s"
                        .formatted(CasePlace.countedIn(1, 2), scope))
                .execute(Tuple.from(args))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
