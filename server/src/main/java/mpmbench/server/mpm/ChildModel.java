package mpmbench.server.mpm;

/**
 * One concurrency model as it runs inside a child process, like httpd's {@code server/mpm/<name>/}.
 * The master, the scoreboard and the HTTP code are shared; only this differs between variants.
 */
public interface ChildModel {

    /**
     * Accepts and serves connections until {@link #stopAccepting()} was called (at the master's quit
     * request, or past MaxConnectionsPerChild once the child's successor accepts) and the connections
     * it holds are finished, then returns.
     */
    void run() throws Exception;

    /** Stops taking new connections; may be called from any thread, more than once. */
    void stopAccepting();
}
