package mpmbench.server.mpm.prefork;

import java.nio.channels.SocketChannel;

import mpmbench.server.mpm.ChildContext;
import mpmbench.server.mpm.ChildModel;
import mpmbench.server.mpm.StoppableAcceptor;
import mpmbench.server.mpm.WorkerThread;
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
    }

    @Override
    public void run() throws Exception {
        WorkerThread worker = new WorkerThread(ctx, 0);
        try {
            worker.status(WorkerStatus.READY);
            while (true) {
                SocketChannel ch = acceptor.accept();
                if (ch == null) {
                    break;
                }
                if (ctx.accepted(ch)) {
                    worker.serveToEnd(ch);
                }
                worker.status(acceptor.stopped() ? WorkerStatus.GRACEFUL : WorkerStatus.READY);
            }
        } finally {
            worker.release();
        }
    }

    @Override
    public void stopAccepting() {
        acceptor.stop();
    }
}
