package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import mpmbench.benchmarks.telemetry.MachineCpu;

/**
 * Waits, before a target is started, until the rest of the machine is quiet: its CPUs busy less than
 * {@link #QUIET_PCT} % of one core over a second, not counting this JVM (like {@code scripts/compare-server
 * --wait-quiet}). A figure measured beside someone else's build is the build's as much as the target's;
 * the rows still record what their window saw ({@code steal_pct}, {@code other_cpu_pct}), this only
 * keeps a suite from starting a cell into known noise. Called from the suite's thread.
 */
final class QuietWait {

    /** The rest of the machine at or under this share of one core (%) is quiet. */
    static final double QUIET_PCT = 20;

    private final Duration max;
    private final PrintStream err;

    /** @param max the longest wait per call; zero never waits */
    QuietWait(Duration max, PrintStream err) {
        this.max = max;
        this.err = err;
    }

    /**
     * Returns once a second of the machine was quiet, or after {@code max} (saying so once): the run
     * goes on either way, since a run that never starts measures nothing.
     */
    void await() throws InterruptedException {
        if (max.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + max.toNanos();
        boolean said = false;
        while (true) {
            double busy;
            try {
                busy = othersPct();
            } catch (IOException e) {
                err.println("mpmbench suite: --wait-quiet: " + e.getMessage() + "; not waiting");
                return;
            }
            if (busy <= QUIET_PCT) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                err.printf(Locale.ROOT, "%nmpmbench suite: the machine is still busy (%.0f %% of a core used by others) "
                        + "after %d s of waiting; measuring anyway (the rows record it)%n", busy, max.toSeconds());
                return;
            }
            if (!said) {
                err.printf(Locale.ROOT, "%nmpmbench suite: waiting for a quiet machine (others use %.0f %% of a core; "
                        + "at most %d s)%n", busy, max.toSeconds());
                said = true;
            }
        }
    }

    /** The CPU the machine used over one second, less this JVM's, in % of one core. */
    private static double othersPct() throws IOException, InterruptedException {
        MachineCpu a = MachineCpu.read();
        long selfA = selfCpuNs();
        Thread.sleep(1000);
        MachineCpu b = MachineCpu.read();
        long selfB = selfCpuNs();
        MachineCpu.Interval i = b.since(a);
        return Math.max(0, (i.busyNs() - (selfB - selfA)) * 100.0 / i.wallNs());
    }

    private static long selfCpuNs() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
