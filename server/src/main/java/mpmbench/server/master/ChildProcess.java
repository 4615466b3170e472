package mpmbench.server.master;

/**
 * A child the master started: its slot, generation and process, and whether the master asked it to
 * stop. Touched only by the master's loop thread.
 */
final class ChildProcess {

    final int slot;
    final int generation;
    final Process process;
    boolean quitRequested;
    /** The child started to take this one's place at MaxConnectionsPerChild ({@link Recycling}), or null. */
    ChildProcess successor;
    long successorDeadlineNanos;
    /** The master allowed this retiring child to stop at its limit. */
    boolean retiringAllowed;

    ChildProcess(int slot, int generation, Process process) {
        this.slot = slot;
        this.generation = generation;
        this.process = process;
    }

    /** Retiring at MaxConnectionsPerChild with its successor started, or allowed to stop at its limit. */
    boolean replaced() {
        return successor != null || retiringAllowed;
    }

    long pid() {
        return process.pid();
    }

    /** Alive and not asked to stop: a child that counts as serving capacity. */
    boolean serving() {
        return !quitRequested && process.isAlive();
    }
}
