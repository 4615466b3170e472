package mpmbench.loadgen.engine;

/**
 * What a run counts, besides latencies. Errors are counted, never thrown: a run goes on whatever one
 * connection does. Each failed request counts once (a connection that dies with three pipelined
 * requests in flight counts three); a connect that fails counts once.
 */
public enum Counter {
    /** Responses completed for requests of the measured window (each one is in the histograms). */
    REQUESTS,
    /** Response bytes (status line, headers, body) of those requests. */
    BYTES,
    /** Responses completed for requests of the warm-up, kept out of the histograms. */
    WARMUP_REQUESTS,
    /**
     * Failed requests of the warm-up (any cause; by the intended send time, like {@link #WARMUP_REQUESTS}),
     * and failed connects during it. Kept apart so the {@code ERR_*} counters are the measured window's:
     * a fresh httpd-prefork's first seconds (5 children, one more, two, four… a second, issue 19) must
     * not read as errors of a window that had none.
     */
    WARMUP_ERRORS,
    /** Connect refused, failed, or not completed within the connect timeout. */
    ERR_CONNECT,
    /** Reading failed (connection reset). */
    ERR_READ,
    /** Writing failed. */
    ERR_WRITE,
    /** No complete answer within {@code --timeout} of the send; the connection is closed. */
    ERR_TIMEOUT,
    /** A complete response whose status is not 2xx or 3xx (still timed and counted as a request). */
    ERR_STATUS,
    /** Bytes that are not an HTTP response, or an answer nobody asked for; the connection is closed. */
    ERR_PARSE,
    /** The server closed the connection before the answer to a request in flight was complete. */
    ERR_CLOSED,
    /** Requests sent but still unanswered when the run ended. */
    UNANSWERED,
    /** Open model: requests due within the window that were never sent (their connection was busy). */
    UNSENT,
    /** Active connections opened again after the server closed them or after an error. */
    RECONNECTS,
    /** Idle connections that connected. */
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
    /** Idle requests not answered within {@code --timeout} (the connection stays open). */
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
    /** Idle connects not completed within {@code --connect-timeout}. Not retried. */
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
    TRICKLE_BYTES;

    private static final Counter[] VALUES = values();

    static Counter of(int ordinal) {
        return VALUES[ordinal];
    }
}
