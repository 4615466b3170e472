package mpmbench.server.mpm;

import java.io.IOException;

/**
 * What a child does when accept() fails for a reason other than a closed socket, typically EMFILE
 * ("Too many open files") or ENFILE: it must neither die (the master would replace it only to see
 * the same) nor retry at once (the connection stays queued, so the socket stays readable and the
 * retry fails again: a busy loop at 100% CPU). It waits, 10 ms after the first failure, doubling up
 * to 1 s while the failures last, and starts over at 10 ms after the next success. One line on
 * stderr when an episode starts and one when it ends.
 *
 * <p>Not thread-safe: one per accepting thread.
 */
public final class AcceptBackoff {

    static final long FIRST_MS = 10;
    static final long MAX_MS = 1_000;

    private long nextMs = FIRST_MS;
    private long failures;

    /** Counts a failure and returns how long to wait before the next accept, in ms. */
    public long failed(IOException e) {
        if (failures++ == 0) {
            System.err.println("mpmbench child " + ProcessHandle.current().pid() + ": accept failed ("
                    + e.getMessage() + "); retrying after 10 ms, up to 1 s apart, until it works");
        }
        long ms = nextMs;
        nextMs = Math.min(MAX_MS, nextMs * 2);
        return ms;
    }

    /** An accept worked: the next failure starts a new episode. */
    public void succeeded() {
        if (failures > 0) {
            System.err.println("mpmbench child " + ProcessHandle.current().pid() + ": accept works again after "
                    + failures + " failures");
            failures = 0;
            nextMs = FIRST_MS;
        }
    }

    /** True while accepts fail. */
    public boolean failing() {
        return failures > 0;
    }
}
