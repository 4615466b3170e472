package mpmbench.server.mpm.virtual;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Semaphore;

import mpmbench.server.child.ChildContext;
import mpmbench.server.http.BlockingChannelIo;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.mpm.ChildModel;
import mpmbench.server.mpm.StoppableAcceptor;

/**
 * virtual: one virtual thread per connection, written as plainly as prefork's loop; the JDK parks a
 * thread that waits for its socket and frees its carrier. MaxRequestWorkers bounds the connections
 * the process holds: beyond it, new clients wait in the shared accept queue.
 *
 * <p>There are no fixed workers, so the scoreboard keeps per-process counts (connections, busy)
 * rather than per-worker letters.
 */
public final class VirtualChild implements ChildModel {

    private final ChildContext ctx;
    private final StoppableAcceptor acceptor;
    private final int limit;
    private final Semaphore room;

    public VirtualChild(ChildContext ctx) {
        this.ctx = ctx;
        this.acceptor = new StoppableAcceptor(ctx.listen());
        this.limit = ctx.config().maxRequestWorkers();
        this.room = new Semaphore(limit);
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
        try (ch) {
            BlockingChannelIo io = new BlockingChannelIo();
            io.attach(ch);
            ctx.newConnectionLoop().serve(io, observer, new ConnectionState(false));
        } catch (IOException e) {
            // The connection died; nothing to answer.
        } finally {
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
