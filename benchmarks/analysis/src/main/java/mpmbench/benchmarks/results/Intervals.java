package mpmbench.benchmarks.results;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The statistics every figure of a run is given: the median of the repeats, a 95 % interval and the
 * coefficient of variation, and the interval of a ratio between two sets of repeats.
 *
 * <p><b>Why these methods.</b> A run has few repeats (3 in {@code quick}); the spread that matters is
 * the one between repeats (a target moves by ±20 % from round to round on a shared machine), not the
 * one between the seconds of one repeat, which are autocorrelated and would give intervals far too
 * narrow. With 3 values no distribution-free interval of a median reaches 95 % (the widest one,
 * [min, max], covers 75 %), and a bootstrap over 3 values collapses to the same [min, max]. So the
 * interval is Student's t-interval of the repeats' mean, the kind JMH prints as "± error" over its
 * forks and iterations: wide with few repeats, as it should be, and valid at any n ≥ 2. The interval
 * of a ratio a/b is Fieller's (1954) for the ratio of two means with Welch's degrees of freedom: it
 * takes zeros in the numerator (a crash that lost no request) and is unbounded when the denominator
 * is not distinguishable from zero. The point shown beside an interval is the median of the repeats
 * (for a ratio, the ratio of the medians). Values that are NaN (not measured) are ignored; the
 * interval of values that cannot be negative stops at 0.
 *
 * <p>Stateless and thread-safe.
 */
public final class Intervals {

    /** Two-sided confidence level of every interval. */
    public static final double LEVEL = 0.95;

    /** A figure over its repeats: median, 95 % interval of the mean, coefficient of variation (sd / mean). */
    public record Estimate(int n, double median, double low, double high, double cv) {
        /** No value at all. */
        public static final Estimate EMPTY = new Estimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * An interval of a ratio; {@code low} may be 0 (clipped when the values cannot be negative, see
     * {@link #ratio}), negative (values that can be) or −∞, and {@code high} infinite (unbounded).
     */
    public record Ratio(double point, double low, double high, Method method) {

        /** A ratio whose interval comes from elsewhere (or has none): {@link Method#NONE}. */
        public Ratio(double point, double low, double high) {
            this(point, low, high, Method.NONE);
        }

        public boolean bounded() {
            return Double.isFinite(low) && Double.isFinite(high);
        }
    }

    /** How an interval of a ratio was formed: claims.csv's {@code ratio_method}. */
    public enum Method {
        /** Fieller's interval of the ratio of two independent means ({@link #ratio}): unpaired data */
        FIELLER("fieller"),
        /** a t-interval of the mean log-ratio of values measured in the same round ({@link PairedIntervals}) */
        PAIRED("paired"),
        /** the t-interval of a figure's own mean ({@link #estimate}), not a ratio of two */
        MEAN("t"),
        /** the box of JMH's own errors (claim 5) */
        JMH("jmh-error"),
        /** no interval, or one formed elsewhere */
        NONE("");

        private final String text;

        Method(String text) {
            this.text = text;
        }

        /** As claims.csv writes it. */
        public String text() {
            return text;
        }
    }

    private Intervals() {
    }

    /** The estimate of a figure from its repeats; no interval (NaN bounds) with fewer than 2 values. */
    public static Estimate estimate(double[] values) {
        return estimate(values, LEVEL);
    }

    /** {@link #estimate(double[])} with its interval at a two-sided {@code level} (e.g. a sequential look's, {@link SequentialLooks#level}). */
    public static Estimate estimate(double[] values, double level) {
        double[] v = finite(values);
        int n = v.length;
        if (n == 0) {
            return Estimate.EMPTY;
        }
        double median = median(v);
        if (n < 2) {
            return new Estimate(1, median, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = mean(v);
        double sd = Math.sqrt(variance(v, mean));
        double half = tDf(n - 1, level) * sd / Math.sqrt(n);
        // every figure of a run is a count, a rate, a time or a size: an interval below 0 stops at 0
        double low = Arrays.stream(v).allMatch(d -> d >= 0) ? Math.max(0, mean - half) : mean - half;
        return new Estimate(n, median, low, mean + half, mean != 0 ? sd / Math.abs(mean) : Double.NaN);
    }

    /**
     * Whether an interval of {@link #estimate} or {@link #ratio} had its low bound stopped at 0: a low bound of exactly 0
     * under a high one above 0 (values that are all 0 give [0, 0]). Read from the bounds alone, so it
     * holds for cells.csv's columns as for an estimate.
     */
    public static boolean clippedAtZero(double low, double high) {
        return low == 0 && high > 0;
    }

    /**
     * Fieller's interval of mean(a) / mean(b) at {@link #LEVEL}, with Welch–Satterthwaite degrees of
     * freedom; the point is median(a) / median(b). With fewer than 2 values on a side the bounds are NaN.
     * With {@code a} and {@code b} each as if they had {@code n} repeats (same means and spreads) when
     * {@code n > 0}: what more repeats would give. When no value of either side is negative a low bound
     * below 0 (Fieller's interval reaches below 0 when the numerator's mean is near 0 against its spread)
     * stops at 0, as {@link #estimate}'s does: {@link #clippedAtZero} then holds, and an unbounded
     * interval is [0, inf].
     */
    public static Ratio ratio(double[] a, double[] b, int n) {
        return ratio(a, b, n, LEVEL);
    }

    /** {@link #ratio(double[], double[], int)} at a two-sided {@code level} instead of {@link #LEVEL}. */
    public static Ratio ratio(double[] a, double[] b, int n, double level) {
        Ratio r = fieller(a, b, n, level);
        // a ratio of figures that cannot be negative (all counts, rates, times, sizes) cannot be either:
        // a low bound below 0 stops at 0, marked as a clipped estimate is ({@link #clippedAtZero})
        boolean nonNegative = Arrays.stream(finite(a)).allMatch(d -> d >= 0) && Arrays.stream(finite(b)).allMatch(d -> d >= 0);
        return nonNegative && r.low() < 0 ? new Ratio(r.point(), 0, Math.max(0, r.high()), r.method()) : r;
    }

    private static Ratio fieller(double[] a, double[] b, int n, double level) {
        Ratio r = fiellerBounds(a, b, n, level);
        return new Ratio(r.point(), r.low(), r.high(), Method.FIELLER);
    }

    private static Ratio fiellerBounds(double[] a, double[] b, int n, double level) {
        double[] x = finite(a);
        double[] y = finite(b);
        double point = x.length == 0 || y.length == 0 ? Double.NaN : median(x) / median(y);
        if (x.length < 2 || y.length < 2) {
            return new Ratio(point, Double.NaN, Double.NaN);
        }
        double mx = mean(x);
        double my = mean(y);
        int nx = n > 0 ? n : x.length;
        int ny = n > 0 ? n : y.length;
        double vx = variance(x, mx) / nx;
        double vy = variance(y, my) / ny;
        double df = ratioDf(vx, nx, vy, ny, mx, my);
        double t = tDf(Double.isNaN(df) ? Math.min(nx, ny) - 1 : df, level);
        double t2 = t * t;
        // (mx - r my)^2 = t^2 (vx + r^2 vy)  →  (my^2 - t^2 vy) r^2 - 2 mx my r + (mx^2 - t^2 vx) = 0
        double qa = my * my - t2 * vy;
        double qb = -2 * mx * my;
        double qc = mx * mx - t2 * vx;
        if (my == 0 && vy == 0) {
            // b is exactly 0 in every repeat (a stalled target): the ratio is infinite when a is surely above 0.
            double aLow = mx - tDf(nx - 1, level) * Math.sqrt(vx);
            return aLow > 0 ? new Ratio(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)
                    : new Ratio(point, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        if (vx == 0 && vy == 0) {
            double r = mx / my;
            return new Ratio(point, r, r);
        }
        if (qa <= 0) {
            return new Ratio(point, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        double disc = qb * qb - 4 * qa * qc;
        double root = Math.sqrt(Math.max(0, disc));
        return new Ratio(point, (-qb - root) / (2 * qa), (-qb + root) / (2 * qa));
    }

    public static Ratio ratio(double[] a, double[] b) {
        return ratio(a, b, 0);
    }

    /**
     * The one-sided p-value of "mean(a) / mean(b) is above {@code r0}" ({@code above}) or below it: the
     * test Fieller's interval inverts, T = (mean(a) − r0 mean(b)) / √(var(a)/n_a + r0² var(b)/n_b)
     * against Student's t with Welch–Satterthwaite degrees of freedom. Small when the data say the ratio
     * is beyond {@code r0}; NaN with fewer than 2 values on a side.
     */
    public static double pBeyond(double[] a, double[] b, double r0, boolean above) {
        double[] x = finite(a);
        double[] y = finite(b);
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double vx = variance(x, mx) / x.length;
        double vy = variance(y, my) / y.length;
        double diff = above ? mx - r0 * my : r0 * my - mx;
        double se = Math.sqrt(vx + r0 * r0 * vy);
        if (se == 0) {
            return diff > 0 ? 0 : 1;
        }
        double df = ratioDf(vx, x.length, vy, y.length, mx, my);
        return 1 - TDistribution.of(Double.isNaN(df) ? Math.min(x.length, y.length) - 1 : df).cumulativeProbability(diff / se);
    }

    public static double median(double[] values) {
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    static double variance(double[] v, double mean) {
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return s / (v.length - 1);
    }

    /**
     * Welch–Satterthwaite degrees of freedom of mean(a) − r mean(b) at the estimated ratio r = mx / my,
     * the one df for the interval and its tests alike.
     */
    private static double ratioDf(double vx, int nx, double vy, int ny, double mx, double my) {
        double r = my != 0 ? mx / my : 1;
        return welchDf(vx, nx, r * r * vy, ny);
    }

    private static double welchDf(double vx, int nx, double vy, int ny) {
        double num = (vx + vy) * (vx + vy);
        double den = vx * vx / (nx - 1) + vy * vy / (ny - 1);
        return den == 0 ? Double.NaN : num / den;
    }

    /** The two-sided {@link #LEVEL} quantile of Student's t with {@code df} degrees of freedom. */
    static double t(int df) {
        return tDf(df, LEVEL);
    }

    private static double tDf(double df, double level) {
        return TDistribution.of(df).inverseCumulativeProbability(1 - (1 - level) / 2);
    }
}
