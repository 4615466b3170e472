package mpmbench.benchmarks.suite;

import java.time.Duration;
import java.util.List;

/**
 * When a target has settled under a load: the mean requests/s of the last {@link #WINDOW_S} seconds is
 * within ±{@link #TOLERANCE} of the mean of the {@link #WINDOW_S} seconds before (no trend left), after
 * at least {@code 2 × WINDOW_S} seconds, at most {@code cap}. Two windows of zero settle too (a
 * stalled target is steady).
 *
 * <p><b>Why this rule.</b> Measured here (a 2-core VM, hello at 16 and 256 connections, per-second
 * requests/s from a 20 s run, target and load generator pinned): java-event climbs from 4k to 75k req/s
 * over its first 6–8 s (its JIT), java-worker and java-prefork over 5–10 s (children and their JITs),
 * httpd and nginx are flat after 1–2 s; single seconds scatter by ±10–40 % on a busy machine, so "three
 * seconds within ±5 %" rarely happens even on a plateau, while the means of two 2 s windows agree to
 * 10 % as soon as the climb is over.
 *
 * <p>Not thread-safe; fed from one thread.
 */
public final class SteadyState {

    /** Seconds in each of the two windows compared. */
    public static final int WINDOW_S = 2;
    /** How far the two windows' means may differ, relative. */
    public static final double TOLERANCE = 0.10;

    private final double capS;

    /** @param cap the longest a settling phase may run (then the cell is {@code unsettled}) */
    public SteadyState(Duration cap) {
        this.capS = cap.toMillis() / 1000.0;
    }

    public double capS() {
        return capS;
    }

    /** Whether the per-second requests/s seen so far (oldest first, whole seconds of load) have settled. */
    public static boolean settled(List<Long> rps) {
        int n = rps.size();
        if (n < 2 * WINDOW_S) {
            return false;
        }
        double before = mean(rps.subList(n - 2 * WINDOW_S, n - WINDOW_S));
        double last = mean(rps.subList(n - WINDOW_S, n));
        if (before == 0 && last == 0) {
            return true;
        }
        return before > 0 && Math.abs(last / before - 1) <= TOLERANCE;
    }

    private static double mean(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).average().orElse(0);
    }
}
