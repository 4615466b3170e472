package mpmbench.benchmarks.claims;

import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.JmhResults.Result;

/**
 * A verdict on "{@code slow} takes at least {@code factor} × {@code fast}" from two JMH results, each
 * with its own interval as JMH prints it: score ± error (JMH's 99.9 % half-width, µs), a time so never
 * below 0. The ratio's interval is the box of the two: [low(slow) / high(fast), high(slow) / low(fast)]
 * ({@code inf} when fast's interval reaches 0). It holds when the box lies above the factor, does not
 * hold when it lies at or below it, and is inconclusive otherwise: when the two intervals overlap, for
 * a factor of 1. A result without an error (JMH gives none for one sample or for a percentile such as
 * {@code p0.50}) has no interval and decides nothing. Conservative on purpose: each side is JMH's 99.9 %
 * interval, so the box covers the ratio at least 99.8 % of the time; JMH's errors on a busy machine can
 * exceed the score itself (34.7 ± 124 µs), and then nothing is claimed.
 */
final class JmhRatio {

    private JmhRatio() {
    }

    static RatioCheck atLeast(Result slow, Result fast, double factor) {
        double point = slow.scoreUs() / fast.scoreUs();
        double[] s = interval(slow);
        double[] f = interval(fast);
        if (s == null || f == null) {
            return new RatioCheck(new Intervals.Ratio(point, Double.NaN, Double.NaN), Verdict.INCONCLUSIVE, 0);
        }
        double low = s[0] / f[1];
        double high = f[0] > 0 ? s[1] / f[0] : Double.POSITIVE_INFINITY;
        Verdict v = low > factor ? Verdict.HOLDS : high <= factor ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
        return new RatioCheck(new Intervals.Ratio(point, low, high, Intervals.Method.JMH), v, 0);
    }

    /** [score − error (not below 0), score + error] in µs; null without an error. */
    static double[] interval(Result r) {
        double score = r.scoreUs();
        double error = r.errorUs();
        if (!Double.isFinite(score) || !Double.isFinite(error)) {
            return null;
        }
        return new double[] {Math.max(0, score - error), score + error};
    }
}
