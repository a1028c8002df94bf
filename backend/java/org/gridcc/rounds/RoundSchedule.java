package org.gridcc.rounds;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.grid.GridLevel;

/** The schedule of rounds per level (the one writer of {@code round_schedule}), as data an admin changes. */
@ApplicationScoped
public class RoundSchedule {

    public record Entry(GridLevel level, String levelName, RoundEvery every, String rule) {
        static Entry of(GridLevel level, RoundEvery every) {
            return new Entry(level, RoundLevel.chinese(level), every, RoundLevel.chinese(level) + every.chinese());
        }
    }

    private final Pool pool;

    public RoundSchedule(Pool pool) {
        this.pool = pool;
    }

    /** The levels with rounds due, coarsest first. */
    public Uni<List<Entry>> entries() {
        return pool.query("SELECT level, every FROM round_schedule").execute().map(rows -> {
            var entries = new ArrayList<Entry>();
            for (Row r : rows) {
                entries.add(Entry.of(GridLevel.of(r.getString("level")).orElseThrow(), RoundEvery.of(r.getString("every")).orElseThrow()));
            }
            entries.sort((a, b) -> a.level().compareTo(b.level()));
            return entries;
        });
    }

    public Uni<Entry> set(GridLevel level, RoundEvery every) {
        return pool.preparedQuery("""
                        INSERT INTO round_schedule (level, every, demo, changed_at) VALUES ($1, $2, false, now())
                        ON CONFLICT (level) DO UPDATE SET every = EXCLUDED.every, demo = false, changed_at = now()""")
                .execute(Tuple.of(level.code(), every.code())).map(done -> Entry.of(level, every));
    }

    /** A level no longer screened on a schedule: no rounds are due there from now on. */
    public Uni<Boolean> remove(GridLevel level) {
        return pool.preparedQuery("DELETE FROM round_schedule WHERE level = $1").execute(Tuple.of(level.code()))
                .map(rows -> rows.rowCount() > 0);
    }
}
