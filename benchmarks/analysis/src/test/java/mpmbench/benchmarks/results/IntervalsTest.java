package mpmbench.benchmarks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The statistics behind every interval and verdict, on values worked out by hand. */
class IntervalsTest {

    @Test
    void a_figure_is_the_median_with_the_student_t_interval_of_the_mean() {
        // mean 100, sd 10, n 3: t(0.975, 2) = 4.303, half-width 4.3027 * 10 / sqrt(3) = 24.841
        Intervals.Estimate e = Intervals.estimate(new double[] {90, 100, 110});
        assertEquals(3, e.n());
        assertEquals(100, e.median());
        assertEquals(100 - 24.841, e.low(), 1e-3);
        assertEquals(100 + 24.841, e.high(), 1e-3);
        assertEquals(0.1, e.cv(), 1e-9);
        assertEquals(4.303, Intervals.t(2), 1e-3);
    }

    @Test
    void one_value_has_no_interval_and_nan_is_not_a_value() {
        Intervals.Estimate e = Intervals.estimate(new double[] {Double.NaN, 7});
        assertEquals(1, e.n());
        assertEquals(7, e.median());
        assertTrue(Double.isNaN(e.low()) && Double.isNaN(e.cv()));
        assertEquals(Intervals.Estimate.EMPTY, Intervals.estimate(new double[0]));
    }

    @Test
    void an_interval_of_values_that_cannot_be_negative_stops_at_zero() {
        assertEquals(0, Intervals.estimate(new double[] {1, 50, 100}).low());
    }

    @Test
    void fieller_brackets_the_ratio_of_means_and_tightens_with_more_repeats() {
        double[] a = {190, 200, 210};
        double[] b = {95, 100, 105};
        Intervals.Ratio r = Intervals.ratio(a, b);
        assertEquals(2.0, r.point(), 1e-12);
        assertTrue(r.low() < 2 && r.high() > 2 && r.low() > 1.5 && r.high() < 2.6, r.toString());
        Intervals.Ratio more = Intervals.ratio(a, b, 30);
        assertTrue(more.low() > r.low() && more.high() < r.high(), more.toString());
    }

    @Test
    void a_ratio_of_values_that_cannot_be_negative_stops_at_zero_and_says_so() {
        // README's claim 3 for httpd at 300 idle printed 0.373 [-0.229, 1.34] before
        Intervals.Ratio r = Intervals.ratio(new double[] {1, 50, 100}, new double[] {95, 100, 105});
        assertEquals(0, r.low(), r.toString());
        assertTrue(Intervals.clippedAtZero(r.low(), r.high()) && r.high() > 1, r.toString());
        // values that can be negative keep Fieller's bound as it is
        Intervals.Ratio signed = Intervals.ratio(new double[] {-49, 50, 100}, new double[] {95, 100, 105});
        assertTrue(signed.low() < 0, signed.toString());
        // an unbounded interval of such values is [0, inf]
        Intervals.Ratio open = Intervals.ratio(new double[] {10, 11, 12}, new double[] {0, 0.5, 2});
        assertEquals(0, open.low());
        assertEquals(Double.POSITIVE_INFINITY, open.high());
    }

    @Test
    void a_denominator_indistinguishable_from_zero_gives_an_unbounded_interval() {
        Intervals.Ratio r = Intervals.ratio(new double[] {10, 11, 12}, new double[] {-1, 0.5, 2});
        assertTrue(!r.bounded(), r.toString());
    }

    @Test
    void a_stalled_denominator_against_a_clearly_positive_numerator_is_infinite() {
        Intervals.Ratio r = Intervals.ratio(new double[] {900, 1000, 1100}, new double[] {0, 0, 0});
        assertEquals(Double.POSITIVE_INFINITY, r.low());
    }

    @Test
    void identical_runs_give_a_ratio_interval_around_one() {
        double[] a = {97, 100, 103};
        Intervals.Ratio r = Intervals.ratio(a, a);
        assertTrue(r.low() < 1 && r.high() > 1, r.toString());
    }

    @Test
    void the_one_sided_p_value_is_the_test_fiellers_interval_inverts() {
        double[] a = {118, 125, 131};
        double[] b = {100, 104, 97};
        Intervals.Ratio r = Intervals.ratio(a, b);
        // at the interval's own bounds the one-sided p is the 2.5 % the 95 % interval leaves on each side
        assertEquals(0.025, Intervals.pBeyond(a, b, r.low(), true), 0.004);
        assertEquals(0.025, Intervals.pBeyond(a, b, r.high(), false), 0.004);
        assertTrue(Intervals.pBeyond(a, b, 1.0, true) < 0.025);
        assertTrue(Intervals.pBeyond(a, b, 1.0, false) > 0.975);
        assertTrue(Double.isNaN(Intervals.pBeyond(new double[] {1}, b, 1.0, true)));
    }
}
