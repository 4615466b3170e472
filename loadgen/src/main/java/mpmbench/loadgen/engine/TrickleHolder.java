package mpmbench.loadgen.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.record.Counter;

/**
 * The trickling connections ({@code --trickle}, slowloris) of one {@link SingleThreadSelectorLoop}:
 * each sends the run's request head one byte every {@code --trickle-interval} and never ends it (after
 * the head's last header line come {@code X-a: b} lines, forever, never the empty line), so a server
 * that gives each connection a thread or a process keeps one busy per connection until its own
 * timeout. A connection the server closes, resets or answers (a 408 after {@code Timeout}, a 503) is
 * counted and reopened at the next scan, as slowloris does, so the pressure stays at {@code --trickle}
 * connections. Connects go at most {@value LoadSpec#IDLE_CONNECTING_PER_THREAD} at a time, like
 * {@link IdleHolder}'s; one whose connect fails is retried at the next scan, so a server out of
 * descriptors is not spun on. No allocation per byte. Called only from the loop's thread.
 */
final class TrickleHolder {

    /** What comes after the request head's own header lines, again and again. */
    private static final byte[] FILLER = "X-a: b\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long SCAN_NS = IdleHolder.SCAN_MS * 1_000_000;

    private final SingleThreadSelectorLoop loop;
    private final List<Connection> trickling;
    private final SingleWriterCounters counters;
    /** The request head without its final empty line. */
    private final byte[] head;
    private final long intervalNs;
    private final long connectTimeoutNs;
    private final ByteBuffer one = ByteBuffer.allocate(1);
    private int connecting;
    private long nextScan;

    /**
     * @param request the run's encoded request (head ending in CRLF CRLF, no body)
     */
    TrickleHolder(SingleThreadSelectorLoop loop, List<Connection> trickling, SingleWriterCounters counters,
                  byte[] request, long intervalNs, long connectTimeoutNs) {
        this.loop = loop;
        this.trickling = trickling;
        this.counters = counters;
        this.head = java.util.Arrays.copyOf(request, Math.max(0, request.length - 2));
        this.intervalNs = intervalNs;
        this.connectTimeoutNs = connectTimeoutNs;
    }

    boolean isEmpty() {
        return trickling.isEmpty();
    }

    /**
     * Opens what is closed, times out slow connects and sends the bytes that are due, when the scan is.
     *
     * @return when the next scan is due (nanoTime)
     */
    long scanIfDue(long now) {
        if (now < nextScan) {
            return nextScan;
        }
        for (Connection c : trickling) {
            switch (c.state) {
                case Connection.CLOSED -> {
                    if (!loop.stopped() && connecting < LoadSpec.IDLE_CONNECTING_PER_THREAD) {
                        connecting++;
                        loop.connect(c, now);
                    }
                }
                case Connection.CONNECTING -> {
                    if (now - c.connectStartedAt >= connectTimeoutNs) {
                        loop.connectFailed(c, now, true);
                    }
                }
                default -> {
                    if (now >= c.nextTrickleAt) {
                        sendByte(c, now);
                    }
                }
            }
        }
        nextScan = now + SCAN_NS;
        return nextScan;
    }

    /** A trickling connect completed: its first byte goes at once. */
    void connected(Connection c, long now) {
        connecting--;
        counters.increment(Counter.TRICKLE_ESTABLISHED);
        c.trickleSent = 0;
        sendByte(c, now);
    }

    /** A trickling connect failed; it is tried again at the next scan. */
    void connectFailed() {
        connecting--;
        counters.increment(Counter.TRICKLE_FAILED);
    }

    /** The server closed, reset or answered an open trickling connection (already closed by the loop). */
    void lost() {
        counters.increment(Counter.TRICKLE_CLOSED);
    }

    /** The run ended: counts the connections still open and closes every one. */
    void finish() {
        for (Connection c : trickling) {
            if (c.state == Connection.OPEN) {
                counters.increment(Counter.TRICKLE_HELD);
            }
            loop.close(c);
        }
    }

    /** The {@code i}-th byte a trickling connection sends: the head, then the filler lines, forever. */
    byte byteAt(long i) {
        return i < head.length ? head[(int) i] : FILLER[(int) ((i - head.length) % FILLER.length)];
    }

    private void sendByte(Connection c, long now) {
        c.nextTrickleAt = now + intervalNs;
        one.clear();
        one.put(byteAt(c.trickleSent)).flip();
        try {
            c.wire.write(c.channel, one);
            if (!one.hasRemaining()) { // TLS: encrypted, maybe still waiting to reach the socket
                c.trickleSent++;
                counters.increment(Counter.TRICKLE_BYTES);
            }
        } catch (IOException e) {
            loop.lose(c, Counter.ERR_WRITE, now);
        }
    }
}
