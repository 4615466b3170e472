package mpmbench.server.master;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * Children recycled by MaxConnectionsPerChild, successor first: a child that nears its limit
 * announces it on the scoreboard ({@link SharedScoreboard#retiring}), and on its next pass (within
 * 100 ms) the master starts its successor, not at the next once-a-second maintenance (one at a
 * time: {@link #STARTING_AT_ONCE}); once the
 * successor accepts (or died, or {@link GracefulRestart#SUCCESSOR_WAIT_MS} passed) the master
 * {@linkplain SharedScoreboard#allowRetiring allows} the old child to stop accepting at its limit.
 * Old and new overlap, so the accept queue is never without a taker while a JVM starts (see
 * {@link mpmbench.server.mpm.ChildContext#accepted} for how this differs from httpd).
 *
 * <p>Where ServerLimit (or MaxRequestWorkers) leaves no room for a successor, the child is allowed
 * at once and stops at its limit as in httpd; spare maintenance replaces it. A child of an older
 * generation is allowed at once too: a graceful restart replaces it. {@link Census} counts a
 * child whose successor started as no spare capacity, since the successor, counted instead, takes
 * its place.
 * Used by the master's loop thread only.
 */
final class Recycling {

    /**
     * Successors started at once. Children fed by one accept queue announce their retirement
     * together (prefork's 6 within 100 ms at 150 requests/s); 6 JVMs starting at once held both
     * cores of a small machine for a second or two and the old children, still serving, answered
     * slowly meanwhile. One at a time, the others keep serving a little longer instead.
     */
    static final int STARTING_AT_ONCE = 1;

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
        int starting = starting();
        for (ChildProcess c : table.all()) {
            if (c.retiringAllowed || c.quitRequested || !board.retiring(c.slot)) {
                continue;
            }
            if (c.successor == null) {
                if (c.generation == generation && starting >= STARTING_AT_ONCE) {
                    continue;
                }
                ChildProcess s = c.generation == generation && serving() < maxChildren
                        ? spawner.spawn(generation) : null;
                if (s == null) {
                    allow(c);
                } else {
                    starting++;
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

    /** Successors started and not yet accepting. */
    private int starting() {
        int n = 0;
        for (ChildProcess c : table.all()) {
            ChildProcess s = c.successor;
            n += s != null && !c.retiringAllowed && s.process.isAlive()
                    && board.processState(s.slot) == ProcessState.STARTING ? 1 : 0;
        }
        return n;
    }

    /** Children that are capacity for long: alive, not asked to stop, not being replaced. */
    private int serving() {
        int n = 0;
        for (ChildProcess c : table.all()) {
            n += c.serving() && !c.replaced() ? 1 : 0;
        }
        return n;
    }
}
