package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.gridcc.access.Caller;
import org.gridcc.cases.media.MediaConfig;
import org.gridcc.cases.media.Photos;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;

/**
 * Photos added to a case after intake (the unit's photos of the site, of the work done): by whoever
 * may act on the case, while it is open, up to {@code gridcc.media.max-per-case} photos in all.
 * Each addition is a MEDIA_ADDED event; photos are only ever added, never replaced.
 */
@ApplicationScoped
public class CasePhotoAdditions {

    static final String EVENT = "MEDIA_ADDED";

    private final Pool pool;
    private final CaseRecord record;
    private final CaseReader reader;
    private final ServiceClock clock;
    private final MediaConfig config;

    public CasePhotoAdditions(Pool pool, CaseRecord record, CaseReader reader, ServiceClock clock, MediaConfig config) {
        this.pool = pool;
        this.record = record;
        this.reader = reader;
        this.clock = clock;
        this.config = config;
    }

    /** Adds the photos as the caller; the case as it is then. */
    public Uni<CaseView> add(String typedCode, Photos photos, Caller caller) {
        String code = CaseCode.parse(typedCode).text();
        if (photos.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "Attach the photos to add as file parts named \"media\".",
                    List.of(new FieldError("media", "missing")));
        }
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                SELECT c.id, c.status, u.code AS unit_code,
                                       coalesce(c.base_code, c.group_code, c.village_code, c.township_code, c.county_code) AS grid,
                                       (SELECT coalesce(max(m.ordinal), 0) FROM case_media m WHERE m.case_id = c.id) AS last
                                  FROM "case" c LEFT JOIN unit u ON u.id = c.unit_id WHERE c.code = $1 FOR UPDATE OF c""")
                        .execute(Tuple.of(code))
                        .chain(rows -> {
                            if (rows.size() == 0) throw ProblemException.notFound("No case has code %s.".formatted(code));
                            Row row = rows.iterator().next();
                            if (!caller.seesCase(row.getString("grid"), row.getString("unit_code"))) throw CaseActions.outsideScope(code, caller);
                            CaseStatus status = CaseStatus.ofCode(row.getString("status"));
                            if (!status.isOpen()) {
                                throw new ProblemException(ProblemType.CONFLICT, "Case %s is closed (%s); photos are added to open cases."
                                        .formatted(code, status.code()));
                            }
                            int last = row.getInteger("last");
                            if (last + photos.each().size() > config.maxPerCase()) {
                                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                                        "Case %s has %d photos; a case keeps at most %d (gridcc.media.max-per-case), so %d more fit."
                                                .formatted(code, last, config.maxPerCase(), Math.max(0, config.maxPerCase() - last)),
                                        List.of(new FieldError("media", "at most %d photos in all".formatted(config.maxPerCase()))),
                                        Map.of("maxPerCase", config.maxPerCase()));
                            }
                            var event = new CaseRecord.NewEvent(EVENT, caller.actorName(), clock.now(),
                                    new JsonObject().put("media", photos.described(last + 1)));
                            return record.attach(tx, row.getLong("id"), photos, last + 1, event);
                        }))
                .invoke(record::committed)
                .chain(() -> reader.view(code));
    }
}
