package mpmbench.server.master;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * Watches a batch of new children come up (every 5 ms, up to 60 s) and logs when the first one
 * accepts and when all do: the start-up cost of the model, which the suite reads from the line
 * {@code "N children ready in T ms (first after F ms)"}. Gives up at once when a child dies
 * meanwhile, so the master's loop can replace it.
 */
final class StartupReport {

    private StartupReport() {
    }

    static void await(List<ChildProcess> children, SharedScoreboard board, long t0Nanos, BooleanSupplier stopping,
                      PrintStream log) {
        long firstMs = -1;
        long deadline = t0Nanos + TimeUnit.SECONDS.toNanos(60);
        while (!stopping.getAsBoolean() && System.nanoTime() < deadline && !children.isEmpty()) {
            int ready = 0;
            for (ChildProcess c : children) {
                if (!c.process.isAlive()) {
                    return; // the loop reaps and replaces it; no start-up time to report
                }
                ready += board.processState(c.slot) == ProcessState.READY ? 1 : 0;
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0Nanos);
            if (ready > 0 && firstMs < 0) {
                firstMs = ms;
            }
            if (ready == children.size()) {
                log.printf("mpmbench serve: %d children ready in %d ms (first after %d ms)%n", ready, ms, firstMs);
                log.flush();
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
