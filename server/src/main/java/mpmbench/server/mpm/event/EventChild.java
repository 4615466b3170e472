package mpmbench.server.mpm.event;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mpmbench.server.child.ChildContext;
import mpmbench.server.http.Outcome;
import mpmbench.server.mpm.ChildModel;
import mpmbench.server.mpm.WorkerThread;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * event: like worker, but one selector thread holds the listening socket and every connection that
 * waits for its next request; a connection occupies a worker only while a request is read, handled
 * and written. Only the selector thread registers channels, touches the wait lists or closes a
 * connection; workers hand connections back through a queue (finished or waiting) and wake it.
 *
 * <p>As in httpd, a process stops accepting while it holds more connections than
 * {@code ThreadsPerChild + idle workers × AsyncRequestWorkerFactor}, leaving new clients in the
 * shared accept queue for a process with room.
 */
public final class EventChild implements ChildModel {

    private static final Object STOP = new Object();

    private final ChildContext ctx;
    private final ServerSocketChannel listen;
    private final Selector selector;
    private final int threads;
    private final double factor;
    private final long firstRequestTimeoutNanos;
    private final long keepAliveTimeoutNanos;
    private final BlockingQueue<Object> ready;
    private final BlockingQueue<EventConnection> handedBack;
    private final AtomicInteger idleWorkers = new AtomicInteger();
    private final WaitList newConnections = new WaitList();
    private final WaitList keptAlive = new WaitList();
    private final List<EventConnection> drained = new ArrayList<>();
    private SelectionKey listenKey;
    private int connections;
    private boolean accepting = true;
    private volatile boolean stopping;

    public EventChild(ChildContext ctx) throws IOException {
        this.ctx = ctx;
        this.listen = ctx.listen();
        this.selector = Selector.open();
        this.threads = ctx.config().threadsPerChild();
        this.factor = ctx.config().asyncRequestWorkerFactor();
        this.firstRequestTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(ctx.config().timeouts().timeoutMs());
        this.keepAliveTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(ctx.config().timeouts().keepAliveTimeoutMs());
        int maxConnections = threads + (int) Math.ceil(threads * factor) + threads + 1;
        this.ready = new ArrayBlockingQueue<>(maxConnections + threads);
        this.handedBack = new ArrayBlockingQueue<>(maxConnections + threads);
        ctx.onConnectionLimit(this::stopAccepting);
    }

    @Override
    public void run() throws Exception {
        List<Thread> workers = WorkerThread.startAll(threads, this::work);
        Thread.currentThread().setName("listener");
        listen.configureBlocking(false);
        listenKey = listen.register(selector, SelectionKey.OP_ACCEPT);
        try {
            loop();
        } finally {
            for (int i = 0; i < threads; i++) {
                ready.put(STOP);
            }
            WorkerThread.joinAll(workers);
            selector.close();
        }
    }

    private void loop() throws IOException, InterruptedException {
        while (true) {
            long now = System.nanoTime();
            selector.select(this::onSelected, selectTimeoutMs(now));
            takeBack();
            now = System.nanoTime();
            expire(newConnections, now);
            expire(keptAlive, now);
            if (stopping) {
                if (listenKey.isValid()) {
                    listenKey.cancel();
                }
                closeAll(newConnections);
                closeAll(keptAlive);
                if (connections == 0) {
                    return;
                }
            } else {
                boolean room = connections < threads + idleWorkers.get() * factor;
                if (room != accepting) {
                    accepting = room;
                    listenKey.interestOps(room ? SelectionKey.OP_ACCEPT : 0);
                    ctx.board().setNotAccepting(ctx.slot(), !room);
                }
            }
        }
    }

    private long selectTimeoutMs(long now) {
        long next = Long.MAX_VALUE;
        if (newConnections.first() != null) {
            next = newConnections.first().deadlineNanos;
        }
        if (keptAlive.first() != null) {
            next = Math.min(next, keptAlive.first().deadlineNanos);
        }
        if (next == Long.MAX_VALUE) {
            return 1_000;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - now) + 1);
    }

    private void onSelected(SelectionKey key) {
        if (key == listenKey) {
            acceptAll();
            return;
        }
        EventConnection c = (EventConnection) key.attachment();
        key.interestOps(0);
        newConnections.remove(c);
        keptAlive.remove(c);
        ready.add(c);
    }

    private void acceptAll() {
        // Take what the queue holds, but no more than this process may hold.
        while (connections < threads + idleWorkers.get() * factor) {
            SocketChannel ch;
            try {
                ch = listen.accept();
            } catch (IOException e) {
                return;
            }
            if (ch == null || !ctx.accepted(ch)) {
                return;
            }
            try {
                ch.configureBlocking(false);
                EventConnection c = new EventConnection(ch);
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                newConnections.add(c, System.nanoTime() + firstRequestTimeoutNanos);
                connections++;
                ctx.board().addConnections(ctx.slot(), 1);
            } catch (IOException e) {
                closeQuietly(ch);
            }
        }
    }

    private void takeBack() {
        handedBack.drainTo(drained);
        for (EventConnection c : drained) {
            if (c.finished || stopping || !c.key.isValid()) {
                close(c);
            } else {
                c.key.interestOps(SelectionKey.OP_READ);
                keptAlive.add(c, System.nanoTime() + keepAliveTimeoutNanos);
            }
        }
        drained.clear();
    }

    private void expire(WaitList list, long now) {
        EventConnection c;
        while ((c = list.first()) != null && c.deadlineNanos - now <= 0) {
            list.remove(c);
            close(c);
        }
    }

    private void closeAll(WaitList list) {
        EventConnection c;
        while ((c = list.first()) != null) {
            list.remove(c);
            close(c);
        }
    }

    /**
     * The one place a connection of this process is closed, always on the selector thread: when a
     * worker hands it back finished, when it waits past its timeout, or when the process stops.
     */
    private void close(EventConnection c) {
        c.key.cancel();
        closeQuietly(c.channel);
        connections--;
        ctx.board().addConnections(ctx.slot(), -1);
    }

    private void work(int index) {
        WorkerThread worker = new WorkerThread(ctx, index);
        try {
            while (true) {
                worker.status(stopping ? WorkerStatus.GRACEFUL : WorkerStatus.READY);
                idleWorkers.incrementAndGet();
                Object next = ready.take();
                idleWorkers.decrementAndGet();
                if (next == STOP) {
                    return;
                }
                EventConnection c = (EventConnection) next;
                c.finished = worker.serve(c.channel, c.state) == Outcome.CLOSE;
                handedBack.put(c);
                selector.wakeup();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            worker.release();
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // Nothing left to do for a connection that is gone.
        }
    }

    @Override
    public void stopAccepting() {
        stopping = true;
        selector.wakeup();
    }
}
