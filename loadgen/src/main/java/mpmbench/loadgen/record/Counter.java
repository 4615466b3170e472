package mpmbench.loadgen.record;

import java.util.List;

/**
 * What a run counts, besides latencies. Errors are counted, never thrown: a run goes on whatever one
 * connection does.
 *
 * <h2>Every request of the window counted once (the open model's identity)</h2>
 * A request belongs to the phase of its intended send time (the closed model: its actual send):
 * the warm-up {@code [start, warmupEnd)}, the measured window {@code [warmupEnd, windowEnd)} (see
 * {@code RunClock}). Each request of the window is counted exactly once, in the state it was in at
 * the window's end:
 * <ul>
 *   <li>{@link #REQUESTS}: its complete answer arrived before the window's end (an error status
 *       included: {@link #ERR_STATUS} is a subset of {@link #REQUESTS});</li>
 *   <li>one of the request-level errors {@link #REQUEST_ERRORS} ({@link #ERR_READ}, {@link #ERR_WRITE},
 *       {@link #ERR_TIMEOUT}, {@link #ERR_PARSE}, {@link #ERR_CLOSED}): it was in flight on a connection
 *       that failed before the window's end (a connection that fails with three pipelined requests in
 *       flight counts three);</li>
 *   <li>{@link #UNANSWERED}: it was sent and had no complete answer at the window's end (an answer in
 *       the grace after it is {@link #ANSWERED_IN_GRACE}, a subset);</li>
 *   <li>{@link #UNSENT}: open model, it was never sent (its connection was busy or down).</li>
 * </ul>
 * so that in the open model {@code REQUESTS + REQUEST_ERRORS + UNSENT + UNANSWERED == SCHEDULED}
 * exactly, {@link #SCHEDULED} being the intended send times in the window, computed from the schedules'
 * arithmetic at the end of the run ({@code OpenSchedule#intendedIn}). The unsent and unanswered ones are
 * in the corrected histogram at a lower bound, window end − intended send time; the uncorrected and
 * lag histograms get nothing for them. In the closed model the same rule applies (an answer after the
 * window's end is not the window's) but nothing is scheduled, so {@link #SCHEDULED}, {@link #UNSENT},
 * {@link #UNANSWERED} and {@link #ANSWERED_IN_GRACE} are not reported.
 *
 * <p>Connection-level errors, {@link #ERR_CONNECT} and {@link #ERR_UNSOLICITED}, count events with no
 * request lost (the request waits for the next connect, or nothing was asked); from the warm-up's end
 * on. Errors of warm-up requests and connection errors in the warm-up are {@link #WARMUP_ERRORS}.
 */
public enum Counter {
    /**
     * Responses completed before the window's end for requests of the measured window (each one is in
     * the histograms).
     */
    REQUESTS,
    /** Response bytes (status line, headers, body) of those requests. */
    BYTES,
    /** Responses completed for requests of the warm-up, kept out of the histograms. */
    WARMUP_REQUESTS,
    /**
     * Requests of the warm-up that failed, were never answered or were answered with an error status,
     * and connection errors in the warm-up: kept apart so that the {@code ERR_*} counters are the window's.
     */
    WARMUP_ERRORS,
    /** Connect refused, failed, or not completed within the connect timeout. Connection-level. */
    ERR_CONNECT,
    /** Reading failed (connection reset). */
    ERR_READ,
    /** Writing failed. */
    ERR_WRITE,
    /** No complete answer within {@code --timeout} of the send; the connection is closed. */
    ERR_TIMEOUT,
    /** A complete response whose status is not 2xx or 3xx (still timed and counted as a request). */
    ERR_STATUS,
    /** Bytes that are not an HTTP response; the connection is closed. */
    ERR_PARSE,
    /**
     * The server closed the connection before the answer to a request in flight was complete, and the
     * request may have been read by it (a close it announced, or one the request crossed, is no error:
     * {@link #RESENT}).
     */
    ERR_CLOSED,
    /**
     * An answer nobody asked for (bytes while nothing was in flight); the connection is closed.
     * Connection-level: no request is lost with it.
     */
    ERR_UNSOLICITED,
    /**
     * Requests of the window sent and without a complete answer at the window's end (answered later in
     * the grace, failed later, or never answered by the run's hard end). Open model: in the corrected
     * histogram at window end − intended send time, a lower bound.
     */
    UNANSWERED,
    /** Of {@link #UNANSWERED}: those whose answer came in the grace, after the window's end. */
    ANSWERED_IN_GRACE,
    /**
     * Open model: requests intended within the window that were never sent (their connection was busy
     * or down). In the corrected histogram at window end − intended send time, a lower bound.
     */
    UNSENT,
    /**
     * Open model: the intended send times within the window, from the schedules' arithmetic (not
     * counted by the I/O threads; set when the run ends).
     */
    SCHEDULED,
    /** Active connections opened again after the server closed them or after an error. */
    RECONNECTS,
    /**
     * Keep-alive connections the server closed after an answer that said so ({@code Connection: close},
     * HTTP/1.0 without {@code keep-alive}, a body delimited by the close): no error ({@code ServerCloses}).
     * Over the whole run, warm-up included, like {@link #RECONNECTS}.
     */
    CLOSES_ANNOUNCED,
    /**
     * Keep-alive connections the server closed unannounced between answers with no request lost:
     * nothing was in flight, or only requests that reached its socket after it had closed
     * ({@code ServerCloses}). Over the whole run.
     */
    CLOSES_IDLE,
    /**
     * Requests sent again on a new connection because the server closed theirs without answering them:
     * pipelined behind an announced close, or crossing an idle close. Each is still counted once as a
     * request (its latency includes the lost connection); a request sent again twice counts twice
     * here. Over the whole run.
     */
    RESENT,
    /** Idle connections whose TCP connect completed (TLS: the handshake follows). */
    IDLE_ESTABLISHED,
    /** Idle connections whose first request was answered. */
    IDLE_ANSWERED,
    /** Idle connections still open at the end of the run. */
    IDLE_HELD,
    /**
     * Idle connections that were open and then closed by the server (or lost to a reset or an unparsable
     * answer); they are not reopened. One of the end classes.
     */
    IDLE_CLOSED,
    /** Idle connections never accepted: {@link #IDLE_REFUSED} + {@link #IDLE_CONNECT_TIMEOUTS}. */
    IDLE_FAILED,
    /**
     * Idle requests not answered within {@code --timeout}, and idle TLS handshakes not finished within it
     * of the TCP connect (the connection stays open and goes on waiting).
     */
    IDLE_TIMEOUTS,
    // The classes below are counted when the run ends; every idle connection is in exactly one of them
    // and of IDLE_CLOSED, so together they sum to --idle (see IdleClass).
    /** Idle connections open at the end whose request was answered at least once. */
    IDLE_OPEN_ANSWERED,
    /** Idle connections open at the end that were never answered. */
    IDLE_OPEN_UNANSWERED,
    /** Idle connections whose connect was still in progress at the end. */
    IDLE_CONNECTING,
    /** Idle connections whose connect had not started by the end (at most 64 are in progress per thread). */
    IDLE_NOT_STARTED,
    /** Idle connects refused or failed at once (no listener, no descriptor, no local port). Not retried. */
    IDLE_REFUSED,
    /** Idle TCP connects not completed within {@code --connect-timeout} (a TLS handshake is not bounded by it). Not retried. */
    IDLE_CONNECT_TIMEOUTS,
    /** Trickling connections ({@code --trickle}) that connected, reopened ones included. */
    TRICKLE_ESTABLISHED,
    /**
     * Trickling connections the server closed, reset or answered (a 408 after its {@code Timeout}, a
     * 400, a 503); each is reopened, so one connection may count several times.
     */
    TRICKLE_CLOSED,
    /** Trickling connects refused, failed or not completed within {@code --connect-timeout}; retried. */
    TRICKLE_FAILED,
    /** Trickling connections open at the end of the run (still holding a server's attention). */
    TRICKLE_HELD,
    /** Bytes the trickling connections sent. */
    TRICKLE_BYTES,
    /**
     * {@code https://}: TLS handshakes finished in the measured window (started after the warm-up), by
     * every connection (active, idle, trickling), full and resumed. A failed handshake is an
     * {@link #ERR_CONNECT} instead.
     */
    TLS_HANDSHAKES,
    /** Of {@link #TLS_HANDSHAKES}: those that resumed an earlier session (no certificate sent). */
    TLS_RESUMED;

    private static final Counter[] VALUES = values();

    /** The errors that count requests of the window, one each (see the class comment). */
    public static final List<Counter> REQUEST_ERRORS = List.of(ERR_READ, ERR_WRITE, ERR_TIMEOUT, ERR_PARSE, ERR_CLOSED);

    static Counter of(int ordinal) {
        return VALUES[ordinal];
    }
}
