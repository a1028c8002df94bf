package org.gridcc.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch or a shared load completes on one context; each caller must go on on its own. */
class CallerContextTests {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAnswerCompletedOnAnotherContextReachesTheCallerOnItsOwn() throws Exception {
        // As two requests have: a context each, duplicates of their event loop's.
        Context loop = vertx.getOrCreateContext();
        Context caller = VertxContext.createNewDuplicatedContext(loop);
        Context writer = VertxContext.createNewDuplicatedContext(loop);
        var value = new CompletableFuture<String>();
        var answeredOn = new CompletableFuture<Context>();
        caller.runOnContext(ignored -> CallerContext.resumedHere(Uni.createFrom().completionStage(value))
                .subscribe().with(item -> answeredOn.complete(Vertx.currentContext())));
        writer.runOnContext(ignored -> value.complete("written"));

        assertThat(answeredOn.get(10, TimeUnit.SECONDS)).isSameAs(caller);
    }

    @Test
    void anAnswerAlreadyOnTheCallersContextGoesOnAtOnce() throws Exception {
        Context caller = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        List<String> order = new CopyOnWriteArrayList<>();
        var done = new CompletableFuture<Void>();
        caller.runOnContext(ignored -> {
            CallerContext.resumedHere(Uni.createFrom().item("kept")).subscribe().with(item -> order.add("answered"));
            order.add("subscribed");
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);

        assertThat(order).containsExactly("answered", "subscribed");
    }
}
