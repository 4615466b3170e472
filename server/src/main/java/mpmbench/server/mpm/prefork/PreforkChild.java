package mpmbench.server.mpm.prefork;

import java.io.IOException;
import java.nio.channels.SocketChannel;

import mpmbench.server.child.ChildContext;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.SelectorChannelIo;
import mpmbench.server.mpm.ChildModel;
import mpmbench.server.mpm.StoppableAcceptor;
import mpmbench.server.scoreboard.WorkerSlotObserver;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * prefork: the child's one thread accepts a connection and serves it to the end, then accepts the
 * next. While it serves, the connection it would have taken stays in the shared accept queue for
 * another child, so one busy child never delays a new client while others idle.
 */
public final class PreforkChild implements ChildModel {

    private final ChildContext ctx;
    private final StoppableAcceptor acceptor;

    public PreforkChild(ChildContext ctx) {
        this.ctx = ctx;
        this.acceptor = new StoppableAcceptor(ctx.listen());
        ctx.onConnectionLimit(acceptor::stop);
    }

    @Override
    public void run() throws Exception {
        Http1Connection http = ctx.newConnectionLoop();
        SelectorChannelIo io = new SelectorChannelIo();
        ConnectionState state = new ConnectionState(false);
        WorkerSlotObserver observer = new WorkerSlotObserver(ctx.board(), ctx.slot(), 0);
        try {
            observer.status(WorkerStatus.READY);
            while (true) {
                SocketChannel ch = acceptor.accept();
                if (ch == null) {
                    break;
                }
                if (ctx.accepted(ch)) {
                    try (ch) {
                        io.attach(ch);
                        state.reset();
                        http.serve(io, observer, state);
                    } catch (IOException e) {
                        // The connection died; the loop already closed what it could.
                    } finally {
                        io.detach();
                    }
                }
                observer.status(acceptor.stopped() ? WorkerStatus.GRACEFUL : WorkerStatus.READY);
            }
        } finally {
            io.release();
        }
    }

    @Override
    public void stopAccepting() {
        acceptor.stop();
    }
}
