package mpmbench.loadgen.engine;

import java.io.IOException;
import java.nio.ByteBuffer;

import mpmbench.loadgen.record.Counter;

/**
 * What a keep-alive connection closed by the server means for the requests in flight on it: an error
 * only when the server may have taken them. Counts {@link Counter#CLOSES_ANNOUNCED},
 * {@link Counter#CLOSES_IDLE} and {@link Counter#RESENT}; the loop sends the requests again
 * ({@code SingleThreadSelectorLoop.resend}), they keep their intended and actual send times (so their
 * latency includes the lost connection), and each is still counted once as {@link Counter} says.
 * <ul>
 *   <li><b>Announced</b> (RFC 9112 §9.6): the answer said the connection ends ({@code Connection: close},
 *       HTTP/1.0 without {@code keep-alive}, a body delimited by the close). The server processes no
 *       request after it, so the ones pipelined behind it are sent again on a new connection (§9.3.2:
 *       a client SHOULD retry unanswered pipelined requests).</li>
 *   <li><b>Idle</b>, unannounced: the end of the stream with nothing in flight, or with requests the
 *       server demonstrably never read: they went out in one write into a connection left empty by
 *       its last complete answer, no byte of an answer came, and the stream ended cleanly, and then a
 *       probe ({@code CRLF}, which RFC 9112 §2.2 lets a server ignore) fails: the server's socket
 *       was already closed when they reached it, so its kernel reset the connection (§9.3.1: GET is
 *       idempotent and may be retried). This is the close that came right after the last answer and
 *       crossed our next request on the wire.</li>
 *   <li>Anything else stays an error of the requests in flight, as before: a close in the middle of an
 *       answer, or with requests the server may have read ({@code err_closed}); a reset on reading
 *       ({@code err_read}: a server that closes with a request unread makes its kernel reset the
 *       connection, whether it crashed or not); a close while a request the server had time to read was
 *       in flight (the probe's write succeeds). A re-sent request is written on a fresh connection, which
 *       never counts as idle until it has answered, so a server that refuses every request cannot make
 *       the generator re-send without counting.</li>
 * </ul>
 * The probe's verdict needs the server's reset to have come back by the time the end of the stream is
 * read: on loopback it has, as a rule (the reset is processed within the write that provoked it, unless
 * a loaded kernel defers it: 5 of 3,848 such closes in a test at a load average of 15 on 2 cores); over a
 * real network it takes a round trip. Where it has not, the close is still counted {@code err_closed}:
 * the verdict errs only towards an error.
 *
 * <p>The state kept for it is one byte per connection, {@link Connection#closeRace}, set on each answer and
 * each send ({@link #afterAnswer}, {@link #afterSend}): no allocation, no system call in the steady state.
 * Single-threaded: owned by one loop.
 */
final class ServerCloses {

    /** A close now could take requests the server may have read. */
    static final byte NO_RACE = 0;
    /** The connection's last answer left nothing in flight. */
    static final byte EMPTY_AFTER_ANSWER = 1;
    /** Since then, exactly one write of requests: an unannounced close now may have crossed them. */
    static final byte ONE_BATCH_AFTER_ANSWER = 2;

    private static final byte[] CRLF = {'\r', '\n'};

    private final SingleWriterCounters counters;

    ServerCloses(SingleWriterCounters counters) {
        this.counters = counters;
    }

    /** An answer completed on {@code c} (its request already popped). On the per-response path. */
    static void afterAnswer(Connection c) {
        c.closeRace = c.inflight == 0 ? EMPTY_AFTER_ANSWER : NO_RACE;
    }

    /** Requests were written on {@code c}, entirely or in part ({@code whole} false). On the per-request path. */
    static void afterSend(Connection c, boolean whole) {
        c.closeRace = whole && c.closeRace == EMPTY_AFTER_ANSWER ? ONE_BATCH_AFTER_ANSWER : NO_RACE;
    }

    /** An answer ended a keep-alive connection; the requests still in flight on it are to be sent again. */
    void announced() {
        counters.increment(Counter.CLOSES_ANNOUNCED);
    }

    /**
     * The server ended the stream of keep-alive connection {@code c} between answers (no byte of an
     * answer in progress). Counts an idle close when nothing in flight is lost.
     *
     * @return true when the requests in flight, if any, were never read by the server and are to be
     *         sent again; false when they are errors
     */
    boolean endedBetweenAnswers(Connection c) {
        if (c.inflight > 0 && !(c.closeRace == ONE_BATCH_AFTER_ANSWER && refused(c))) {
            return false;
        }
        counters.increment(Counter.CLOSES_IDLE);
        return true;
    }

    /** Whether the peer reset the connection after its end of stream: it refused what we sent since. */
    private static boolean refused(Connection c) {
        try {
            if (c.channel != null) {
                c.channel.write(ByteBuffer.wrap(CRLF)); // raw, even under TLS, as before
            } else {
                c.wire.write(null, ByteBuffer.wrap(CRLF)); // a socket of its own (FdWire)
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
