package mpmbench.loadgen.engine;

import static java.nio.channels.SelectionKey.OP_CONNECT;
import static java.nio.channels.SelectionKey.OP_READ;
import static java.nio.channels.SelectionKey.OP_WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.Consumer;

import mpmbench.loadgen.http.ResponseParser;
import mpmbench.loadgen.record.LatencyRecorders;

/**
 * One I/O thread of a run, wrk's shape: one {@link Selector}, its own connections, callbacks named
 * after events ({@code socketConnected}, {@code socketReadable}, {@code socketWritable},
 * {@code responseComplete}). Only the thread running {@link #run()} touches its state; results leave
 * through the {@link SingleWriterCounters} and {@link LatencyRecorders} it alone writes.
 *
 * <p>Timing: every wait is a {@code select} with a timeout bounded by the next intended send, the next
 * timer scan ({@value #SCAN_MS} ms: request and connect timeouts, reconnects) and the end of the run,
 * so the loop ends at the run's hard end on its own. {@code select} has millisecond resolution: an
 * open-model send may be up to 1 ms late, which the lag histogram shows.
 *
 * <p>Idle connections are opened after the active ones, at most {@value #MAX_IDLE_CONNECTING} connects
 * in progress per thread at a time, so a server's accept queue is not flooded; they are scanned every
 * {@value #IDLE_SCAN_MS} ms for re-sends and timeouts, never reopened once closed.
 */
final class SingleThreadSelectorLoop implements Runnable {

    static final long SCAN_MS = 10;
    static final long IDLE_SCAN_MS = 100;
    static final int MAX_IDLE_CONNECTING = 64;
    private static final long SCAN_NS = SCAN_MS * 1_000_000;
    private static final long IDLE_SCAN_NS = IDLE_SCAN_MS * 1_000_000;
    /** Wait before reconnecting after a failed connect, so a refusing server is not spun on. */
    private static final long CONNECT_BACKOFF_NS = 10_000_000;
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final InetSocketAddress address;
    private final List<InetSocketAddress> bindAddresses;
    private final RunClock clock;
    private final boolean open;
    private final boolean keepAlive;
    private final int requestBytes;
    private final long timeoutNs;
    private final long connectTimeoutNs;
    private final long idleIntervalNs;
    private final List<Connection> active;
    private final List<Connection> idle;
    private final SingleWriterCounters counters;
    private final LatencyRecorders recorders;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final Consumer<SelectionKey> onReady = this::onReady;

    private Selector selector;
    private int activeInflight;
    private int idleOpened;
    private int idleConnecting;
    private boolean stopped;

    SingleThreadSelectorLoop(InetSocketAddress address, List<InetSocketAddress> bindAddresses, RunClock clock,
                             boolean open, boolean keepAlive, int requestBytes, long timeoutNs,
                             long connectTimeoutNs, long idleIntervalNs, List<Connection> active,
                             List<Connection> idle, SingleWriterCounters counters, LatencyRecorders recorders) {
        this.address = address;
        this.bindAddresses = bindAddresses;
        this.clock = clock;
        this.open = open;
        this.keepAlive = keepAlive;
        this.requestBytes = requestBytes;
        this.timeoutNs = timeoutNs;
        this.connectTimeoutNs = connectTimeoutNs;
        this.idleIntervalNs = idleIntervalNs;
        this.active = active;
        this.idle = idle;
        this.counters = counters;
        this.recorders = recorders;
    }

    @Override
    public void run() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        try {
            long now = System.nanoTime();
            for (Connection c : active) {
                c.readySince = now;
                connect(c, now);
            }
            loop();
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        } finally {
            finish();
        }
    }

    private void loop() throws IOException {
        long nextScan = 0;
        long nextIdleScan = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= clock.hardEndNs()) {
                return;
            }
            if (!stopped && now >= clock.windowEndNs()) {
                if (open) {
                    sendAllDue(now); // requests intended just before the end are still sent
                }
                stop();
            }
            if (stopped && activeInflight == 0) {
                return;
            }
            if (now >= nextScan) {
                scanActive(now);
                nextScan = now + SCAN_NS;
            }
            long wake = Math.min(nextScan, clock.hardEndNs());
            if (!idle.isEmpty() && !stopped) {
                if (now >= nextIdleScan) {
                    scanIdle(now);
                    nextIdleScan = now + IDLE_SCAN_NS;
                }
                wake = Math.min(wake, nextIdleScan);
            }
            if (!stopped) {
                wake = Math.min(wake, clock.windowEndNs());
                if (open) {
                    wake = Math.min(wake, sendAllDue(now));
                }
            }
            long waitNs = wake - System.nanoTime();
            if (waitNs <= 0) {
                selector.selectNow(onReady);
            } else {
                selector.select(onReady, (waitNs + 999_999) / 1_000_000);
            }
        }
    }

    // ---- events ----

    private void onReady(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        if (c.key != key || !key.isValid()) {
            return;
        }
        int ops = key.readyOps();
        if ((ops & OP_CONNECT) != 0) {
            socketConnected(c, System.nanoTime());
            return;
        }
        if ((ops & OP_WRITE) != 0) {
            socketWritable(c);
        }
        if (c.key == key && (ops & OP_READ) != 0) {
            socketReadable(c);
        }
    }

    private void socketConnected(Connection c, long now) {
        try {
            if (!c.channel.finishConnect()) {
                return;
            }
            c.key.interestOps(OP_READ);
        } catch (IOException e) {
            connectFailed(c, now);
            return;
        }
        c.state = Connection.OPEN;
        if (c.idle) {
            idleConnecting--;
            counters.increment(Counter.IDLE_ESTABLISHED);
            sendIdle(c, now);
            return;
        }
        if (keepAlive) {
            c.readySince = now;
        }
        sendMore(c, now);
    }

    private void socketWritable(Connection c) {
        try {
            c.channel.write(c.out);
        } catch (IOException e) {
            lose(c, Counter.ERR_WRITE, System.nanoTime());
            return;
        }
        if (!c.out.hasRemaining()) {
            c.writing = false;
            c.key.interestOps(OP_READ);
            if (!c.idle) {
                sendMore(c, System.nanoTime());
            }
        }
    }

    private void socketReadable(Connection c) {
        ByteBuffer buf = readBuffer;
        long now;
        while (true) {
            buf.clear();
            int r;
            try {
                r = c.channel.read(buf);
            } catch (IOException e) {
                lose(c, Counter.ERR_READ, System.nanoTime());
                return;
            }
            now = System.nanoTime();
            if (r < 0) {
                socketClosed(c, now);
                return;
            }
            buf.flip();
            while (buf.hasRemaining()) {
                if (c.inflight == 0) {
                    lose(c, Counter.ERR_PARSE, now); // an answer nobody asked for
                    return;
                }
                int result = c.parser.feed(buf);
                if (result == ResponseParser.COMPLETE) {
                    if (!responseComplete(c, now)) {
                        return;
                    }
                } else if (result == ResponseParser.ERROR) {
                    lose(c, Counter.ERR_PARSE, now);
                    return;
                }
            }
            if (r < buf.capacity()) {
                break;
            }
        }
        if (!c.idle) {
            sendMore(c, now);
        }
    }

    private void socketClosed(Connection c, long now) {
        if (c.inflight > 0 && !c.parser.idle() && c.parser.onEof() == ResponseParser.COMPLETE) {
            responseComplete(c, now); // a body delimited by the close: closes and reconnects
            return;
        }
        lose(c, Counter.ERR_CLOSED, now);
    }

    /**
     * The oldest request in flight has its complete answer.
     *
     * @return false if the connection was closed (no more bytes of it may be parsed)
     */
    private boolean responseComplete(Connection c, long now) {
        long intended = c.oldestIntended();
        long sent = c.oldestSent();
        c.pop();
        ResponseParser p = c.parser;
        boolean reuse = keepAlive && p.keepAlive();
        if (c.idle) {
            if (!c.idleAnswered) {
                c.idleAnswered = true;
                counters.increment(Counter.IDLE_ANSWERED);
            }
            c.idleTimedOut = false;
            c.nextIdleSendAt = sent + idleIntervalNs;
        } else {
            activeInflight--;
            int status = p.status();
            if (status < 200 || status >= 400) {
                counters.increment(Counter.ERR_STATUS);
            }
            if (intended < clock.warmupEndNs()) {
                counters.increment(Counter.WARMUP_REQUESTS);
            } else {
                recorders.recordResponse(now - intended, now - sent);
                counters.increment(Counter.REQUESTS);
                counters.add(Counter.BYTES, p.responseBytes());
            }
            c.readySince = now;
        }
        p.reset();
        if (!reuse) {
            lose(c, Counter.ERR_CLOSED, now); // requests pipelined behind this answer are lost
            return false;
        }
        return true;
    }

    // ---- sending ----

    /** Sends what the model allows on an active connection: fill the pipeline, or what is due. */
    private void sendMore(Connection c, long now) {
        if (stopped || !c.canSend()) {
            return;
        }
        long sentAt = keepAlive ? now : c.connectStartedAt; // without keep-alive, connect time counts
        int n = 0;
        if (!open) {
            while (c.canSend()) {
                c.push(sentAt, sentAt);
                n++;
            }
        } else {
            OpenSchedule s = c.schedule;
            while (c.canSend() && s.next() <= now && s.next() < clock.windowEndNs()) {
                long intended = s.take();
                c.push(intended, sentAt);
                if (intended >= clock.warmupEndNs()) {
                    recorders.recordLag(sentAt - Math.max(intended, c.readySince));
                }
                n++;
            }
        }
        if (n > 0) {
            activeInflight += n;
            write(c, n);
        }
    }

    /**
     * Open model: sends every request that is due, starts connects that are due without keep-alive.
     *
     * @return the earliest intended send time still to come on a connection that could send it
     */
    private long sendAllDue(long now) {
        long wake = Long.MAX_VALUE;
        for (int i = 0, n = active.size(); i < n; i++) {
            Connection c = active.get(i);
            if (c.state == Connection.OPEN) {
                sendMore(c, now);
                if (c.canSend()) {
                    wake = Math.min(wake, c.schedule.next());
                }
            } else if (c.state == Connection.CLOSED && !keepAlive && now >= c.reconnectAt) {
                if (c.schedule.next() <= now) {
                    connect(c, now);
                } else {
                    wake = Math.min(wake, c.schedule.next());
                }
            }
        }
        return wake;
    }

    private void sendIdle(Connection c, long now) {
        c.push(now, now);
        write(c, 1);
    }

    private void write(Connection c, int requests) {
        ByteBuffer out = c.out;
        out.limit(requests * requestBytes).position(0);
        try {
            c.channel.write(out);
        } catch (IOException e) {
            lose(c, Counter.ERR_WRITE, System.nanoTime());
            return;
        }
        if (out.hasRemaining()) {
            c.writing = true;
            c.key.interestOps(OP_READ | OP_WRITE);
        }
    }

    // ---- connections ----

    private void connect(Connection c, long now) {
        if (c.idle) {
            idleConnecting++;
        }
        c.connectStartedAt = now;
        c.state = Connection.CONNECTING;
        try {
            SocketChannel ch = SocketChannel.open();
            c.channel = ch;
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (!bindAddresses.isEmpty()) {
                ch.bind(bindAddresses.get(c.index % bindAddresses.size()));
            }
            boolean done = ch.connect(address);
            c.key = ch.register(selector, done ? OP_READ : OP_CONNECT, c);
            if (done) {
                socketConnected(c, now);
            }
        } catch (IOException | RuntimeException e) {
            // refused at once, or no descriptor left (EMFILE), or no local port: a connect error
            connectFailed(c, now);
        }
    }

    private void connectFailed(Connection c, long now) {
        close(c);
        if (c.idle) {
            idleConnecting--;
            counters.increment(Counter.IDLE_FAILED);
            return;
        }
        counters.increment(Counter.ERR_CONNECT);
        c.readySince = now;
        c.reconnectAt = now + CONNECT_BACKOFF_NS;
    }

    /**
     * The connection is gone ({@code why}: read, write, parse, timeout or closed by the server). Each
     * request in flight counts once as {@code why}; an unsolicited answer counts once as a parse
     * error; a keep-alive connection closed while nothing was in flight is no error. Active
     * connections are reopened, idle ones are not.
     */
    private void lose(Connection c, Counter why, long now) {
        long lost = c.inflight;
        boolean wasIdle = c.idle && c.state == Connection.OPEN;
        close(c);
        if (c.idle) {
            if (wasIdle) {
                counters.increment(Counter.IDLE_CLOSED);
            }
            return;
        }
        if (lost > 0 || why == Counter.ERR_PARSE) {
            counters.add(why, Math.max(1, lost));
        }
        c.readySince = now;
        if (stopped || (open && !keepAlive)) {
            return; // open model without keep-alive: reconnect when the next request is due
        }
        if (keepAlive) {
            counters.increment(Counter.RECONNECTS);
        }
        connect(c, now);
    }

    private void close(Connection c) {
        if (c.key != null) {
            c.key.cancel();
            c.key = null;
        }
        if (c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing is best effort; the descriptor is gone either way
            }
            c.channel = null;
        }
        if (!c.idle) {
            activeInflight -= c.inflight;
        }
        c.clearInflight();
        c.parser.reset();
        c.writing = false;
        c.state = Connection.CLOSED;
    }

    // ---- timers ----

    private void scanActive(long now) {
        for (int i = 0, n = active.size(); i < n; i++) {
            Connection c = active.get(i);
            switch (c.state) {
                case Connection.CONNECTING -> {
                    if (now - c.connectStartedAt >= connectTimeoutNs) {
                        connectFailed(c, now);
                    }
                }
                case Connection.OPEN -> {
                    if (c.inflight > 0 && now - c.oldestSent() >= timeoutNs) {
                        lose(c, Counter.ERR_TIMEOUT, now);
                    }
                }
                default -> {
                    if (!stopped && (keepAlive || !open) && now >= c.reconnectAt) {
                        connect(c, now);
                    }
                }
            }
        }
    }

    private void scanIdle(long now) {
        while (idleOpened < idle.size() && idleConnecting < MAX_IDLE_CONNECTING) {
            connect(idle.get(idleOpened++), now);
        }
        for (int i = 0; i < idleOpened; i++) {
            Connection c = idle.get(i);
            if (c.state == Connection.CONNECTING && now - c.connectStartedAt >= connectTimeoutNs) {
                connectFailed(c, now);
            } else if (c.state == Connection.OPEN) {
                if (c.inflight == 0 && !c.writing && now >= c.nextIdleSendAt) {
                    sendIdle(c, now);
                } else if (c.inflight > 0 && !c.idleTimedOut && now - c.oldestSent() >= timeoutNs) {
                    c.idleTimedOut = true;
                    counters.increment(Counter.IDLE_TIMEOUTS);
                }
            }
        }
    }

    // ---- end ----

    private void stop() {
        stopped = true;
        if (open) {
            for (Connection c : active) {
                counters.add(Counter.UNSENT, c.schedule.dueBefore(clock.windowEndNs()));
            }
        }
    }

    private void finish() {
        if (!stopped) {
            stop();
        }
        for (Connection c : active) {
            counters.add(Counter.UNANSWERED, c.inflight);
            close(c);
        }
        for (Connection c : idle) {
            if (c.state == Connection.OPEN) {
                counters.increment(Counter.IDLE_HELD);
            }
            close(c);
        }
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to do with it
            }
        }
    }
}
