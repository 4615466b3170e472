package mpmbench.server.mpm.worker;

import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

import mpmbench.server.mpm.ChildContext;
import mpmbench.server.mpm.ChildModel;
import mpmbench.server.mpm.StoppableAcceptor;
import mpmbench.server.mpm.WorkerThread;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * worker: a listener thread and ThreadsPerChild worker threads. The listener accepts only while one
 * of its workers is idle (a permit per idle worker), so a busy process leaves new connections in the
 * shared queue for the others, then hands the connection over through a queue. A worker serves the
 * connection to its end, keep-alive waits included.
 *
 * <p>The hand-off queue is an {@link ArrayBlockingQueue}: bounded by the thread count (it can never
 * hold more than the idle workers), and it allocates nothing per hand-off.
 */
public final class WorkerChild implements ChildModel {

    private final ChildContext ctx;
    private final StoppableAcceptor acceptor;
    private final int threads;
    private final Semaphore idleWorkers;
    private final BlockingQueue<Object> handOff;
    /** Tells a worker to exit; queued once per worker after the listener stops. */
    private static final Object STOP = new Object();

    public WorkerChild(ChildContext ctx) {
        this.ctx = ctx;
        this.acceptor = new StoppableAcceptor(ctx.listen());
        this.threads = ctx.config().threadsPerChild();
        this.idleWorkers = new Semaphore(0);
        this.handOff = new ArrayBlockingQueue<>(threads + 1);
    }

    @Override
    public void run() throws Exception {
        List<Thread> workers = WorkerThread.startAll(threads, this::work);
        Thread.currentThread().setName("listener");
        try {
            while (true) {
                idleWorkers.acquire();
                SocketChannel ch = acceptor.accept();
                if (ch == null) {
                    break;
                }
                if (ctx.accepted(ch)) {
                    handOff.put(ch);
                } else {
                    idleWorkers.release();
                }
            }
        } finally {
            for (int i = 0; i < threads; i++) {
                handOff.put(STOP);
            }
            WorkerThread.joinAll(workers);
        }
    }

    private void work(int index) {
        WorkerThread worker = new WorkerThread(ctx, index);
        try {
            while (true) {
                worker.status(acceptor.stopped() ? WorkerStatus.GRACEFUL : WorkerStatus.READY);
                idleWorkers.release();
                Object next = handOff.take();
                if (next == STOP) {
                    return;
                }
                worker.serveToEnd((SocketChannel) next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            worker.release();
        }
    }

    @Override
    public void stopAccepting() {
        acceptor.stop();
        idleWorkers.release(threads + 1);
    }
}
