package mpmbench.benchmarks.claims;

import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.PairedIntervals;

/**
 * A verdict on a ratio a/b against a threshold, from the ratio's 95 % interval (paired by round
 * when the rounds allow, else Fieller's: {@link PairedIntervals#byRound}): {@link Verdict#HOLDS} when the whole interval is on the claim's side of
 * the threshold, {@link Verdict#DOES_NOT_HOLD} when the whole interval is on the other side, and
 * {@link Verdict#INCONCLUSIVE} otherwise, with the repeats per side that would clear it at the means
 * and spreads seen ({@link #repeatsNeeded}; 0 when more than {@link #MAX_REPEATS}).
 *
 * @param ratio    the ratio with its interval
 * @param verdict  the outcome
 * @param repeatsNeeded repeats per side that would decide an inconclusive ratio; 0 when decided or beyond
 *                 {@link #MAX_REPEATS}
 */
public record RatioCheck(Intervals.Ratio ratio, Verdict verdict, int repeatsNeeded) {

    /** More repeats than this are not worth suggesting. */
    public static final int MAX_REPEATS = 50;

    /** Which side of the threshold the claim wants the ratio on. */
    public enum Side {
        /** the claim holds when a/b is above the threshold */
        ABOVE,
        /** the claim holds when a/b is at or below the threshold */
        BELOW
    }

    /**
     * The check of a/b, with {@code a} and {@code b} given by round (element i = round i + 1, NaN where
     * none; {@link mpmbench.benchmarks.results.Cells#byRound}): the paired interval of the rounds both
     * measured when there are enough, else Fieller's ({@link PairedIntervals#byRound}).
     */
    public static RatioCheck of(double[] a, double[] b, Side side, double threshold) {
        return of(a, b, side, threshold, Intervals.LEVEL);
    }

    /**
     * As {@link #of(double[], double[], Side, double)} with the interval at a two-sided {@code level}
     * ({@link RunData#level}: 95 %, or a sequential look's 1 − 5 %/K); the repeats needed at that level too.
     */
    public static RatioCheck of(double[] a, double[] b, Side side, double threshold, double level) {
        Intervals.Ratio r = PairedIntervals.byRound(a, b, 0, level);
        Verdict v = decide(r, side, threshold);
        int needed = 0;
        if (v == Verdict.INCONCLUSIVE) {
            int have = Math.min(Intervals.estimate(a).n(), Intervals.estimate(b).n());
            for (int n = Math.max(2, have + 1); n <= MAX_REPEATS && needed == 0; n++) {
                if (decide(PairedIntervals.byRound(a, b, n, level), side, threshold) != Verdict.INCONCLUSIVE) {
                    needed = n;
                }
            }
        }
        return new RatioCheck(r, v, needed);
    }

    /**
     * "Above zero" from an interval of the values themselves (a count or a rate): holds when the 95 %
     * interval lies above 0, does not hold when it is [0, 0] (every repeat 0), inconclusive otherwise
     * and with a single repeat (no interval; one value decides nothing). The ratio field carries the
     * values' median and interval.
     */
    public static RatioCheck aboveZero(double[] values) {
        return aboveZero(values, Intervals.LEVEL);
    }

    /** {@link #aboveZero(double[])} with the interval at a two-sided {@code level} ({@link RunData#level}). */
    public static RatioCheck aboveZero(double[] values, double level) {
        Intervals.Estimate e = Intervals.estimate(values, level);
        Verdict v = e.n() < 2 ? Verdict.INCONCLUSIVE : e.low() > 0 ? Verdict.HOLDS
                : e.high() <= 0 ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
        return new RatioCheck(new Intervals.Ratio(e.median(), e.low(), e.high(), Intervals.Method.MEAN), v, 0);
    }

    private static Verdict decide(Intervals.Ratio r, Side side, double threshold) {
        if (Double.isNaN(r.low()) || Double.isNaN(r.high())) {
            return Verdict.INCONCLUSIVE;
        }
        boolean above = r.low() > threshold;
        boolean below = r.high() <= threshold;
        if (side == Side.ABOVE) {
            return above ? Verdict.HOLDS : below ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
        }
        return below ? Verdict.HOLDS : above ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
    }

    /**
     * The verdict of several ratios that must all hold: holds when all hold, does not hold when any
     * does not, else inconclusive. The ratio shown is the one that decides: the first that does not
     * hold, else the undecided one with the most repeats needed, else the one closest to the threshold.
     */
    public static RatioCheck all(Side side, RatioCheck... checks) {
        RatioCheck undecided = null;
        RatioCheck closest = checks[0];
        for (RatioCheck c : checks) {
            if (c.verdict() == Verdict.DOES_NOT_HOLD) {
                return c;
            }
            if (c.verdict() == Verdict.INCONCLUSIVE && (undecided == null || needs(c) > needs(undecided))) {
                undecided = c;
            }
            double p = c.ratio().point();
            if (side == Side.ABOVE ? p < closest.ratio().point() : p > closest.ratio().point()) {
                closest = c;
            }
        }
        return undecided != null ? undecided : closest;
    }

    /** Repeats needed, with "more than {@link #MAX_REPEATS}" (0) counted as the most. */
    private static int needs(RatioCheck c) {
        return c.repeatsNeeded() == 0 ? Integer.MAX_VALUE : c.repeatsNeeded();
    }
}
