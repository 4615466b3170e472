package mpmbench.loadgen;

import java.util.List;

/**
 * When a server has settled under a load ({@code --settle}): the mean requests/s of the last
 * {@link #WINDOW_S} seconds is within ±{@link #TOLERANCE} of the mean of the {@link #WINDOW_S} seconds
 * before (no trend left), so at least {@code 2 × WINDOW_S} seconds of load. Two windows of zero settle
 * too (a stalled server is steady).
 *
 * <p><b>Why this rule.</b> Measured on a 2-core VM (hello at 16 and 256 connections, per-second
 * requests/s of 20 s runs, server and load generator pinned): a JVM server climbs from 4k to 75k req/s
 * over its first 6–8 s (its JIT), a forking one over 5–10 s (children and their JITs), httpd and nginx
 * are flat after 1–2 s; single seconds scatter by ±10–40 % on a busy machine, so "three seconds within
 * ±5 %" rarely happens even on a plateau, while the means of two 2 s windows agree to 10 % as soon as
 * the climb is over. A climb with a pause in it (one JIT tier, then the next) can still pass; a suite
 * sees that as drift across its repeats.
 */
public final class SteadyState {

    /** Seconds in each of the two windows compared. */
    public static final int WINDOW_S = 2;
    /** How far the two windows' means may differ, relative. */
    public static final double TOLERANCE = 0.10;

    private SteadyState() {
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
