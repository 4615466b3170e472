package mpmbench.server.mpm.virtual;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.Outcome;
import mpmbench.server.http.io.BlockingChannelIo;
import mpmbench.server.http.io.LingeringClose;
import mpmbench.server.mpm.ChildContext;
import mpmbench.server.mpm.ChildModel;
import mpmbench.server.mpm.DescriptorTable;
import mpmbench.server.mpm.ServingLoop;
import mpmbench.server.mpm.StoppableAcceptor;

/**
 * virtual: one virtual thread per connection, written as plainly as prefork's loop; the JDK parks a
 * thread that waits for its socket and frees its carrier. MaxRequestWorkers bounds the connections
 * the process holds: beyond it, new clients wait in the shared accept queue.
 *
 * <p>A connection waits for its next request holding no buffer ({@link BlockingChannelIo#awaitData});
 * only while a request is served does it borrow a connection loop (about 50 KiB of buffers) from a
 * pool. So ten thousand idle keep-alive connections cost their threads and sockets, not ten thousand
 * buffer sets: the same economy the event model gets from its selector.
 *
 * <p>When the server ends a connection after a response, its lingering close (FIN, then reading and
 * dropping what the client still sends, {@link LingeringClose}) runs in the connection's virtual
 * thread after the loop went back to the pool: a parked thread and a socket, for 2 s of silence
 * at most (30 s for a client that keeps sending).
 *
 * <p>A blocking write has no timeout, so a watchdog thread looks at every connection once a second
 * and closes one whose write has made no progress for Timeout (a client that never reads).
 *
 * <p>There are no fixed workers, so the scoreboard keeps per-process counts (connections, busy)
 * rather than per-worker letters.
 */
public final class VirtualChild implements ChildModel {

    private static final long WATCHDOG_MS = 1_000;

    private final ChildContext ctx;
    private final StoppableAcceptor acceptor;
    private final int limit;
    private final Semaphore room;
    private final BlockingQueue<ServingLoop> loops;
    private final Set<BlockingChannelIo> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final long firstRequestTimeoutMs;
    private final long keepAliveTimeoutMs;
    private final long writeTimeoutMs;
    private final long lingerTimeoutMs;

    public VirtualChild(ChildContext ctx) {
        this.ctx = ctx;
        this.acceptor = new StoppableAcceptor(ctx.listen());
        this.limit = ctx.config().maxRequestWorkers();
        this.room = new Semaphore(limit);
        this.loops = new ArrayBlockingQueue<>(limit);
        this.firstRequestTimeoutMs = ctx.config().timeouts().timeoutMs();
        this.keepAliveTimeoutMs = ctx.config().timeouts().keepAliveTimeoutMs();
        this.writeTimeoutMs = ctx.config().timeouts().timeoutMs();
        this.lingerTimeoutMs = ctx.config().timeouts().timeoutMs();
        DescriptorTable.reserve(limit); // up to MaxRequestWorkers connections: no table growth under load
    }

    @Override
    public void run() throws Exception {
        Thread.currentThread().setName("listener");
        Thread.ofPlatform().daemon().name("write-watchdog").start(this::watchWrites);
        while (true) {
            room.acquire();
            SocketChannel ch = acceptor.accept();
            if (ch == null) {
                break;
            }
            if (!ctx.accepted(ch)) {
                room.release();
                continue;
            }
            ctx.board().addConnections(ctx.slot(), 1);
            Thread.ofVirtual().start(() -> serve(ch));
        }
        room.release();
        // Every connection thread returns its permit as it ends, and stopAccepting added one:
        // all limit + 1 are back only when the last connection is finished.
        room.acquire(limit + 1);
    }

    private void serve(SocketChannel ch) {
        ProcessSlotObserver observer = new ProcessSlotObserver(ctx.board(), ctx.slot());
        BlockingChannelIo io = new BlockingChannelIo();
        ConnectionState state = new ConnectionState(true);
        open.add(io);
        try {
            io.attach(ch);
            int waited;
            while ((waited = io.awaitData(state.requestsServed() == 0 ? firstRequestTimeoutMs : keepAliveTimeoutMs)) > 0) {
                ServingLoop loop = loops.poll();
                if (loop == null) {
                    loop = ctx.newServingLoop();
                }
                Outcome outcome = loop.serve(ch, io, observer, state);
                loops.offer(loop);
                if (outcome == Outcome.LINGER) {
                    // FIN is out: drain what the client still sends, parked, with the loop back in the pool
                    LingeringClose.drain(io, lingerTimeoutMs);
                }
                if (outcome != Outcome.IDLE) {
                    break;
                }
            }
            if (waited == 0 && state.tls() != null) {
                // The wait timed out: close_notify before the close, as the blocking models send it.
                ServingLoop loop = loops.poll();
                if (loop == null) {
                    loop = ctx.newServingLoop();
                }
                loop.sendCloseNotify(io, state);
                loops.offer(loop);
            }
        } catch (IOException e) {
            // The connection died; nothing to answer.
        } finally {
            open.remove(io);
            io.close(); // the one place a connection of this model is closed
            state.release();
            observer.closed();
            ctx.board().addConnections(ctx.slot(), -1);
            room.release();
        }
    }

    private void watchWrites() {
        while (true) {
            try {
                Thread.sleep(WATCHDOG_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (BlockingChannelIo io : open) {
                io.abortIfStalled(now, writeTimeoutMs);
            }
        }
    }

    /** Stops the acceptor and adds one permit, once, to wake a listener waiting for room. */
    @Override
    public void stopAccepting() {
        if (stopped.compareAndSet(false, true)) {
            acceptor.stop();
            room.release();
        }
    }
}
