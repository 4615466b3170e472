package mpmbench.benchmarks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The paired interval of a ratio: its arithmetic, when it applies, and its coverage next to Fieller's
 * on simulated A/A data of known ratio 1 (lognormal values, a fixed seed: deterministic).
 */
class PairedIntervalsTest {

    private static final double NAN = Double.NaN;

    @Test
    void the_interval_is_the_exponentiated_t_interval_of_the_mean_log_ratio() {
        double[] a = {110, 220, 330};
        double[] b = {100, 200, 300};
        Intervals.Ratio r = PairedIntervals.ratio(a, b, 0);
        // every round says 1.1: a round's level cancels, and the interval is the point
        assertEquals(1.1, r.point(), 1e-12);
        assertEquals(1.1, r.low(), 1e-12);
        assertEquals(1.1, r.high(), 1e-12);
        assertEquals(Intervals.Method.PAIRED, r.method());
        double[] c = {120, 100, 110};
        Intervals.Ratio s = PairedIntervals.ratio(c, new double[] {100, 100, 100}, 0);
        double[] d = {Math.log(1.2), 0, Math.log(1.1)};
        double m = Arrays.stream(d).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(d).map(x -> (x - m) * (x - m)).sum() / 2);
        assertEquals(Math.exp(m - 4.302653 * sd / Math.sqrt(3)), s.low(), 1e-6);
        assertEquals(Math.exp(m + 4.302653 * sd / Math.sqrt(3)), s.high(), 1e-6);
        // b/a is exactly the reciprocal of a/b
        Intervals.Ratio inv = PairedIntervals.ratio(new double[] {100, 100, 100}, c, 0);
        assertEquals(1 / s.high(), inv.low(), 1e-12);
        assertEquals(1 / s.low(), inv.high(), 1e-12);
    }

    @Test
    void only_rounds_where_both_have_a_value_pair() {
        double[] a = {110, NAN, 120, 130};
        double[] b = {100, 100, NAN, 100};
        assertTrue(PairedIntervals.pairable(a, b));
        Intervals.Ratio r = PairedIntervals.ratio(a, b, 0);
        assertEquals(Math.sqrt(1.1 * 1.3), r.point(), 1e-12); // rounds 1 and 4
    }

    @Test
    void fewer_than_two_pairs_or_a_zero_fall_back_to_fieller() {
        double[] a = {110, NAN, 120};
        double[] b = {100, 100, NAN};
        assertTrue(!PairedIntervals.pairable(a, b));
        assertEquals(Intervals.Method.FIELLER, PairedIntervals.byRound(a, b).method());
        assertTrue(Double.isNaN(PairedIntervals.ratio(a, b, 0).low()));
        double[] zeros = {0, 3, 5};
        assertTrue(!PairedIntervals.pairable(zeros, new double[] {10, 10, 11}));
        Intervals.Ratio f = PairedIntervals.byRound(zeros, new double[] {10, 10, 11});
        assertEquals(Intervals.Method.FIELLER, f.method());
        assertEquals(Intervals.ratio(zeros, new double[] {10, 10, 11}), f);
    }

    @Test
    void the_p_value_is_the_test_the_interval_inverts() {
        double[] a = {118, 125, 131, 122};
        double[] b = {100, 104, 97, 101};
        Intervals.Ratio r = PairedIntervals.ratio(a, b, 0);
        assertEquals(0.025, PairedIntervals.pBeyond(a, b, r.low(), true), 1e-9);
        assertEquals(0.025, PairedIntervals.pBeyond(a, b, r.high(), false), 1e-9);
        assertTrue(Double.isNaN(PairedIntervals.pBeyond(new double[] {1}, new double[] {1}, 1, true)));
    }

    @Test
    void more_rounds_at_the_same_spread_narrow_the_interval() {
        double[] a = {120, 100, 110};
        double[] b = {100, 100, 100};
        Intervals.Ratio three = PairedIntervals.ratio(a, b, 0);
        Intervals.Ratio ten = PairedIntervals.ratio(a, b, 10);
        assertTrue(ten.low() > three.low() && ten.high() < three.high(), ten + " vs " + three);
    }

    /** Coverage and median width over {@code trials} A/A comparisons of {@code rounds} rounds each. */
    private record Coverage(double paired, double fieller, double pairedWidth, double fiellerWidth) {
    }

    /**
     * Two targets of the same true throughput: value = 1000 · exp(round + own), round ~ N(0, roundSd)
     * shared by both targets of a round, own ~ N(0, ownSd) each instance's luck.
     */
    private static Coverage simulate(long seed, int trials, int rounds, double roundSd, double ownSd) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int paired = 0;
        int fieller = 0;
        double[] pw = new double[trials];
        double[] fw = new double[trials];
        for (int t = 0; t < trials; t++) {
            double[] a = new double[rounds];
            double[] b = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double round = roundSd * gaussian(rnd);
                a[r] = 1000 * Math.exp(round + ownSd * gaussian(rnd));
                b[r] = 1000 * Math.exp(round + ownSd * gaussian(rnd));
            }
            Intervals.Ratio p = PairedIntervals.ratio(a, b, 0);
            Intervals.Ratio f = Intervals.ratio(a, b);
            paired += p.low() <= 1 && 1 <= p.high() ? 1 : 0;
            fieller += f.low() <= 1 && 1 <= f.high() ? 1 : 0;
            pw[t] = p.high() / p.low();
            fw[t] = f.bounded() && f.low() > 0 ? f.high() / f.low() : Double.POSITIVE_INFINITY;
        }
        return new Coverage((double) paired / trials, (double) fieller / trials, Intervals.median(pw), median(fw));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** A standard normal from two uniforms (Box–Muller): SplittableRandom has no nextGaussian of its own. */
    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Test
    void both_methods_cover_one_about_95_percent_of_the_time_on_independent_rounds() {
        Coverage c = simulate(20_261_206L, 4000, 5, 0, 0.10);
        assertTrue(c.paired() > 0.935 && c.paired() < 0.965, c.toString());
        assertTrue(c.fieller() > 0.935 && c.fieller() < 0.965, c.toString());
    }

    @Test
    void with_a_shared_round_effect_paired_keeps_95_percent_and_is_narrower_while_fieller_overcovers() {
        // a round moves both targets by ±15 %, each instance adds ±5 %: the "instances ±10-20 %"
        Coverage c = simulate(7L, 4000, 5, 0.15, 0.05);
        assertTrue(c.paired() > 0.935 && c.paired() < 0.965, c.toString());
        assertTrue(c.fieller() > 0.99, c.toString()); // Fieller assumes independent sides: the shared part inflates it
        // widths as high / low: the paired one spans less than half as many log units
        assertTrue(Math.log(c.pairedWidth()) < Math.log(c.fiellerWidth()) / 2, c.toString());
    }

    @Test
    void three_rounds_cover_about_95_percent_too() {
        Coverage c = simulate(3L, 4000, 3, 0.10, 0.10);
        assertTrue(c.paired() > 0.935 && c.paired() < 0.965, c.toString());
    }
}
