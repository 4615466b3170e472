package mpmbench.server.master;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stopping children for good, with escalation, so nothing is left behind: SIGTERM, then SIGKILL
 * for any still alive after {@link #TERM_GRACE_MS}, then a bounded wait for the kill to land.
 * A child exits on SIGTERM at once (it has no shutdown work), so the escalation is for a child
 * stuck in the kernel or a JVM that no longer runs its signal thread.
 */
final class Shutdown {

    /** How long children have after SIGTERM before SIGKILL, in ms. */
    static final long TERM_GRACE_MS = 5_000;
    /** How long to wait for SIGKILLed children to be gone, in ms. */
    static final long KILL_WAIT_MS = 2_000;

    private Shutdown() {
    }

    /**
     * SIGTERM to each, SIGKILL after {@link #TERM_GRACE_MS}; returns within about 7 s.
     *
     * @return how many are still alive afterwards (0 unless the kernel would not let them go)
     */
    static long hard(List<ProcessHandle> children) {
        children.forEach(ProcessHandle::destroy);
        awaitExit(children, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERM_GRACE_MS));
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(children, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MS));
        return children.stream().filter(ProcessHandle::isAlive).count();
    }

    /** Waits until every process exited or {@code deadlineNanos} (System.nanoTime) passed. */
    static void awaitExit(List<ProcessHandle> processes, long deadlineNanos) {
        for (ProcessHandle h : processes) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                return; // timed out: the caller escalates
            }
        }
    }
}
