package mpmbench.benchmarks.compare;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.TDistribution;

import mpmbench.benchmarks.results.Intervals;

/**
 * The interval of a ratio new / base from paired rounds: Student's t-interval of the mean of the
 * per-round log-ratios, exponentiated (so a ratio and its inverse get mirrored intervals). Valid for
 * rounds that measured both builds in the same machine state ({@code suite --baseline}): what the
 * rounds share cancels in each round's ratio, which is why it is narrower than Fieller's over the
 * unpaired repeats ({@link Intervals#ratio}).
 *
 * <p><b>PLACEHOLDER (h-baseline, issue 20 item 3):</b> issue 20 item 2 (h-claims) brings the project's
 * paired interval into {@code results/Intervals}; when it lands, this class should call it and go.
 * Stateless and thread-safe.
 */
final class PairedRatio {

    private PairedRatio() {
    }

    /** The interval at {@link Intervals#LEVEL} from log(new_i / base_i) of n ≥ 2 rounds; point = exp(mean). */
    static Intervals.Ratio interval(double[] logRatios) {
        return interval(logRatios, Intervals.LEVEL);
    }

    /** As {@link #interval(double[])} at a two-sided {@code level} (e.g. 0.99375 for one of 8 looks at 5 %). */
    static Intervals.Ratio interval(double[] logRatios, double level) {
        int n = logRatios.length;
        double mean = mean(logRatios);
        double half = TDistribution.of(n - 1).inverseCumulativeProbability(1 - (1 - level) / 2) * se(logRatios, mean);
        return new Intervals.Ratio(Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half));
    }

    /**
     * The one-sided p-value of "the ratio is beyond {@code r0}" (above it when {@code above}, else below):
     * small when the rounds say so; the paired t-test of the mean log-ratio against log r0.
     */
    static double pBeyond(double[] logRatios, double r0, boolean above) {
        double mean = mean(logRatios);
        double se = se(logRatios, mean);
        double diff = above ? mean - Math.log(r0) : Math.log(r0) - mean;
        if (se == 0) {
            return diff > 0 ? 0 : 1;
        }
        return 1 - TDistribution.of(logRatios.length - 1).cumulativeProbability(diff / se);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double se(double[] v, double mean) {
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return Math.sqrt(s / (v.length - 1) / v.length);
    }
}
