package mpmbench.server.mpm.virtual;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

import mpmbench.server.child.ChildContext;
import mpmbench.server.http.BlockingChannelIo;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.Outcome;
import mpmbench.server.mpm.ChildModel;
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
 * <p>There are no fixed workers, so the scoreboard keeps per-process counts (connections, busy)
 * rather than per-worker letters.
 */
public final class VirtualChild implements ChildModel {

    private final ChildContext ctx;
    private final StoppableAcceptor acceptor;
    private final int limit;
    private final Semaphore room;
    private final BlockingQueue<Http1Connection> loops;
    private final long firstRequestTimeoutMs;
    private final long keepAliveTimeoutMs;

    public VirtualChild(ChildContext ctx) {
        this.ctx = ctx;
        this.acceptor = new StoppableAcceptor(ctx.listen());
        this.limit = ctx.config().maxRequestWorkers();
        this.room = new Semaphore(limit);
        this.loops = new ArrayBlockingQueue<>(limit);
        this.firstRequestTimeoutMs = ctx.config().timeouts().timeoutMs();
        this.keepAliveTimeoutMs = ctx.config().timeouts().keepAliveTimeoutMs();
        ctx.onConnectionLimit(acceptor::stop);
    }

    @Override
    public void run() throws Exception {
        Thread.currentThread().setName("listener");
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
        // Wait until every connection thread has finished.
        room.acquire(limit);
    }

    private void serve(SocketChannel ch) {
        ProcessSlotObserver observer = new ProcessSlotObserver(ctx.board(), ctx.slot());
        BlockingChannelIo io = new BlockingChannelIo();
        ConnectionState state = new ConnectionState(true);
        try {
            io.attach(ch);
            while (io.awaitData(state.requestsServed() == 0 ? firstRequestTimeoutMs : keepAliveTimeoutMs) > 0) {
                Http1Connection loop = loops.poll();
                if (loop == null) {
                    loop = ctx.newConnectionLoop();
                }
                Outcome outcome = loop.serve(io, observer, state);
                loops.offer(loop);
                if (outcome == Outcome.CLOSE) {
                    break;
                }
            }
        } catch (IOException e) {
            // The connection died; nothing to answer.
        } finally {
            io.close(); // the one place a connection of this model is closed
            observer.closed();
            ctx.board().addConnections(ctx.slot(), -1);
            room.release();
        }
    }

    @Override
    public void stopAccepting() {
        acceptor.stop();
        room.release();
    }
}
