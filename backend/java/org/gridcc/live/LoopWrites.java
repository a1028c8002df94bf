package org.gridcc.live;

import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Frames gathered for clients, then written on each client's own event loop: the loop that owns a
 * socket writes to it without a hand-over between threads per frame, and the loops write in
 * parallel, so a delta reaches a thousand walls sooner. One task per loop per batch; batches go in
 * the order they are made, so each client's frames keep their order. A loop's task hands every
 * frame to its socket, which writes it at once or, when its buffer is full, queues it; so the
 * task's end is when the loop has written the batch. Not thread-safe: the hub uses it with the
 * live state's lock held.
 *
 * <p>Each write is its own subscriber to the send: callbacks given to {@code subscribe().with(..)}
 * would each be wrapped to carry the caller's context (SmallRye Context Propagation), two captures
 * and a restore per frame per socket: 8 % of all the service allocated at 1,000 walls.
 */
final class LoopWrites {

    private record Write(WebSocketConnection connection, Buffer frame, Runnable done) implements UniSubscriber<Void> {

        @Override
        public void onSubscribe(UniSubscription subscription) {
            // Nothing to cancel: a frame handed to its socket is written or fails.
        }

        @Override
        public void onItem(Void written) {
            done.run();
        }

        @Override
        public void onFailure(Throwable failure) {
            done.run();
        }
    }

    private final Map<Context, List<Write>> byLoop = new LinkedHashMap<>();

    /** A frame for a connection whose socket is owned by loop; done is called once it is written to it, or failed. */
    void add(Context loop, WebSocketConnection connection, Buffer frame, Runnable done) {
        byLoop.computeIfAbsent(loop, l -> new ArrayList<>()).add(new Write(connection, frame, done));
    }

    /** Hands each loop its writes gathered so far; a loop runs what loopDone gave it once it has written them. */
    void go(Supplier<Runnable> loopDone) {
        for (var entry : byLoop.entrySet()) {
            List<Write> writes = entry.getValue();
            Runnable done = loopDone.get();
            entry.getKey().runOnContext(nothing -> {
                for (Write write : writes) {
                    write.connection().sendBinary(write.frame()).subscribe().withSubscriber(write);
                }
                done.run();
            });
        }
        byLoop.clear();
    }
}
