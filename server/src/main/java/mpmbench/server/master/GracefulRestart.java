package mpmbench.server.master;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * A graceful restart in progress (httpd's {@code -k graceful}): a successor is started for every
 * serving child of an older generation, and once the successors accept (or died, or
 * {@link #SUCCESSOR_WAIT_MS} passed) every old child is asked to stop: it stops accepting, answers
 * the next request on each kept-alive connection with {@code Connection: close}, and exits. The
 * listening socket stays open in the master throughout, so the kernel queues what arrives meanwhile
 * and no connection is refused or reset.
 *
 * <p>Where ServerLimit leaves no slot for a successor, that many old children stop at once and spare
 * maintenance starts their successors as their slots free up. Used by the master's loop thread only.
 */
final class GracefulRestart {

    /** The longest the old children keep accepting while their successors start, in ms. */
    static final long SUCCESSOR_WAIT_MS = 30_000;

    private final SharedScoreboard board;
    private final ChildTable table;
    private final Spawner spawner;
    private final PrintStream log;
    private List<ChildProcess> old = List.of();
    private List<ChildProcess> successors = List.of();
    private long deadlineNanos;

    GracefulRestart(SharedScoreboard board, ChildTable table, Spawner spawner, PrintStream log) {
        this.board = board;
        this.table = table;
        this.spawner = spawner;
        this.log = log;
    }

    /** True while old children still accept and wait for their successors. */
    boolean pending() {
        return !old.isEmpty();
    }

    /** Starts the successors of every serving child older than {@code generation}. */
    void begin(int generation) {
        finish();
        old = new ArrayList<>(table.matching(c -> c.serving() && c.generation < generation));
        successors = new ArrayList<>();
        try {
            while (successors.size() < old.size()) {
                ChildProcess c = spawner.spawn(generation);
                if (c == null) {
                    break;
                }
                successors.add(c);
            }
        } catch (IOException e) {
            log.println("mpmbench: " + e.getMessage());
        }
        while (old.size() > successors.size()) {
            spawner.quit(old.removeLast());
        }
        deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SUCCESSOR_WAIT_MS);
        log.printf("mpmbench serve: graceful restart, generation %d: %d new children start%n", generation,
                successors.size());
        log.flush();
    }

    /** Called on every pass of the loop: lets the old children go once their successors accept. */
    void step() {
        if (!pending()) {
            return;
        }
        boolean started = successors.stream()
                .allMatch(c -> !c.process.isAlive() || board.processState(c.slot) == ProcessState.READY);
        if (started || System.nanoTime() - deadlineNanos > 0) {
            finish();
        }
    }

    /** Asks every old child still accepting to stop now. */
    void finish() {
        old.forEach(spawner::quit);
        old = List.of();
        successors = List.of();
    }
}
