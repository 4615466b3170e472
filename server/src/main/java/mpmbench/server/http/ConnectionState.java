package mpmbench.server.http;

import mpmbench.server.http.io.TlsSession;

/**
 * What one connection carries from request to request, and across an {@link Outcome#IDLE} park when
 * the model waits for readability elsewhere (the event model keeps it with the channel).
 *
 * <p>Touched by one thread at a time; a hand-over between threads must publish it (a queue does).
 */
public final class ConnectionState {

    private final boolean parkWhenIdle;
    private int requestsServed;
    private TlsSession tls;

    /**
     * @param parkWhenIdle true when the model waits for the connection elsewhere: {@link Outcome#IDLE}
     *                     instead of waiting for the next request when no byte of it has arrived yet,
     *                     and {@link Outcome#LINGER} instead of draining a lingering close in the loop
     */
    public ConnectionState(boolean parkWhenIdle) {
        this.parkWhenIdle = parkWhenIdle;
    }

    public boolean parkWhenIdle() {
        return parkWhenIdle;
    }

    /** Responses written on this connection so far (error responses included). */
    public int requestsServed() {
        return requestsServed;
    }

    /** Starts over for a new connection, so a thread may reuse one instance (the last one's TLS released). */
    public void reset() {
        requestsServed = 0;
        release();
    }

    /**
     * The connection is closed: frees its TLS state's native part now ({@link TlsSession#release}),
     * rather than when the collector finds it. Idempotent.
     */
    public void release() {
        if (tls != null) {
            tls.release();
            tls = null;
        }
    }

    /** The connection's TLS state, or null for plain HTTP (or before its first turn). */
    public TlsSession tls() {
        return tls;
    }

    /** Sets the connection's TLS state at its first turn. */
    public void tls(TlsSession session) {
        this.tls = session;
    }

    void requestServed() {
        requestsServed++;
    }
}
