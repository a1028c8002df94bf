package org.gridcc.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.QueryValues;
import org.gridcc.common.ServiceClock;

/** The audit trail, newest first, for administrators. */
@Path("/api/audit")
@PersonalData
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Access")
public class AuditResource {

    public record Entry(long id, OffsetDateTime at, String actor, String role, String action, String target, String outcome,
                        String address, JsonNode detail) {}

    /** A page of entries; ask again with {@code before=next} for older ones (null: no more). */
    public record Page(List<Entry> entries, Long next) {}

    private final Pool pool;
    private final ObjectMapper json;

    public AuditResource(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    @GET
    @Operation(summary = "Audit entries, newest first",
            description = "actor (user name), action (e.g. login, case.unmasked, or a change such as \"POST /api/boundaries/drafts/7/publish\"; "
                    + "a prefix ending in * matches more), outcome (ok, refused, failed), from/to (ISO-8601 with offset), "
                    + "before (an entry id: older ones), limit (1 to 500, default 100).")
    public Uni<Page> entries(@QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("outcome") String outcome,
                             @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("before") String before,
                             @QueryParam("limit") String limit) {
        var errors = new ArrayList<FieldError>();
        OffsetDateTime since = QueryValues.time("from", from, errors), until = QueryValues.time("to", to, errors);
        Long older = QueryValues.wholeNumber("before", before, null, 1, Long.MAX_VALUE, errors);
        int size = QueryValues.wholeNumber("limit", limit, 100L, 1, 500, errors).intValue();
        if (outcome != null && !outcome.matches("ok|refused|failed")) errors.add(new FieldError("outcome", "ok, refused or failed"));
        QueryValues.refuseIfAny(errors);
        String pattern = action == null ? null : action.endsWith("*")
                ? literal(action.substring(0, action.length() - 1)) + "%" : literal(action);
        return pool.preparedQuery("""
                        SELECT id, at, actor, role, action, target, outcome, address, detail FROM audit_entry
                        WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR action LIKE $2)
                          AND ($3::text IS NULL OR outcome = $3) AND ($4::timestamptz IS NULL OR at >= $4)
                          AND ($5::timestamptz IS NULL OR at < $5) AND ($6::bigint IS NULL OR id < $6)
                        ORDER BY id DESC LIMIT $7""")
                .execute(Tuple.from(Arrays.asList(actor, pattern, outcome, since, until, older, size + 1)))
                .map(rows -> {
                    var entries = new ArrayList<Entry>();
                    for (Row row : rows) entries.add(entry(row));
                    Long next = entries.size() > size ? entries.get(size - 1).id() : null;
                    return new Page(entries.size() > size ? entries.subList(0, size) : entries, next);
                });
    }

    /** The text as a LIKE pattern matching itself only. */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Entry entry(Row row) {
        try {
            return new Entry(row.getLong("id"), ServiceClock.local(row.getOffsetDateTime("at")), row.getString("actor"),
                    row.getString("role"), row.getString("action"), row.getString("target"), row.getString("outcome"),
                    row.getString("address"), json.readTree(row.getJsonObject("detail").encode()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("audit detail is JSON by its column type", e);
        }
    }
}
