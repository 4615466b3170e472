package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.Poller.READ;
import static mpmbench.loadgen.engine.Poller.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

import mpmbench.loadgen.IoBackend;
import mpmbench.loadgen.http.ParseResult;
import mpmbench.loadgen.http.ResponseParser;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.LatencyRecorders;

/**
 * One I/O thread of a run, wrk's shape: one {@link Poller} (a selector, or epoll), its own connections, and four socket
 * callbacks ({@code socketConnected}, {@code socketWritable}, {@code socketReadable},
 * {@code responseComplete}). What differs between runs is in small objects of their own: the
 * {@link SendPolicy} (closed or open model), the {@link IdleHolder} ({@code --idle}), the
 * {@link TrickleHolder} ({@code --trickle}), the
 * {@link TimeoutScan} (timeouts and reconnects), the {@link Poller} (readiness, µs-true send times) and
 * {@link ServerCloses} (which closes by the server are errors, and which requests are sent again).
 *
 * <p>Only the thread running {@link #run()} touches its state; results leave through the
 * {@link SingleWriterCounters} and {@link LatencyRecorders} it alone writes. Every wait is bounded by
 * the next intended send, the next timer scan and the end of the run, so the loop ends at the run's
 * hard end on its own.
 */
final class SingleThreadSelectorLoop implements Runnable {

    /** The counter of an answered request by {@link LatencyRecorders#phase}. */
    private static final Counter[] REQUESTS_BY_PHASE = {Counter.REQUESTS, Counter.WARMUP_REQUESTS};
    /** The counter of an answer with an error status by {@link LatencyRecorders#phase}. */
    private static final Counter[] STATUS_ERRORS_BY_PHASE = {Counter.ERR_STATUS, Counter.WARMUP_ERRORS};

    /** Wait before reconnecting after a failed connect, so a refusing server is not spun on. */
    private static final long CONNECT_BACKOFF_NS = 10_000_000;
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final LoopSetup setup;
    private final RunClock clock;
    private final boolean keepAlive;
    private final List<Connection> active;
    private final SingleWriterCounters counters;
    private final LatencyRecorders recorders;
    private final WindowAccounting accounting;
    private final SendPolicy policy;
    private final IdleHolder idle;
    private final TrickleHolder trickle;
    private final TimeoutScan timeouts;
    /** A heap buffer: the parser scans its array in place (NIO copies from its own direct buffer). */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final ServerCloses serverCloses;
    private final IoBackend backend;

    /** {@code https://} on OpenSSL: the session the next connection offers; {@code null} otherwise. */
    private OpenSslSessions sessions;
    private Poller poller;
    private int activeInflight;
    private boolean stopped;
    private boolean nanosecondTimer;

    /**
     * @param backend the readiness backend, already known to be usable ({@link IoBackends#resolve})
     */
    SingleThreadSelectorLoop(LoopSetup setup, IoBackend backend, List<Connection> active, List<Connection> idle,
                             List<Connection> trickling, SingleWriterCounters counters, LatencyRecorders recorders) {
        this.setup = setup;
        this.backend = backend;
        this.clock = setup.clock();
        this.keepAlive = setup.keepAlive();
        this.active = active;
        this.counters = counters;
        this.recorders = recorders;
        this.accounting = new WindowAccounting(clock, counters, recorders, setup.open());
        this.serverCloses = new ServerCloses(counters);
        this.policy = setup.open()
                ? new OpenSendPolicy(this, active, clock, recorders, accounting, keepAlive)
                : new ClosedSendPolicy(this, clock, keepAlive);
        this.idle = new IdleHolder(this, idle, counters, setup.idleIntervalNs(), setup.idleOpenEveryNs(),
                idle.isEmpty() ? 0 : idle.get(0).index - setup.idleIndexBase(), clock.startNs(), setup.timeoutNs(),
                setup.connectTimeoutNs());
        this.trickle = new TrickleHolder(this, trickling, counters, setup.request(), setup.trickleIntervalNs(),
                setup.connectTimeoutNs());
        this.timeouts = new TimeoutScan(this, active, policy, setup.timeoutNs(), setup.connectTimeoutNs());
        if (setup.tls() != null) { // chosen once per connection: the plain path never asks
            for (List<Connection> cs : List.of(active, idle, trickling)) {
                for (Connection c : cs) {
                    c.wire = new TlsWire(setup.tls(), this, readBuffer);
                }
            }
        } else if (setup.openssl() != null) { // OpenSSL on the channel's descriptor (OpenSslWire)
            sessions = new OpenSslSessions(setup.openssl().resume() != mpmbench.loadgen.TlsOptions.Resume.NONE);
            MemorySegment readSegment = MemorySegment.ofArray(readBuffer.array());
            for (List<Connection> cs : List.of(active, idle, trickling)) {
                for (Connection c : cs) {
                    c.wire = new OpenSslWire(setup.openssl(), sessions, this, c, readBuffer, readSegment);
                }
            }
        } else if (backend == IoBackend.EPOLL) { // recv and send on the descriptor
            MemorySegment readSegment = MemorySegment.ofArray(readBuffer.array());
            for (List<Connection> cs : List.of(active, idle, trickling)) {
                for (Connection c : cs) {
                    c.wire = new FdWire(c, readBuffer, readSegment);
                    c.nativeSocket = true; // its own socket, no channel (NativeSockets)
                }
            }
        }
    }

    @Override
    public void run() {
        poller = IoBackends.open(backend, setup.spinNs(), this::onReady);
        try {
            nanosecondTimer = poller.nanosecondTimer();
            long now = System.nanoTime();
            for (Connection c : active) {
                c.readySince = now;
                connect(c, now);
            }
            loop();
        } catch (IOException e) {
            throw new UncheckedIOException(poller.name() + " wait failed", e);
        } finally {
            finish();
        }
    }

    /** Whether this loop's waits had ns timeouts (known once {@link #run()} has started). */
    boolean nanosecondTimer() {
        return nanosecondTimer;
    }

    private void loop() throws IOException {
        while (true) {
            long now = System.nanoTime();
            if (now >= clock.hardEndNs()) {
                return;
            }
            if (!stopped && now >= clock.windowEndNs()) {
                policy.sendDue(now); // requests intended just before the end are still sent
                stop();
            }
            if (stopped && activeInflight == 0) {
                return;
            }
            long coarse = Math.min(timeouts.scanIfDue(now), clock.hardEndNs());
            long precise = Long.MAX_VALUE;
            if (!stopped) {
                if (!idle.isEmpty()) {
                    coarse = Math.min(coarse, idle.scanIfDue(now));
                }
                if (!trickle.isEmpty()) {
                    coarse = Math.min(coarse, trickle.scanIfDue(now));
                }
                coarse = Math.min(coarse, clock.windowEndNs());
                precise = policy.sendDue(now);
            }
            poller.await(coarse, precise);
        }
    }

    boolean stopped() {
        return stopped;
    }

    // ---- socket callbacks ----

    private void onReady(Connection c, int ops) {
        if (c.state == Connection.CONNECTING) { // CONNECT; with TLS, also the handshake's reads and writes
            socketConnected(c, System.nanoTime());
            return;
        }
        int generation = c.generation;
        if ((ops & WRITE) != 0) {
            socketWritable(c);
        }
        if (c.generation == generation && (ops & READ) != 0) {
            socketReadable(c);
        }
    }

    private void socketConnected(Connection c, long now) {
        boolean idleOnly = c.idle && !c.trickle;
        try {
            if (!poller.finishConnect(c)) {
                return;
            }
            if (!c.tcpConnected) {
                c.tcpConnected = true;
                c.tcpConnectedAt = now;
                if (idleOnly) {
                    idle.established();
                }
            }
            poller.interest(c, READ);
            if (!c.wire.handshake(c, now)) {
                return; // TLS: waits for the server
            }
        } catch (IOException e) {
            if (idleOnly && c.tcpConnected) {
                close(c); // its TLS handshake failed: established, then closed (IdleHolder)
                idle.handshakeFailed(c);
                return;
            }
            connectFailed(c, now, false);
            return;
        }
        c.state = Connection.OPEN;
        if (c.trickle) {
            trickle.connected(c, now);
            return;
        }
        if (c.idle) {
            idle.connected(c, now);
            return;
        }
        if (keepAlive) {
            c.readySince = now;
        }
        if (c.carried > 0) {
            writeCarried(c, now);
        }
        ready(c, now);
    }

    private void socketWritable(Connection c) {
        boolean whole;
        try {
            whole = c.wire.write(c.channel, c.out);
        } catch (IOException e) {
            lose(c, Counter.ERR_WRITE, System.nanoTime());
            return;
        }
        if (whole) {
            c.writing = false;
            poller.interest(c, READ);
            if (!c.idle) {
                ready(c, System.nanoTime());
            }
        }
    }

    private void socketReadable(Connection c) {
        if (c.trickle) {
            trickleReadable(c);
            return;
        }
        ByteBuffer buf = readBuffer;
        long now;
        while (true) {
            buf.clear();
            int r;
            try {
                r = c.wire.read(c.channel, buf);
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
                    lose(c, Counter.ERR_UNSOLICITED, now); // an answer nobody asked for
                    return;
                }
                switch (c.parser.feed(buf)) {
                    case COMPLETE -> {
                        if (!responseComplete(c, now)) {
                            return;
                        }
                    }
                    case ERROR -> {
                        lose(c, Counter.ERR_PARSE, now);
                        return;
                    }
                    case NEED_MORE -> {
                        // the buffer is used up
                    }
                }
            }
            if (!c.wire.moreToRead(r, buf.capacity())) {
                break;
            }
        }
        if (!c.idle) {
            ready(c, now);
        }
    }

    /** Whatever a server says to a trickling connection (a 408, a 400, its close) ends that connection. */
    private void trickleReadable(Connection c) {
        readBuffer.clear();
        int r;
        try {
            r = c.wire.read(c.channel, readBuffer);
        } catch (IOException e) {
            r = -1;
        }
        if (r != 0) {
            lose(c, Counter.ERR_CLOSED, System.nanoTime());
        }
    }

    private void socketClosed(Connection c, long now) {
        if (c.inflight > 0 && !c.parser.idle() && c.parser.onEof() == ParseResult.COMPLETE) {
            responseComplete(c, now); // a body delimited by the close: closes and reconnects
            return;
        }
        if (keepAlive && !c.idle && c.parser.idle() && serverCloses.endedBetweenAnswers(c)) {
            resend(c, now); // nothing lost: reconnects, and sends again what the server never read
            return;
        }
        lose(c, Counter.ERR_CLOSED, now);
    }

    /**
     * The oldest request in flight has its complete answer. The per-response path: it allocates
     * nothing, and the only check it adds to recording and counting is the window's end (an answer
     * after it is not the window's: {@link WindowAccounting#answeredAfterWindow}, off the steady state).
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
            idle.answered(c, sent);
        } else {
            activeInflight--;
            if (now < clock.windowEndNs()) {
                // the warm-up runs the window's code (see LatencyRecorders): a phase index, no branch
                int phase = LatencyRecorders.phase(intended, clock.warmupEndNs());
                int status = p.status();
                if (status < 200 || status >= 400) {
                    counters.increment(STATUS_ERRORS_BY_PHASE[phase]);
                }
                recorders.recordResponse(phase, now - intended, now - sent);
                counters.increment(REQUESTS_BY_PHASE[phase]);
                counters.add(Counter.BYTES, p.responseBytes() * (1 - phase));
            } else { // only in the grace: a deoptimisation of this branch there delays no measured answer
                accounting.answeredAfterWindow(intended);
            }
            c.readySince = now;
        }
        p.reset();
        ServerCloses.afterAnswer(c);
        if (!reuse) {
            if (keepAlive && !c.idle) {
                serverCloses.announced();
                resend(c, now); // the server reads nothing after this answer: the rest goes again
            } else {
                lose(c, Counter.ERR_CLOSED, now); // nothing in flight (no keep-alive), or an idle connection
            }
            return false;
        }
        return true;
    }

    // ---- sending ----

    private void ready(Connection c, long now) {
        if (!stopped && c.canSend()) {
            policy.ready(c, now);
        }
    }

    /** Writes {@code requests} pre-encoded requests on an active connection, already pushed in flight. */
    void send(Connection c, int requests) {
        activeInflight += requests;
        write(c, requests);
    }

    /** Writes {@code requests} pre-encoded requests; what the socket does not take waits for OP_WRITE. */
    void write(Connection c, int requests) {
        ByteBuffer out = c.out;
        out.limit(requests * setup.requestBytes()).position(0);
        boolean whole;
        try {
            whole = c.wire.write(c.channel, out);
        } catch (IOException e) {
            lose(c, Counter.ERR_WRITE, System.nanoTime());
            return;
        }
        ServerCloses.afterSend(c, whole);
        if (!whole) {
            c.writing = true;
            poller.interest(c, READ | WRITE);
        }
    }

    /**
     * Sends again, on a new connection, the requests in flight on {@code c} that the server will not
     * answer ({@link ServerCloses}); they keep their place in the window's accounting. After the window,
     * they are left unanswered.
     */
    private void resend(Connection c, long now) {
        if (stopped || c.inflight == 0) {
            lose(c, Counter.ERR_CLOSED, now); // nothing in flight: no error; after the window: unanswered
            return;
        }
        counters.add(Counter.RESENT, c.inflight);
        c.carried = c.inflight;
        close(c);
        c.readySince = now;
        counters.increment(Counter.RECONNECTS);
        connect(c, now);
    }

    /** The connection that replaces a closed one is open: the requests it carries go first. */
    private void writeCarried(Connection c, long now) {
        int n = c.carried;
        if (stopped) {
            lose(c, Counter.ERR_CLOSED, now); // the window is over: they stay unanswered
            return;
        }
        c.carried = 0;
        write(c, n);
    }

    // ---- connections ----

    /**
     * A TLS handshake finished ({@link TlsWire}, {@link OpenSslWire}): started when the TCP connect completed at
     * {@code startedNs}, done at {@code doneNs}. Recorded by the phase of its start, as a request by its
     * intended send; after the window's end, not at all. Every connection's handshakes count (active,
     * idle, trickling). Per connection, not per request.
     */
    void handshaken(Connection c, long startedNs, long doneNs, boolean resumed) {
        if (doneNs >= clock.windowEndNs()) {
            return;
        }
        int phase = LatencyRecorders.phase(startedNs, clock.warmupEndNs());
        recorders.recordHandshake(phase, doneNs - startedNs);
        counters.add(Counter.TLS_HANDSHAKES, 1 - phase);
        if (resumed) {
            counters.add(Counter.TLS_RESUMED, 1 - phase);
        }
    }

    /** Starts a non-blocking connect (from the next {@code --bind} address, if any). */
    void connect(Connection c, long now) {
        List<InetSocketAddress> bind = setup.bindAddresses();
        InetSocketAddress from = bind.isEmpty() ? null : bind.get(c.index % bind.size());
        try {
            if (c.startConnect(poller, setup.address(), from, now)) {
                socketConnected(c, now);
            }
        } catch (IOException e) {
            // refused at once, no descriptor left (EMFILE), no local port or address: a connect error
            connectFailed(c, now, false);
        }
    }

    /** A connect failed ({@code timedOut}: not completed within the connect timeout). */
    void connectFailed(Connection c, long now, boolean timedOut) {
        close(c);
        if (c.trickle) {
            trickle.connectFailed();
            return;
        }
        if (c.idle) {
            idle.connectFailed(c, timedOut);
            return;
        }
        accounting.connectionError(Counter.ERR_CONNECT, now);
        c.readySince = now;
        c.reconnectAt = now + CONNECT_BACKOFF_NS;
    }

    /**
     * The connection is gone ({@code why}: read, write, parse, timeout, closed by the server, or an
     * unsolicited answer). Each request in flight is counted once by {@link WindowAccounting#lost} (as
     * {@code why} before the window's end); an unsolicited answer counts once; a keep-alive connection
     * closed while nothing was in flight is no error. Active connections are reopened (as the send
     * policy says), idle ones are not, trickling ones at the holder's next scan.
     */
    void lose(Connection c, Counter why, long now) {
        boolean wasOpen = c.state == Connection.OPEN;
        c.carried = 0; // counted below with the rest in flight
        if (!c.idle) {
            if (why == Counter.ERR_UNSOLICITED) {
                accounting.connectionError(why, now);
            }
            accounting.lost(c, why, now);
        }
        close(c);
        if (c.trickle) {
            if (wasOpen) {
                trickle.lost();
            }
            return;
        }
        if (c.idle) {
            if (wasOpen) {
                idle.lost(c);
            }
            return;
        }
        c.readySince = now;
        if (stopped || !policy.reconnectsAtOnce()) {
            return; // the open model without keep-alive connects when the next request is due
        }
        if (keepAlive) {
            counters.increment(Counter.RECONNECTS);
        }
        connect(c, now);
    }

    /** Changes what {@code c}'s socket is watched for ({@link Poller}'s bits); for the wires. */
    void interest(Connection c, int ops) {
        poller.interest(c, ops);
    }

    void close(Connection c) {
        int lost = c.close(poller);
        if (!c.idle) {
            activeInflight -= lost;
        }
    }

    // ---- end ----

    private void stop() {
        stopped = true;
        policy.stop();
        long now = System.nanoTime();
        for (int i = 0, n = active.size(); i < n; i++) {
            Connection c = active.get(i);
            if (c.carried > 0 && c.state == Connection.CLOSED) {
                lose(c, Counter.ERR_CLOSED, now); // waiting to be sent again (a connect failed): unanswered
            }
        }
    }

    private void finish() {
        if (!stopped) {
            stop();
        }
        for (Connection c : active) {
            accounting.inFlightAtEnd(c);
            c.carried = 0;
            close(c);
        }
        idle.finish();
        trickle.finish();
        poller.close();
        if (sessions != null) {
            sessions.close();
        }
    }
}
