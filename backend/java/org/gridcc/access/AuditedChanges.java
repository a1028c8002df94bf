package org.gridcc.access;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Map;
import java.util.Set;
import org.gridcc.access.AuditTrail.Outcome;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every change a signed-in caller asks for goes into the audit trail with its answer: uploads,
 * publishes and rollbacks, calendar edits, user and token changes, and every refused or failed
 * case intake or action (the accepted ones are in the case history). Sign-in and sign-out write
 * their own entries; Open311 posts are in the case history under their channel.
 */
public class AuditedChanges {

    private static final Logger LOG = Logger.getLogger(AuditedChanges.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final CurrentIdentityAssociation identities;
    private final AuditTrail audit;

    public AuditedChanges(CurrentIdentityAssociation identities, AuditTrail audit) {
        this.identities = identities;
        this.audit = audit;
    }

    /**
     * Null when there is nothing to record, as for every read: RESTEasy Reactive then goes on at
     * once, where even a resolved Uni has it suspend the request and resume it.
     */
    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        if (!CHANGES.contains(request.getMethod())) return null;
        String path = RequestPath.of(request);
        if (path.startsWith("/api/session") || path.startsWith("/open311/")) return null;
        int status = response.getStatus();
        Outcome outcome = status < 400 ? Outcome.OK : status < 500 ? Outcome.REFUSED : Outcome.FAILED;
        // A case taken in or acted on is in its history, written in the change's own transaction and
        // naming the user: the trail adds what was refused or failed there, not a second copy.
        if (outcome == Outcome.OK && path.startsWith("/api/cases")) return null;
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .chain(identity -> {
                    Caller caller = identity == null ? null : identity.getAttribute(Caller.ATTRIBUTE);
                    if (caller == null) return Uni.createFrom().voidItem();
                    return audit.record(caller, request.getMethod() + " " + path, path, outcome, SessionAddress.of(http), Map.of("status", status));
                })
                .onFailure().invoke(e -> LOG.errorf(e, "Could not write the audit entry of %s %s", request.getMethod(), path))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
