package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Serial numbers for case codes, taken from the database sequence a block at a time: one round
 * trip per hundred cases instead of one per case. Numbers of a block not used before a restart
 * are skipped; a code only has to be unique, not dense.
 */
@ApplicationScoped
public class CaseSerials {

    private static final int BLOCK = 100;

    private final Pool pool;
    private final Queue<Long> spare = new ConcurrentLinkedQueue<>();

    public CaseSerials(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> next() {
        Long serial = spare.poll();
        if (serial != null) return Uni.createFrom().item(serial);
        return pool.preparedQuery("SELECT nextval('case_serial') FROM generate_series(1, $1)").execute(Tuple.of(BLOCK))
                .map(rows -> {
                    Long first = null;
                    for (Row row : rows) {
                        if (first == null) first = row.getLong(0);
                        else spare.add(row.getLong(0));
                    }
                    return first;
                });
    }
}
