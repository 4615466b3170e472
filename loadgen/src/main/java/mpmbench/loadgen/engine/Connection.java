package mpmbench.loadgen.engine;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import mpmbench.loadgen.http.ResponseParser;

/**
 * One client connection, wrk's {@code connection} struct: its channel, its parser, the send times of
 * the requests in flight (a ring as deep as the pipeline) and, in the open model, its schedule. The
 * same object lives through reconnects. Owned by one {@link SingleThreadSelectorLoop}; never shared.
 */
final class Connection {

    static final int CLOSED = 0;
    /** The TCP connect, and for TLS the handshake after it, are in progress. */
    static final int CONNECTING = 1;
    static final int OPEN = 2;

    /** Global index over all active (or all idle) connections of the run. */
    final int index;
    /** An idle or trickling connection (held open beside the load) rather than an active one. */
    final boolean idle;
    /** A trickling connection ({@code --trickle}, {@link TrickleHolder}); {@link #idle} is true too. */
    final boolean trickle;
    final ResponseParser parser = new ResponseParser();
    /** A view of the pre-encoded request batch; only position and limit are this connection's. */
    final ByteBuffer out;
    /** Open model, active connections only; otherwise {@code null}. */
    final OpenSchedule schedule;

    private final long[] intendedNs;
    private final long[] sentNs;
    private int head;
    int inflight;

    /** How its bytes meet the socket: {@link PlainWire}, or {@link TlsWire} for {@code https://}; set by the loop. */
    Wire wire = PlainWire.INSTANCE;
    SocketChannel channel;
    /** {@link NioPoller}: the channel's key; {@code null} on other backends and while closed. */
    SelectionKey key;
    /**
     * {@link EpollPoller}: the socket's descriptor (-1 while closed), its slot in the poller's table, the
     * ops the loop watches, and whether the socket is its own ({@link NativeSockets}: no {@link #channel},
     * registered edge-triggered for both directions once).
     */
    int fd = -1;
    boolean nativeSocket;
    /** {@link EpollPoller}, edge-triggered: the server's close (or a reset) was reported on this socket. */
    boolean peerClosed;
    int slot = -1;
    int pollOps;
    /** Counts this connection's closes: a readiness of an earlier socket is told apart by it. */
    int generation;
    int state = CLOSED;
    /** A write did not complete; OP_WRITE is set and no new request is sent until it has. */
    boolean writing;
    /** nanoTime the current connect started. */
    long connectStartedAt;
    /**
     * The TCP connect of the current connect completed (at {@link #tcpConnectedAt}, nanoTime); with TLS
     * the state stays {@link #CONNECTING} while the handshake goes on.
     */
    boolean tcpConnected;
    long tcpConnectedAt;
    /** nanoTime since which the connection could send (after connect, a response, or a close). */
    long readySince;
    /** nanoTime before which a closed connection is not reopened (backoff after connect errors). */
    long reconnectAt;
    /** Idle connections: nanoTime of the next re-send. */
    long nextIdleSendAt;
    boolean idleAnswered;
    boolean idleTimedOut;
    /** Idle connections: how the connection ended, or {@code null} while it has not ({@link IdleHolder}). */
    IdleClass idleEnd;
    /** Trickling connections: nanoTime of the next byte, and bytes of the head sent on this connect. */
    long nextTrickleAt;
    long trickleSent;
    /**
     * Requests in flight kept across a close, to be written first on the next connection
     * ({@link ServerCloses}); while it is not 0, {@link #close} keeps the ring.
     */
    int carried;
    /** What a close by the server would mean now: one of {@link ServerCloses}'s states. */
    byte closeRace;

    Connection(int index, boolean idle, ByteBuffer out, int depth, OpenSchedule schedule) {
        this(index, idle, false, out, depth, schedule);
    }

    /** A trickling connection: no request of its own in flight, ever ({@link TrickleHolder}). */
    static Connection trickling(int index) {
        return new Connection(index, true, true, ByteBuffer.allocate(0), 1, null);
    }

    private Connection(int index, boolean idle, boolean trickle, ByteBuffer out, int depth, OpenSchedule schedule) {
        this.index = index;
        this.idle = idle;
        this.trickle = trickle;
        this.out = out;
        this.schedule = schedule;
        this.intendedNs = new long[depth];
        this.sentNs = new long[depth];
    }

    /**
     * Starts a non-blocking connect (TCP_NODELAY, optionally from a source address) and registers the
     * channel with {@code poller}.
     *
     * @param from local address to bind, or {@code null}
     * @return true if the connect completed at once (the channel is then registered for reading)
     * @throws IOException if it failed at once; the caller counts a connect error and calls {@link #close}
     */
    boolean startConnect(Poller poller, InetSocketAddress address, InetSocketAddress from, long now)
            throws IOException {
        connectStartedAt = now;
        tcpConnected = false;
        state = CONNECTING;
        return poller.connect(this, address, from);
    }

    /**
     * A channel for {@code address}'s own family, non-blocking, TCP_NODELAY, bound to {@code from} when
     * not {@code null}, its connect started; {@link #channel} is set before anything can fail.
     *
     * @return true if the connect completed at once
     */
    boolean openChannel(InetSocketAddress address, InetSocketAddress from) throws IOException {
        // The address's own family: a dual-stack IPv6 socket costs a setsockopt and a mapped address
        // on every connect, which shows without keep-alive.
        SocketChannel ch = SocketChannel.open(address.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel = ch;
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (from != null) {
            ch.bind(from);
        }
        return ch.connect(address);
    }

    /**
     * Hands the channel to {@code poller} (which stops watching and closes it), and forgets the partial
     * response and the requests in flight, unless they are {@link #carried} to the next connection.
     *
     * @return how many requests in flight were forgotten
     */
    int close(Poller poller) {
        wire.closing(channel);
        if (channel != null || fd >= 0) {
            poller.release(this);
            channel = null;
            fd = -1;
            generation++;
        }
        int lost = 0;
        if (carried == 0) {
            lost = inflight;
            clearInflight();
        }
        parser.reset();
        writing = false;
        closeRace = ServerCloses.NO_RACE;
        state = CLOSED;
        return lost;
    }

    /** Appends a request to the ring of requests in flight. */
    void push(long intended, long sent) {
        int i = (head + inflight) % intendedNs.length;
        intendedNs[i] = intended;
        sentNs[i] = sent;
        inflight++;
    }

    /** Intended send time (ns) of the oldest request in flight. */
    long oldestIntended() {
        return intendedNs[head];
    }

    /** Actual send time (ns) of the oldest request in flight. */
    long oldestSent() {
        return sentNs[head];
    }

    /** Intended send time (ns) of the {@code i}-th oldest request in flight, {@code 0 <= i < inflight}. */
    long intendedAt(int i) {
        return intendedNs[(head + i) % intendedNs.length];
    }

    /** Removes the oldest request in flight (its answer is complete). */
    void pop() {
        head = (head + 1) % intendedNs.length;
        inflight--;
    }

    private void clearInflight() {
        head = 0;
        inflight = 0;
    }

    /** Whether another request may be written now. */
    boolean canSend() {
        return state == OPEN && !writing && inflight < intendedNs.length;
    }
}
