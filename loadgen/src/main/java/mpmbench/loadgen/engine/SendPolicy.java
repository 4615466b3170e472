package mpmbench.loadgen.engine;

/**
 * When the active connections of one {@link SingleThreadSelectorLoop} send: {@link ClosedSendPolicy}
 * (each connection as fast as it is answered) or {@link OpenSendPolicy} (on a fixed schedule). Called
 * only from the loop's thread.
 */
interface SendPolicy {

    /**
     * The connection may send (it connected, its answer completed, or its write finished): sends what
     * the model allows now. The loop calls it only while the window is open.
     *
     * @param now nanoTime
     */
    void ready(Connection c, long now);

    /**
     * Sends what is due on every connection (open model; without keep-alive, starts the connects that
     * are due).
     *
     * @return the next intended send time still to come (nanoTime), {@code Long.MAX_VALUE} if none;
     *         the loop wakes for it precisely
     */
    long sendDue(long now);

    /** Whether a lost or closed connection is reopened at once (else when its next request is due). */
    boolean reconnectsAtOnce();

    /** The window closed: counts what was due in it and never sent. */
    void stop();
}
