package org.gridcc.live;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.gridcc.common.ServiceClock;

/**
 * A committed case event at its place in the stream, with the case as it stood once the event
 * was committed: what the {@code case-events} channel carries. Folding {@code after} into the
 * live state is idempotent, so a replayed event does no harm.
 */
public record StreamEvent(long seq, String type, Instant at, LiveCase after) {

    /** What a screen shows of the event: no names, phones or words of the people involved; the place as counted. */
    public Ticker ticker() {
        // To the millisecond: a screen shows seconds, and every digit goes to every wall.
        return new Ticker(seq, after.code(), type, after.grid(), ServiceClock.local(at.truncatedTo(ChronoUnit.MILLIS)), after.category());
    }

    /** An event as screens show it; gridCode is where the case is counted ({@link org.gridcc.cases.CasePlace}). */
    public record Ticker(long seq, String caseCode, String type, String gridCode, OffsetDateTime at, String category) {}

    static StreamEvent of(Row row) {
        return new StreamEvent(row.getLong("seq"), row.getString("type"), row.getOffsetDateTime("at").toInstant(), LiveCase.of(row));
    }
}
