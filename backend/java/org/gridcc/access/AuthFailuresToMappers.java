package org.gridcc.access;

import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.BiConsumer;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A failed sign-in fails the request, so that {@link AccessProblems} answers it as problem+json.
 * Quarkus REST arranges the same on every request (a filter right after authentication swaps the
 * default failure handler for one that fails the request), but with the HTTP metrics on, that
 * filter also works out the request's path template by building a mapper of every resource class,
 * per request: 12.8 % of the CPU of a cached tile. The swap is made here first, so its filter
 * finds nothing to do; the metrics still take a matched request's template from its resource
 * method, and a failed sign-in's from Quarkus REST's failure handler. Like Quarkus REST's, the
 * swapped handler is taken back from a request that Quarkus REST takes: it answers a failure there
 * itself, and the response would otherwise be attempted twice.
 */
@ApplicationScoped
class AuthFailuresToMappers {

    private static final BiConsumer<RoutingContext, Throwable> FAIL_THE_REQUEST = (context, failure) -> {
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
        if (!context.failed()) context.fail(DefaultAuthFailureHandler.extractRootCause(failure));
    };

    /** Right after authentication's filter, and before Quarkus REST's (one lower in priority, so at this order too, added later). */
    void routes(@Observes Router router) {
        router.route().order(-(SecurityHandlerPriorities.AUTHENTICATION - 1)).handler(context -> {
            if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
                context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAIL_THE_REQUEST);
            }
            context.next();
        });
    }

    /** First of all filters: a sign-in checked from here on fails inside Quarkus REST, which answers it. */
    @ServerRequestFilter(preMatching = true, priority = Integer.MIN_VALUE)
    void restAnswersItsOwnFailures(RoutingContext context) {
        if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) == FAIL_THE_REQUEST) context.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
    }
}
