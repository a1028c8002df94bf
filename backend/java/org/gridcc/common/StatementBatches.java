package org.gridcc.common;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One statement run for many callers that arrive together, stored together: while a few batches
 * are being written, new calls wait and go as the next batch, pipelined in one round trip and one
 * implicit transaction, so one commit (one WAL flush) for all of them. A lone call goes at once.
 * Each caller is answered only when its batch has committed; a batch that fails is written again
 * call by call, so that one bad call fails alone. (Case intake and the audit trail.)
 */
public final class StatementBatches {

    private static final int MAX_BATCH = 64;
    private static final int MAX_WRITING = 4;

    private record Waiting(Tuple params, UniEmitter<? super Row> answer) {}

    private final Pool pool;
    private final String sql;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writing = new AtomicInteger();

    public StatementBatches(Pool pool, String sql) {
        this.pool = pool;
        this.sql = sql;
    }

    /** Runs the statement with these parameters; its first row (null when it returns none) once committed. */
    public Uni<Row> execute(Tuple params) {
        // A batch completes on the context of the call that wrote it: each caller goes on on its own.
        return CallerContext.resumedHere(Uni.createFrom().emitter(answer -> {
            waiting.add(new Waiting(params, answer));
            writeNext();
        }));
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
        pool.preparedQuery(sql).executeBatch(batch.stream().map(Waiting::params).toList()).subscribe().with(result -> {
            RowSet<Row> rows = result;
            for (Waiting each : batch) {
                each.answer().complete(first(rows));
                rows = rows.next();
            }
            finished();
        }, failure -> {
            if (batch.size() == 1) {
                batch.get(0).answer().fail(failure);
            } else {
                for (Waiting each : batch) {
                    pool.preparedQuery(sql).execute(each.params()).subscribe()
                            .with(rows -> each.answer().complete(first(rows)), each.answer()::fail);
                }
            }
            finished();
        });
    }

    private static Row first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? iterator.next() : null;
    }

    private void finished() {
        writing.decrementAndGet();
        writeNext();
    }
}
