package mpmbench.server.master;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * Children recycled by MaxConnectionsPerChild, successor first: a child that nears its limit
 * announces it on the scoreboard ({@link SharedScoreboard#retiring}), and on its next pass (within
 * 100 ms) the master starts its successor, not at the next once-a-second maintenance; once the
 * successor accepts (or died, or {@link GracefulRestart#SUCCESSOR_WAIT_MS} passed) the master
 * {@linkplain SharedScoreboard#allowRetiring allows} the old child to stop accepting at its limit.
 * Old and new overlap, so the accept queue is never without a taker while a JVM starts (see
 * {@link mpmbench.server.child.ChildContext#accepted} for how this differs from httpd).
 *
 * <p>Where ServerLimit (or MaxRequestWorkers) leaves no room for a successor, the child is allowed
 * at once and stops at its limit as in httpd; spare maintenance replaces it. A child of an older
 * generation is allowed at once too: a graceful restart replaces it. {@link Census} counts a
 * retiring child as no spare capacity, since its successor, counted instead, takes its place.
 * Used by the master's loop thread only.
 */
final class Recycling {

    private final SharedScoreboard board;
    private final ChildTable table;
    private final Spawner spawner;
    private final int maxChildren;

    /** @param maxChildren the most children serving at once (a successor may not exceed it) */
    Recycling(SharedScoreboard board, ChildTable table, Spawner spawner, int maxChildren) {
        this.board = board;
        this.table = table;
        this.spawner = spawner;
        this.maxChildren = maxChildren;
    }

    /**
     * Called on every pass of the loop: starts a successor for each child that announced its
     * retirement, and allows those whose successor accepts to retire.
     *
     * @throws IOException when a successor JVM cannot be started; tried again on the next pass
     */
    void step(int generation) throws IOException {
        for (ChildProcess c : table.all()) {
            if (c.retiringAllowed || c.quitRequested || !board.retiring(c.slot)) {
                continue;
            }
            if (c.successor == null) {
                ChildProcess s = c.generation == generation && serving() < maxChildren
                        ? spawner.spawn(generation) : null;
                if (s == null) {
                    allow(c);
                } else {
                    c.successor = s;
                    c.successorDeadlineNanos = System.nanoTime()
                            + TimeUnit.MILLISECONDS.toNanos(GracefulRestart.SUCCESSOR_WAIT_MS);
                }
            } else if (!c.successor.process.isAlive() || board.processState(c.successor.slot) == ProcessState.READY
                    || System.nanoTime() - c.successorDeadlineNanos > 0) {
                allow(c);
            }
        }
    }

    private void allow(ChildProcess c) {
        c.retiringAllowed = true;
        board.allowRetiring(c.slot);
    }

    /** Children that are capacity for long: alive, not asked to stop, not retiring. */
    private int serving() {
        int n = 0;
        for (ChildProcess c : table.all()) {
            n += c.serving() && !board.retiring(c.slot) ? 1 : 0;
        }
        return n;
    }
}
