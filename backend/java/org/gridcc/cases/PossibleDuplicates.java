package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Links a new case to open cases that look like the same matter: the same category near in
 * place and time (the category's radius and window), or the same reporter within 30 days
 * (a repeat petition, 重复信访). The centre decides; nothing is merged by itself.
 */
@ApplicationScoped
public class PossibleDuplicates {

    static final int SAME_REPORTER_DAYS = 30;
    /** At most this many links, the nearest in time first: enough for the centre to see a pattern. */
    private static final int MAX_LINKS = 10;

    /** Links the case in the caller's transaction; the codes of the cases it was linked to. */
    public Uni<List<String>> link(SqlConnection tx, long caseId, Category category, Double lon, Double lat, String phone,
                                  Instant receivedAt) {
        return tx.preparedQuery("""
                        WITH p AS (SELECT CASE WHEN $3::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($3, $4), 4326) END AS pt),
                        -- Two searches, each on its own index (an OR of the two would scan every open case).
                        candidates AS (
                            SELECT o.id, o.code, o.received_at, 'nearby' AS reason
                              FROM "case" o, p
                             WHERE p.pt IS NOT NULL
                               -- the box first (GiST), then the distance on the sphere
                               AND o.point && ST_Expand(p.pt, $6 / 90000.0)
                               AND ST_DWithin(o.point::geography, p.pt::geography, $6)
                               AND o.category = $2 AND o.received_at > $7::timestamptz - make_interval(hours => $8)
                               AND o.id <> $1 AND o.status NOT IN %1$s
                            UNION ALL
                            SELECT o.id, o.code, o.received_at, 'same_reporter'
                              FROM "case" o
                             WHERE $5::text IS NOT NULL AND o.reporter_phone = $5
                               AND o.received_at > $7::timestamptz - make_interval(days => $9)
                               AND o.id <> $1 AND o.status NOT IN %1$s),
                        found AS (
                            SELECT * FROM (SELECT DISTINCT ON (id) * FROM candidates ORDER BY id, reason = 'same_reporter' DESC) c
                             ORDER BY abs(extract(epoch FROM received_at - $7::timestamptz))
                             LIMIT $10),
                        linked AS (INSERT INTO case_link (case_id, other_id, reason) SELECT $1, id, reason FROM found RETURNING other_id)
                        SELECT code FROM found ORDER BY code""".formatted(CaseAction.CLOSED_STATES_SQL))
                .execute(Tuple.from(Arrays.asList(caseId, category.code(), lon, lat, phone, (double) category.duplicateRadiusMetres(),
                        receivedAt.atOffset(ZoneOffset.UTC), category.duplicateWindowHours(), SAME_REPORTER_DAYS, MAX_LINKS)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(r -> r.getString("code")).toList());
    }
}
