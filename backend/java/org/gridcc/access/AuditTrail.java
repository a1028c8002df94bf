package org.gridcc.access;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.gridcc.common.StatementBatches;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes the audit trail (append-only: the table refuses updates and deletes). Entries that guard
 * personal data (unmasked reads) are written before the data leaves; the caller waits for them.
 */
@ApplicationScoped
public class AuditTrail {

    public enum Outcome { OK, REFUSED, FAILED }

    /** Entries that come together are written together: one commit, not one per change. */
    private final StatementBatches entries;

    public AuditTrail(Pool pool) {
        this.entries = new StatementBatches(pool, """
                INSERT INTO audit_entry (at, actor, role, action, target, outcome, address, detail)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""");
    }

    /** An entry for a signed-in caller. */
    public Uni<Void> record(Caller caller, String action, String target, Outcome outcome, String address, Map<String, Object> detail) {
        return record(caller.username(), caller.role().code(), action, target, outcome, address, detail);
    }

    /** An entry for someone not signed in (a failed sign-in names the user it tried). */
    public Uni<Void> record(String actor, String role, String action, String target, Outcome outcome, String address,
                            Map<String, Object> detail) {
        return entries.execute(Tuple.from(java.util.Arrays.asList(Instant.now().atOffset(ZoneOffset.UTC), actor, role, action, target,
                        outcome.name().toLowerCase(), address, new JsonObject(detail))))
                .replaceWithVoid();
    }
}
