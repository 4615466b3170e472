package mpmbench.server.mpm;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.Outcome;
import mpmbench.server.http.io.SelectorChannelIo;
import mpmbench.server.scoreboard.WorkerSlotObserver;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * What one platform worker thread of prefork, worker or event owns: its scoreboard slot, its
 * connection loop with its buffers, and its private selector for waits. Created on, and used only
 * by, that thread; nothing here is allocated per connection or per request.
 */
public final class WorkerThread {

    private final WorkerSlotObserver observer;
    private final ServingLoop http;
    private final SelectorChannelIo io = new SelectorChannelIo();
    private final ConnectionState blockingState = new ConnectionState(false);

    public WorkerThread(ChildContext ctx, int worker) {
        this.observer = new WorkerSlotObserver(ctx.board(), ctx.slot(), worker);
        this.http = ctx.newServingLoop();
    }

    /** Sets this worker's scoreboard letter. */
    public void status(WorkerStatus status) {
        observer.status(status);
    }

    /**
     * Serves {@code ch} to its end (keep-alive waits included), then closes it: for prefork and
     * worker, the one place a connection is closed.
     */
    public void serveToEnd(SocketChannel ch) {
        blockingState.reset();
        try (ch) {
            serve(ch, blockingState);
        } catch (IOException e) {
            // Closing a connection that died: nothing left to do.
        } finally {
            blockingState.release();
        }
    }

    /**
     * Serves requests on {@code ch} until the exchange is over ({@link Outcome#CLOSE}) or, for a
     * parking {@code state}, until it waits for its next request ({@link Outcome#IDLE}). Never closes
     * the channel: the caller owns it.
     */
    public Outcome serve(SocketChannel ch, ConnectionState state) {
        try {
            io.attach(ch);
            return http.serve(ch, io, observer, state);
        } catch (IOException e) {
            return Outcome.CLOSE;
        } finally {
            io.detach();
        }
    }

    /** Closes the private selector; the thread is done. */
    public void release() {
        io.release();
    }

    /** Starts {@code n} platform threads named worker-0 … worker-(n-1), each running {@code body(i)}. */
    public static List<Thread> startAll(int n, IntConsumer body) {
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().name("worker-" + i).start(() -> body.accept(index)));
        }
        return threads;
    }

    /** Waits for every thread of {@code threads} to end. */
    public static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }
}
