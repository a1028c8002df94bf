package org.gridcc.common;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Answers a caller on its own Vert.x context. A value loaded or a batch written for several
 * requests completes on the context of whichever started it; each request goes on on its own
 * (its event loop, and what Quarkus keeps for it there), at once when it is already there.
 */
public final class CallerContext {

    private CallerContext() {}

    /** The answer, emitted on the context of whoever subscribes to it (as it comes, when there is none). */
    public static <T> Uni<T> resumedHere(Uni<T> answer) {
        return Uni.createFrom().deferred(() -> {
            Context here = Vertx.currentContext();
            if (here == null) return answer;
            return answer.emitOn(task -> {
                if (Vertx.currentContext() == here) task.run();
                else here.runOnContext(ignored -> task.run());
            });
        });
    }
}
