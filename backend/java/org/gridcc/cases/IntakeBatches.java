package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridcc.common.SqlFiles;

/**
 * Cases that arrive together are stored together. While a few batches are being written, new
 * cases wait and go as the next batch: the intake statement once per case, pipelined in one
 * round trip and one implicit transaction, so one commit (one WAL flush) for all of them. A lone
 * case goes at once. Each case is answered only when its batch has committed; a batch that fails
 * is written again case by case, so that one bad case fails alone.
 */
@ApplicationScoped
public class IntakeBatches {

    private static final String INSERT = SqlFiles.read("case-intake.sql");
    private static final int MAX_BATCH = 64;
    private static final int MAX_WRITING = 4;

    private record Waiting(Tuple params, UniEmitter<? super Row> answer) {}

    private final Pool pool;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writing = new AtomicInteger();

    public IntakeBatches(Pool pool) {
        this.pool = pool;
    }

    /** Stores one case (the parameters of case-intake.sql); the statement's row once committed. */
    Uni<Row> insert(Tuple params) {
        return Uni.createFrom().emitter(answer -> {
            waiting.add(new Waiting(params, answer));
            writeNext();
        });
    }

    private void writeNext() {
        while (!waiting.isEmpty()) {
            int now = writing.get();
            if (now >= MAX_WRITING) return;
            if (!writing.compareAndSet(now, now + 1)) continue;
            List<Waiting> batch = new ArrayList<>();
            for (Waiting next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) batch.add(next);
            if (batch.isEmpty()) {
                writing.decrementAndGet();
                continue;
            }
            write(batch);
        }
    }

    private void write(List<Waiting> batch) {
        pool.preparedQuery(INSERT).executeBatch(batch.stream().map(Waiting::params).toList()).subscribe().with(result -> {
            RowSet<Row> rows = result;
            for (Waiting each : batch) {
                each.answer().complete(rows.iterator().next());
                rows = rows.next();
            }
            finished();
        }, failure -> {
            if (batch.size() == 1) {
                batch.get(0).answer().fail(failure);
            } else {
                for (Waiting each : batch) {
                    pool.preparedQuery(INSERT).execute(each.params()).subscribe()
                            .with(rows -> each.answer().complete(rows.iterator().next()), each.answer()::fail);
                }
            }
            finished();
        });
    }

    private void finished() {
        writing.decrementAndGet();
        writeNext();
    }
}
