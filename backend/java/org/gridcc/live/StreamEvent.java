package org.gridcc.live;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.gridcc.cases.Categories;
import org.gridcc.cases.Category;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridLevel;

/**
 * A committed case event at its place in the stream, with the case as it stood once the event
 * was committed: what the {@code case-events} channel carries. Folding {@code after} into the
 * live state is idempotent, so a replayed event does no harm.
 */
public record StreamEvent(long seq, String type, Instant at, LiveCase after) {

    /** What a screen shows of the event: no names, phones or words of the people involved. */
    public Ticker ticker() {
        return Ticker.of(seq, after.code(), type, after.grid(), ServiceClock.local(at), after.category());
    }

    public record Ticker(long seq, String caseCode, String type, String gridCode, OffsetDateTime at, String category) {

        /**
         * A confidential case (检举控告) is placed at its county only: on a wall, a report against an
         * official flashing over one village could point at who made it.
         */
        static Ticker of(long seq, String caseCode, String type, String gridCode, OffsetDateTime at, String category) {
            boolean confidential = Categories.of(category).map(Category::confidential).orElse(false);
            String shown = confidential && gridCode != null ? gridCode.substring(0, GridLevel.COUNTY.codeLength()) : gridCode;
            return new Ticker(seq, caseCode, type, shown, at, category);
        }
    }

    static StreamEvent of(Row row) {
        return new StreamEvent(row.getLong("seq"), row.getString("type"), row.getOffsetDateTime("at").toInstant(), LiveCase.of(row));
    }
}
