package mpmbench.server.master;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;

import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * Starts one child JVM into a free slot (httpd's {@code make_child}): claims the scoreboard slot,
 * starts the process with the listening socket as its stdin, and arranges for its exit to wake the
 * master's loop. Used by the master's loop thread only.
 */
final class Spawner {

    private final SharedScoreboard board;
    private final ChildCommand command;
    private final ChildTable table;
    private final Runnable wake;

    Spawner(SharedScoreboard board, ChildCommand command, ChildTable table, Runnable wake) {
        this.board = board;
        this.command = command;
        this.table = table;
        this.wake = wake;
    }

    /**
     * Starts a child of {@code generation}.
     *
     * @return the child, or null when no slot is free
     * @throws IOException when the JVM cannot be started (out of processes or memory); the slot is released
     */
    ChildProcess spawn(int generation) throws IOException {
        int slot = table.freeSlot();
        if (slot < 0) {
            return null;
        }
        board.claimProcess(slot, 0, generation);
        ProcessBuilder pb = new ProcessBuilder(command.forSlot(slot, generation))
                .redirectInput(Redirect.INHERIT)
                .redirectOutput(Redirect.INHERIT)
                .redirectError(Redirect.INHERIT);
        pb.environment().putAll(command.environment());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            board.releaseProcess(slot);
            throw new IOException("cannot start a child JVM: " + e.getMessage(), e);
        }
        board.setPid(slot, p.pid());
        ChildProcess child = new ChildProcess(slot, generation, p);
        table.put(child);
        p.onExit().thenRun(wake);
        return child;
    }

    /** Asks {@code c} to stop gracefully: it stops accepting, finishes its requests and exits. */
    void quit(ChildProcess c) {
        if (!c.quitRequested) {
            c.quitRequested = true;
            board.requestQuit(c.slot);
        }
    }
}
