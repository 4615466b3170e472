package mpmbench.benchmarks.results;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The interval of a ratio a/b when a and b were measured in the same rounds: {@code a[i]} and
 * {@code b[i]} are round {@code i + 1}'s values (NaN where a round gave none), as
 * {@link Cells#byRound} gives them. The suite runs round 1 of every target, then round 2, ... (its
 * {@code SuiteRunner}), so summary.csv's repeat r of every target is round r: the targets of a round
 * shared the machine's state (its drift, its neighbours, its turbo), which a ratio taken within the
 * round cancels.
 *
 * <p><b>The method.</b> The interval is Student's t-interval of the mean of the per-round
 * log-ratios d_r = ln a_r − ln b_r over the k rounds where both gave a value, exponentiated:
 * exp(mean(d) ± t(k−1) sd(d)/√k); the point is exp(mean(d)), the geometric mean of the per-round
 * ratios (the centre of the interval). Why: a round's state multiplies what every target does in it
 * (a slower machine is slower for all), so on the log scale it is an additive term that the difference
 * of two targets in the same round removes, leaving only each instance's own noise; a throughput's
 * noise is multiplicative (a share of itself), so the log-ratios are close to normal, which is what
 * the t-interval needs (exact for lognormal values). The exponentiated interval is always above 0,
 * and the interval of b/a is exactly the reciprocal of that of a/b, which Fieller's is not. It is the
 * one-sample t-interval, so it needs k ≥ 2 rounds with both values (df = k − 1; with k = 2 its
 * t is 12.7, wide but valid). Its target is the ratio of geometric means, which for spreads of a few
 * tens of % differs from the ratio of means by far less than the interval's width.
 *
 * <p><b>When it does not apply</b> ({@link #byRound} then gives Fieller's {@link Intervals#ratio}
 * over every value, the pairing lost but not the data): fewer than 2 rounds with both values, or a
 * value ≤ 0 in such a round (a crash that lost no request, a stalled target: no logarithm). Rounds
 * where only one side has a value are left out of the paired interval.
 *
 * <p>Stateless and thread-safe.
 */
public final class PairedIntervals {

    /** Fewest rounds with both values for a paired interval: a t-interval needs one degree of freedom. */
    public static final int MIN_PAIRS = 2;

    private PairedIntervals() {
    }

    /** The per-round log-ratios ln a_r − ln b_r of the rounds where both are finite; null when a pair has a value ≤ 0. */
    static double[] logRatios(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double[] d = IntStream.range(0, n).filter(i -> Double.isFinite(a[i]) && Double.isFinite(b[i]))
                .mapToDouble(i -> a[i] > 0 && b[i] > 0 ? Math.log(a[i]) - Math.log(b[i]) : Double.NaN).toArray();
        return Arrays.stream(d).anyMatch(Double::isNaN) ? null : d;
    }

    /** Whether a and b, given by round, have a paired interval: at least {@link #MIN_PAIRS} rounds with both, none ≤ 0. */
    public static boolean pairable(double[] a, double[] b) {
        double[] d = logRatios(a, b);
        return d != null && d.length >= MIN_PAIRS;
    }

    /**
     * The paired interval of a/b ({@link Intervals.Method#PAIRED}) at {@link Intervals#LEVEL}; NaN bounds
     * (and point) when not {@link #pairable}. With {@code n > 0}: as if the log-ratios' mean and spread
     * came from {@code n} rounds, what more rounds would give.
     */
    public static Intervals.Ratio ratio(double[] a, double[] b, int n) {
        return ratio(a, b, n, Intervals.LEVEL);
    }

    /** {@link #ratio(double[], double[], int)} at a two-sided {@code level} (a sequential look's, {@link SequentialLooks#level}). */
    public static Intervals.Ratio ratio(double[] a, double[] b, int n, double level) {
        double[] d = logRatios(a, b);
        if (d == null || d.length < MIN_PAIRS) {
            return new Intervals.Ratio(Double.NaN, Double.NaN, Double.NaN, Intervals.Method.PAIRED);
        }
        return ofLogRatios(d, n > 0 ? n : d.length, level);
    }

    /**
     * The paired interval from per-round log-ratios {@code d} (at least {@link #MIN_PAIRS}) at a
     * two-sided {@code level} (e.g. 0.99375 for one of 8 sequential looks at 5 %, Bonferroni), as if
     * from {@code k} rounds: exp(mean(d) ± t(k−1) sd(d)/√k).
     */
    public static Intervals.Ratio ofLogRatios(double[] d, int k, double level) {
        double m = Intervals.mean(d);
        double t = TDistribution.of(k - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * Math.sqrt(Intervals.variance(d, m) / k);
        return new Intervals.Ratio(Math.exp(m), Math.exp(m - half), Math.exp(m + half), Intervals.Method.PAIRED);
    }

    /**
     * The one-sided p-value of "a/b is above {@code r0}" ({@code above}) or below it, from the paired
     * log-ratios: T = (mean(d) − ln r0) / (sd(d)/√k) against Student's t with k − 1 degrees of freedom,
     * the test {@link #ratio}'s interval inverts. NaN when not {@link #pairable}.
     */
    public static double pBeyond(double[] a, double[] b, double r0, boolean above) {
        double[] d = logRatios(a, b);
        return d == null || d.length < MIN_PAIRS ? Double.NaN : pBeyondLogRatios(d, r0, above);
    }

    /** {@link #pBeyond} from per-round log-ratios {@code d} (at least {@link #MIN_PAIRS}): the paired t-test. */
    public static double pBeyondLogRatios(double[] d, double r0, boolean above) {
        double m = Intervals.mean(d);
        double se = Math.sqrt(Intervals.variance(d, m) / d.length);
        double diff = above ? m - Math.log(r0) : Math.log(r0) - m;
        if (se == 0) {
            return diff > 0 ? 0 : 1;
        }
        return 1 - TDistribution.of(d.length - 1).cumulativeProbability(diff / se);
    }

    /**
     * The interval of a/b for values given by round: {@link #ratio} when {@link #pairable}, else
     * Fieller's {@link Intervals#ratio} over all values. {@code n > 0}: as if from {@code n} rounds.
     * {@link Intervals.Ratio#method} says which.
     */
    public static Intervals.Ratio byRound(double[] a, double[] b, int n) {
        return byRound(a, b, n, Intervals.LEVEL);
    }

    /** {@link #byRound(double[], double[], int)} at a two-sided {@code level} instead of {@link Intervals#LEVEL}. */
    public static Intervals.Ratio byRound(double[] a, double[] b, int n, double level) {
        return pairable(a, b) ? ratio(a, b, n, level) : Intervals.ratio(a, b, n, level);
    }

    public static Intervals.Ratio byRound(double[] a, double[] b) {
        return byRound(a, b, 0);
    }

    /** {@link #pBeyond} when {@link #pairable}, else Fieller's {@link Intervals#pBeyond}: the test of {@link #byRound}. */
    public static double pBeyondByRound(double[] a, double[] b, double r0, boolean above) {
        return pairable(a, b) ? pBeyond(a, b, r0, above) : Intervals.pBeyond(a, b, r0, above);
    }
}
