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

    private static final String BETWEEN = statement("seq > $1 AND seq < $2", "$3");
    private static final String UNPUBLISHED = statement("seq > (SELECT seq FROM stream_published)", "$1");

    private StreamReader() {}

    /**
     * The events that match, in stream order, each with its case looked up in case_live by id. Per
     * event, by construction (OFFSET 0 keeps the lookup from being merged into a join): joined, the
     * planner cannot know how many events lie above a position, guesses a third of the stream, and
     * works out the deadline states of every case in the county to join a round's few events
     * (6 ms a relay round at the demo county's 10,000 deadlines, growing with them; 0.5 ms now).
     */
    private static String statement(String where, String limit) {
        return "SELECT e.seq, e.type, e.at, l.* FROM (SELECT seq, type, at, case_id FROM case_event WHERE " + where
                + " ORDER BY seq LIMIT " + limit + ") e CROSS JOIN LATERAL (SELECT * FROM case_live WHERE id = e.case_id OFFSET 0) l"
                + " ORDER BY e.seq";
    }

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
