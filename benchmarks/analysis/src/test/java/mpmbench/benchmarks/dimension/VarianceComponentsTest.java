package mpmbench.benchmarks.dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The variance components recovered from synthetic data of known components (fixed seeds: deterministic). */
class VarianceComponentsTest {

    /**
     * {@code targets} targets over {@code rounds} rounds of {@code windows} windows: log req/s =
     * ln(base) + round·roundSd + own·ownSd + window·windowSd + slope·hours, every term N(0, 1).
     */
    private static Map<String, List<VarianceComponents.Instance>> synthetic(long seed, int targets, int rounds, int windows,
                                                                         double roundSd, double ownSd, double windowSd,
                                                                         double slopePerHour) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, List<VarianceComponents.Instance>> out = new LinkedHashMap<>();
        for (int t = 0; t < targets; t++) {
            out.put("t" + t, new ArrayList<>());
        }
        for (int r = 1; r <= rounds; r++) {
            double round = roundSd * gaussian(rnd);
            for (int t = 0; t < targets; t++) {
                double start = (r - 1) * targets * 60.0 + t * 60.0; // an instance a minute
                double own = ownSd * gaussian(rnd);
                double[] rps = new double[windows];
                for (int w = 0; w < windows; w++) {
                    rps[w] = 10000 * (t + 1) * Math.exp(round + own + windowSd * gaussian(rnd) + slopePerHour * start / 3600);
                }
                out.get("t" + t).add(new VarianceComponents.Instance(r, start, rps));
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Test
    void window_instance_and_round_components_are_recovered() {
        // 400 rounds: an sd from n instances is good to about 1/√(2n) of itself
        VarianceComponents.Result r = VarianceComponents.of(synthetic(11, 4, 400, 4, 0.08, 0.10, 0.03, 0));
        assertEquals(400, r.completeRounds());
        for (VarianceComponents.Target t : r.targets()) {
            assertEquals(3.0, t.windowSd(), 0.4, t.toString());
            // instance = round and own together: √(8² + 10²) = 12.8 %
            assertEquals(12.8, t.instanceSd(), 2.5, t.toString());
            assertEquals(4.0, t.windows(), 1e-9);
            assertEquals(0, t.trendPctPerHour(), 3, t.toString());
        }
        assertEquals(8.0, r.roundSd(), 2.0, r.toString());
        VarianceComponents.Pair p = r.pairs().getFirst();
        assertEquals(6, r.pairs().size());
        // the round is shared: correlation 0.0064 / (0.0064 + 0.01 + 0.0009/4) = 0.38; log-ratio sd √2·√(0.01 + 0.0009/4) = 14.3 %
        assertEquals(0.38, p.correlation(), 0.15, p.toString());
        assertEquals(14.3, p.ratioSd(), 2.0, p.toString());
        assertTrue(p.roundsPaired() < p.roundsUnpaired(), p.toString());
    }

    @Test
    void without_a_round_effect_nothing_is_shared() {
        VarianceComponents.Result r = VarianceComponents.of(synthetic(5, 3, 60, 3, 0, 0.10, 0.05, 0));
        assertEquals(0, r.roundSd(), 3.0, r.toString());
        for (VarianceComponents.Pair p : r.pairs()) {
            assertEquals(0, p.correlation(), 0.3, p.toString());
        }
    }

    @Test
    void a_drift_over_time_is_a_trend_not_the_instances_own_luck() {
        // 10 % per hour over 8 rounds of 5 instances a minute apart (40 minutes)
        VarianceComponents.Result r = VarianceComponents.of(synthetic(3, 5, 8, 3, 0, 0.01, 0.01, 0.10));
        for (VarianceComponents.Target t : r.targets()) {
            assertEquals(10, t.trendPctPerHour(), 2.5, t.toString());
            assertTrue(t.ownSd() < t.instanceSd(), t.toString());
            assertEquals(1.0, t.ownSd(), 1.0, t.toString());
        }
    }

    @Test
    void rounds_for_five_percent_follow_the_t_interval() {
        // sd 5 %: t(n-1)·0.05/√n ≤ ln 1.05 = 0.0488 first at n = 7 (t(6) = 2.447: 0.0462)
        assertEquals(7, VarianceComponents.rounds(0.05 * 0.05));
        assertEquals(-1, VarianceComponents.rounds(Double.NaN));
        assertEquals(0, VarianceComponents.rounds(4.0)); // sd 200 %: beyond 500 rounds
    }
}
