package org.gridcc.live;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads numbered events back from the database with their cases as they stand now: what the relay
 * publishes again after a node died between numbering and publishing, and what a node folds when
 * the channel skipped positions (it joined the topic late). A case's state read now is at least as
 * new as the one its event was published with, and later events of the case carry newer ones still.
 */
final class StreamReader {

    private static final String EVENTS = "SELECT e.seq, e.type, e.at, l.* FROM case_event e JOIN case_live l ON l.id = e.case_id ";
    private static final String BETWEEN = EVENTS + "WHERE e.seq > $1 AND e.seq < $2 ORDER BY e.seq LIMIT $3";
    private static final String UNPUBLISHED = EVENTS + "WHERE e.seq > (SELECT seq FROM stream_published) ORDER BY e.seq LIMIT $1";

    private StreamReader() {}

    /** The events at positions in (after, before), at most {@code limit}, in stream order. */
    static Uni<List<StreamEvent>> between(SqlClient client, long after, long before, int limit) {
        return client.preparedQuery(BETWEEN).execute(Tuple.of(after, before, limit)).map(StreamReader::events);
    }

    /** The events above the published mark, at most {@code limit}, in stream order. */
    static Uni<List<StreamEvent>> unpublished(SqlClient client, int limit) {
        return client.preparedQuery(UNPUBLISHED).execute(Tuple.of(limit)).map(StreamReader::events);
    }

    private static List<StreamEvent> events(RowSet<Row> rows) {
        var events = new ArrayList<StreamEvent>(rows.size());
        for (Row row : rows) events.add(StreamEvent.of(row));
        return events;
    }
}
