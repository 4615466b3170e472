package mpmbench.server.mpm.event;

import java.io.IOException;
import java.nio.ByteBuffer;
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

import mpmbench.server.config.ModelCapacity;
import mpmbench.server.http.Outcome;
import mpmbench.server.http.io.CloseNotifyRecord;
import mpmbench.server.http.io.LingeringClose;
import mpmbench.server.mpm.AcceptBackoff;
import mpmbench.server.mpm.ChildContext;
import mpmbench.server.mpm.ChildModel;
import mpmbench.server.mpm.DescriptorTable;
import mpmbench.server.mpm.InheritedListenSocket;
import mpmbench.server.mpm.WorkerThread;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * event: like worker, but one selector thread holds the listening socket and every connection that
 * waits for its next request; a connection occupies a worker only while a request is read, handled
 * and written. Only the selector thread registers channels, touches the wait lists or closes a
 * connection; workers hand connections back through a queue (finished or waiting).
 *
 * <p>The hand-off, as httpd's event MPM does it: a worker that finished a response serves the
 * connection's next request at once when it is already readable (bytes buffered, or on the socket
 * without blocking), and gives the connection back only when nothing is there, so pipelined and
 * back-to-back requests make no round trip through the selector; a connection with nothing to read
 * leaves its worker and waits in the selector (keep-alive). A hand-back wakes the selector only when
 * it is blocked in a select and nobody woke it yet ({@link WakeGate}); a busy selector takes every
 * hand-back of its pass at once. {@link HandOffCounts} counts both, printed when the child starts its stop.
 *
 * <p>As in httpd, a process stops accepting while it holds more connections than
 * {@code ThreadsPerChild + idle workers × AsyncRequestWorkerFactor} (lingering ones not counted),
 * leaving new clients in the shared accept queue for a process with room. And as in httpd, a pass of
 * the selector that found every worker busy ends by closing every connection waiting in keep-alive,
 * so that their clients may come back to a process with room; so does one that found a client
 * waiting for an accept that no process of the server has room for (ours: see
 * {@link BusyKeepAliveClose}, the rule and where it differs from httpd's). For that the listening
 * socket stays in the selector at the limit while keep-alive connections wait. When accept fails
 * (EMFILE) the listening socket leaves the selector for an {@link AcceptBackoff} pause, since it
 * would stay readable and spin.
 *
 * <p>A lingering close (the server ends a connection after a response: FIN, then what the client
 * still sends is read and dropped, as httpd's event MPM does in its listener) holds no worker either:
 * the worker hands the connection back, and this thread reads it whenever it is readable, at most
 * 64 KiB a wake-up ({@code LINGER_READ_BYTES}), closing it at end of stream, after 2 s of silence
 * (or Timeout if shorter), or 30 s after it started ({@link LingeringClose}'s bounds). Its cost is a
 * socket, a place in a wait list and those reads.
 *
 * <p>With SSLEngine on, a worker runs the TLS handshake's work (its crypto) but never waits for the
 * client's bytes: when the next flight has not arrived, the connection comes back here and waits
 * with new ones (Timeout), as a keep-alive connection waits for its next request. A TLS connection
 * closed here at the end of such a wait (a timeout, or a graceful stop's earlier deadline) gets its
 * close_notify first, written without waiting, as the blocking models send it when their read times
 * out; one that ends in a turn gets it there.
 *
 * <p>A graceful stop closes no waiting connection at once (its client may be sending a request
 * that very moment): each is served once more, with {@code Connection: close}, or closed when its
 * wait ends, at most KeepAliveTimeout after the stop.
 */
public final class EventChild implements ChildModel {

    private static final Object STOP = new Object();
    /** Most bytes one wake-up drains from a lingering connection, so one fast sender cannot hold this thread. */
    private static final int LINGER_READ_BYTES = 64 * 1024;

    private final ChildContext ctx;
    private final ServerSocketChannel listen;
    private final Selector selector;
    private final int threads;
    private final double factor;
    /** Children the master may run at once (ModelCapacity): with all of them full, a waiting client closes keep-alive ones. */
    private final int maxChildren;
    private final long firstRequestTimeoutNanos;
    private final long keepAliveTimeoutNanos;
    private final long lingerReadWaitNanos;
    private final ByteBuffer discard = ByteBuffer.allocateDirect(16 * 1024);
    private final BlockingQueue<Object> ready;
    private final BlockingQueue<EventConnection> handedBack;
    /**
     * Idle workers not yet reserved: the selector thread takes one when it queues a connection for
     * the workers (as httpd's listener does with {@code get_worker()}), a worker gives one back when
     * it goes idle. Below zero, queued connections wait for a worker.
     */
    private final AtomicInteger idleWorkers = new AtomicInteger();
    private final WaitList newConnections = new WaitList();
    private final WaitList keptAlive = new WaitList();
    private final WaitList lingering = new WaitList();
    private final List<EventConnection> drained = new ArrayList<>();
    private final AcceptBackoff backoff = new AcceptBackoff();
    private final WakeGate wakeGate = new WakeGate();
    private final HandOffCounts counts;
    private final BusyKeepAliveClose busyClose = new BusyKeepAliveClose();
    /** close_notify for TLS connections closed here after a wait; null without TLS. */
    private final CloseNotifyRecord closeNotify;
    private SelectionKey listenKey;
    private int connections;
    /** Keep-alive connections closed by {@link #closeKeptAlive}, for the line printed at the stop. */
    private long keepAliveClosedBusy;
    /**
     * keptAlive's size after the selector's latest take-back, for a reader on another thread: written
     * opaque (a plain store on x86, no fence in the selector's pass), read opaque.
     */
    private final AtomicInteger keptAliveAfterTakeBack = new AtomicInteger();
    private boolean accepting = true;
    private long acceptPausedUntil;
    /** The pause is for want of room (not an accept that failed): it ends early when room is back. */
    private boolean pausedForRoom;
    private boolean stopSeen;
    private volatile boolean stopping;

    public EventChild(ChildContext ctx) throws IOException {
        this.ctx = ctx;
        this.listen = ctx.listen();
        this.selector = Selector.open();
        this.threads = ctx.config().threadsPerChild();
        this.factor = ctx.config().asyncRequestWorkerFactor();
        this.maxChildren = ModelCapacity.of(ctx.config()).maxChildren();
        this.firstRequestTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(ctx.config().timeouts().timeoutMs());
        this.keepAliveTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(ctx.config().timeouts().keepAliveTimeoutMs());
        this.lingerReadWaitNanos = TimeUnit.MILLISECONDS.toNanos(
                Math.max(1, Math.min(LingeringClose.READ_WAIT_MS, ctx.config().timeouts().timeoutMs())));
        int maxConnections = threads + (int) Math.ceil(threads * factor) + threads + 1;
        DescriptorTable.reserve(maxConnections); // the selector thread accepts: no table growth under load
        this.ready = new ArrayBlockingQueue<>(maxConnections + threads);
        this.handedBack = new ArrayBlockingQueue<>(maxConnections + threads);
        this.counts = new HandOffCounts(threads);
        this.closeNotify = ctx.newCloseNotifyRecord();
    }

    /**
     * The connections waiting in keep-alive as the selector's latest pass left them once it had taken
     * back what the workers handed back: a parked connection counts here only from then on, and only
     * then can the busy rule close it. Any thread (a test's wait for the selector to catch up).
     */
    int keptAliveWaiting() {
        return keptAliveAfterTakeBack.getOpaque();
    }

    /** What the hand-off between the selector thread and the workers cost so far; any thread. */
    HandOffCounts.Totals handOffs() {
        return counts.totals();
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
        long passStart = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            counts.passed(now - passStart);
            wakeGate.selecting();
            if (handedBack.isEmpty()) {
                selector.select(this::onSelected, selectTimeoutMs(now));
            } else {
                selector.selectNow(this::onSelected);
            }
            wakeGate.awake();
            counts.selected();
            now = System.nanoTime();
            passStart = now;
            takeBack(now);
            expire(newConnections, now);
            expire(keptAlive, now);
            expire(lingering, now);
            keptAliveAfterTakeBack.setOpaque(keptAlive.size());
            if (stopping) {
                busyClose.clear(); // a graceful stop keeps its own rule for waiting connections
                if (!stopSeen) {
                    stopSeen = true;
                    stopListening(now);
                }
                if (connections == 0) {
                    return;
                }
            } else {
                boolean refused = busyClose.acceptRefusedThisPass();
                if (busyClose.takeBusy(ctx.board(), ctx.slot(), maxChildren, now)) {
                    if (keptAlive.size() > 0) {
                        closeKeptAlive();
                    }
                } else if (refused) {
                    // Another process has room, or the master may start one, or this one has had no
                    // room only for a moment: look again a little later, or as soon as it has room.
                    acceptPausedUntil = now + TimeUnit.MILLISECONDS.toNanos(BusyKeepAliveClose.RECHECK_MS) | 1;
                    pausedForRoom = true;
                }
                boolean room = hasRoom();
                if (room) {
                    busyClose.hadRoom();
                }
                if (room != accepting) {
                    accepting = room;
                    ctx.board().setNotAccepting(ctx.slot(), !room);
                }
                // A pause for want of room ends when room is back (a worker went idle), as httpd's
                // listener comes back when a worker going idle finds the process under its limit;
                // waiting out the 100 ms instead left new clients in the backlog, to come in at once.
                boolean paused = acceptPausedUntil != 0 && now - acceptPausedUntil < 0 && !(pausedForRoom && room);
                if (!paused) {
                    acceptPausedUntil = 0; // over: else the select would time out at once from now on
                    pausedForRoom = false;
                }
                // At the limit, a client in the accept queue makes a pass close the keep-alive
                // connections when no process has room (BusyKeepAliveClose); with none waiting in
                // keep-alive there is nothing to make room with.
                int ops = (room || keptAlive.size() > 0) && !paused ? SelectionKey.OP_ACCEPT : 0;
                if (listenKey.interestOps() != ops) {
                    listenKey.interestOps(ops);
                }
            }
        }
    }

    /** The graceful stop: no more accepts, and no connection waits longer than KeepAliveTimeout from now. */
    private void stopListening(long now) throws IOException {
        System.err.println("mpmbench child " + ctx.slot() + " (event) at its stop: " + counts.totals()
                + ", " + keepAliveClosedBusy + " keep-alive connections closed while busy ("
                + busyClose.passes() + ")");
        listenKey.cancel();
        InheritedListenSocket.close(listen); // keeps stdout and stderr, which the JDK's close would not
        long cap = now + keepAliveTimeoutNanos;
        newConnections.capDeadlines(cap);
        keptAlive.capDeadlines(cap);
    }

    private long selectTimeoutMs(long now) {
        long next = Long.MAX_VALUE;
        if (newConnections.first() != null) {
            next = newConnections.first().deadlineNanos;
        }
        if (keptAlive.first() != null) {
            next = Math.min(next, keptAlive.first().deadlineNanos);
        }
        if (lingering.first() != null) {
            next = Math.min(next, lingering.first().deadlineNanos);
        }
        if (acceptPausedUntil != 0) {
            next = Math.min(next, acceptPausedUntil);
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
        if (c.lingering) {
            drainLingering(c);
            return;
        }
        key.interestOps(0);
        newConnections.remove(c);
        keptAlive.remove(c);
        if (idleWorkers.getAndDecrement() <= 0) {
            busyClose.noWorkerIdle();
        }
        ready.add(c);
    }

    private void acceptAll() {
        if (!hasRoom()) {
            busyClose.acceptRefused(System.nanoTime()); // a client waits, and the keep-alive connections hold its room
            return;
        }
        long started = System.nanoTime();
        try {
            acceptWhileRoom();
        } finally {
            counts.accepted(System.nanoTime() - started);
        }
    }

    /** Takes what the accept queue holds, but no more than this process may hold. */
    private void acceptWhileRoom() {
        while (hasRoom()) {
            SocketChannel ch;
            try {
                ch = listen.accept();
                backoff.succeeded();
                acceptPausedUntil = 0;
            } catch (IOException e) {
                long now = System.nanoTime();
                acceptPausedUntil = now + TimeUnit.MILLISECONDS.toNanos(backoff.failed(e)) | 1;
                pausedForRoom = false;
                listenKey.interestOps(0);
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

    /**
     * Whether this process may accept another connection: it holds fewer than
     * {@code ThreadsPerChild + idle workers × AsyncRequestWorkerFactor}, not counting lingering ones.
     */
    private boolean hasRoom() {
        return connectionsCounted() < threads + Math.max(0, idleWorkers.get()) * factor;
    }

    /**
     * httpd's "kill'em all" ({@link BusyKeepAliveClose}): closes every connection waiting in
     * keep-alive, after a non-blocking select has handed the workers those whose next request
     * arrived since this pass's select, so that none with bytes pending is closed. Counted on the
     * scoreboard once per call.
     */
    private void closeKeptAlive() throws IOException {
        selector.selectNow(this::onSelected);
        int closed = 0;
        EventConnection c;
        while ((c = keptAlive.first()) != null) {
            keptAlive.remove(c);
            sendCloseNotify(c);
            close(c);
            closed++;
        }
        busyClose.clear(); // the select above may have found the workers busy again: done now
        if (closed > 0) {
            keepAliveClosedBusy += closed;
            ctx.board().addKeepAliveClosedBusy(ctx.slot(), closed);
        }
    }

    /**
     * The connections that count against the process's limit: all it holds but those in their
     * lingering close, which need no worker any more (httpd's event MPM leaves them out too).
     */
    private int connectionsCounted() {
        return connections - lingering.size();
    }

    /**
     * Takes back what workers handed back since the last pass, all at once: the interest changes are
     * queued by the selector and reach the kernel together at its next select.
     */
    private void takeBack(long now) {
        handedBack.drainTo(drained);
        for (EventConnection c : drained) {
            if (c.finished || !c.key.isValid()) {
                close(c);
            } else if (c.lingering) {
                c.lingerUntilNanos = now + TimeUnit.MILLISECONDS.toNanos(LingeringClose.MAX_MS);
                c.key.interestOps(SelectionKey.OP_READ);
                lingering.add(c, now + lingerReadWaitNanos);
            } else if (c.state.requestsServed() == 0) {
                // A TLS handshake, or its first request, waits for the client: Timeout per wait, as httpd's reads.
                c.key.interestOps(SelectionKey.OP_READ);
                newConnections.add(c, System.nanoTime() + firstRequestTimeoutNanos);
            } else {
                // Stopping too: the client may be sending its next request; it gets Connection: close.
                c.key.interestOps(SelectionKey.OP_READ);
                keptAlive.add(c, now + keepAliveTimeoutNanos);
            }
        }
        drained.clear();
    }

    /**
     * Reads and drops what a lingering connection sent; closes it at end of stream, on an error or
     * past its 30 s, else waits for more (2 s of silence end it, see {@link #expire}).
     */
    private void drainLingering(EventConnection c) {
        lingering.remove(c);
        long now = System.nanoTime();
        try {
            for (int read = 0; read < LINGER_READ_BYTES; ) {
                discard.clear();
                int n = c.channel.read(discard);
                if (n < 0) {
                    close(c);
                    return;
                }
                if (n == 0) {
                    break;
                }
                read += n;
            }
        } catch (IOException e) {
            close(c);
            return;
        }
        if (now - c.lingerUntilNanos >= 0) {
            close(c);
        } else {
            lingering.add(c, now + lingerReadWaitNanos);
        }
    }

    /**
     * Closes the connections of {@code list} whose wait ended; a TLS connection waiting for a
     * request gets its close_notify first, as in the blocking models (a lingering one sent it with
     * its FIN).
     */
    private void expire(WaitList list, long now) {
        EventConnection c;
        while ((c = list.first()) != null && c.deadlineNanos - now <= 0) {
            list.remove(c);
            sendCloseNotify(c);
            close(c);
        }
    }

    /**
     * Best effort, without waiting: one non-blocking write of the record, dropped if the socket
     * cannot take it now (the client reads nothing: its window is full).
     */
    private void sendCloseNotify(EventConnection c) {
        ByteBuffer record = closeNotify == null ? null : closeNotify.of(c.state.tls());
        if (record != null) {
            try {
                c.channel.write(record);
            } catch (IOException e) {
                // the client is gone: the connection is closed anyway
            }
        }
    }

    /**
     * The one place a connection of this process is closed, always on the selector thread: when a
     * worker hands it back finished, or when it waits past its timeout (a graceful stop only brings
     * the timeouts forward, see {@link #stopListening}).
     */
    private void close(EventConnection c) {
        c.key.cancel();
        closeQuietly(c.channel);
        c.state.release();
        connections--;
        ctx.board().addConnections(ctx.slot(), -1);
    }

    private void work(int index) {
        WorkerThread worker = new WorkerThread(ctx, index);
        HandOffCounts.Worker counter = counts.worker(index);
        try {
            idle(worker);
            while (true) {
                Object next = ready.take();
                if (next == STOP) {
                    idleWorkers.decrementAndGet(); // a connection's worker was reserved by the selector
                    return;
                }
                EventConnection c = (EventConnection) next;
                int before = c.state.requestsServed();
                // Serves every request already readable (buffered, or on the socket without
                // blocking) before it gives the connection back: see Http1Connection's IDLE.
                Outcome outcome = worker.serve(c.channel, c.state);
                int served = c.state.requestsServed() - before;
                c.finished = outcome == Outcome.CLOSE;
                c.lingering = outcome == Outcome.LINGER;
                // Idle before the hand-back: the selector thread that takes it back decides from the
                // idle workers whether to accept again (AsyncRequestWorkerFactor), and nothing wakes
                // it after that, so a worker counted idle only later left new connections waiting in
                // the backlog until the next timeout (EventHandOffTest saw 5 s of it under load).
                idle(worker);
                handedBack.put(c);
                boolean wake = wakeGate.shouldWake();
                if (wake) {
                    selector.wakeup();
                }
                counter.served(served, outcome == Outcome.IDLE, wake);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            worker.release();
        }
    }

    /** The worker waits for a connection: READY (GRACEFUL once stopping) on the scoreboard, and counted idle. */
    private void idle(WorkerThread worker) {
        worker.status(stopping ? WorkerStatus.GRACEFUL : WorkerStatus.READY);
        idleWorkers.incrementAndGet();
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
