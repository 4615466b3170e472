package mpmbench.benchmarks.results;

import java.util.Map;

/**
 * The error rate of {@code suite --until-decided}'s repeated looks at the data, kept by a Bonferroni
 * split over the most looks there can be, K = max-repeats − repeats + 1: every look takes its intervals
 * at 1 − 5 % / K ({@link #level}), so that stopping at the first look that decides keeps the error of
 * every figure and claim at 5 % whenever the looks stop. The suite writes K to env.csv
 * ({@link #KEY}); compare and the claims read it from there ({@link #of}), so a folder judged again
 * later takes the same level. A run without {@code --until-decided} has one look: {@link Intervals#LEVEL}.
 * Stateless.
 */
public final class SequentialLooks {

    /** env.csv's key for K, the most looks of {@code suite --until-decided}. Absent: one look. */
    public static final String KEY = "until_decided_looks";

    private SequentialLooks() {
    }

    /** K as env.csv records it ({@link #KEY}); 1 when absent or not a whole number ≥ 1. */
    public static int of(Map<String, String> env) {
        try {
            return Math.max(1, Integer.parseInt(env.getOrDefault(KEY, "1").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The two-sided level of each of {@code looks} looks: 1 − (1 − {@link Intervals#LEVEL}) / looks (0.95 for one). */
    public static double level(int looks) {
        return 1 - (1 - Intervals.LEVEL) / Math.max(1, looks);
    }
}
