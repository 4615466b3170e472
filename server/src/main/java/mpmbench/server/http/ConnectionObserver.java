package mpmbench.server.http;

/**
 * What a connection loop reports as it goes, so a model can keep its scoreboard slot current
 * (Apache's letters: R reading, W writing, K keep-alive, C closing).
 *
 * <p>Called on the thread that serves the connection; implementations must not allocate or block.
 */
public interface ConnectionObserver {

    /** A request has started arriving (first byte seen): status R. */
    void reading();

    /** A complete request is being handled and its response written: status W. */
    void writing();

    /** Waiting for the next request on a kept-alive connection: status K. */
    void keepAlive();

    /** The connection is being closed: status C. */
    void closing();

    /** One response was written completely, with {@code bytes} bytes on the wire. */
    void requestDone(long bytes);

    /** Observes nothing; for tests and tools. */
    ConnectionObserver NONE = new ConnectionObserver() {
        @Override public void reading() { }
        @Override public void writing() { }
        @Override public void keepAlive() { }
        @Override public void closing() { }
        @Override public void requestDone(long bytes) { }
    };
}
