package mpmbench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Intervals;

/** compare's judgment of a figure, unpaired between two runs and paired between builds of one run. */
class FigureJudgmentTest {

    // both builds move together from round to round (±20 %), new is 8 % slower in every round
    private static final double[] BASE = {10000, 12000, 8000, 11000};
    private static final double[] NEXT = {9200, 11040, 7360, 10120};

    @Test
    void a_steady_slowdown_under_a_shared_drift_is_seen_only_when_paired() {
        FigureJudgment unpaired = FigureJudgment.of(BASE, NEXT, true, 0.05, false);
        assertEquals(RunComparison.SAME, unpaired.verdict(), unpaired.toString());
        assertEquals(Intervals.Method.FIELLER, unpaired.ratio().method());
        FigureJudgment paired = FigureJudgment.of(BASE, NEXT, true, 0.05, true);
        assertEquals(RunComparison.SLOWER, paired.verdict(), paired.toString());
        assertEquals(Intervals.Method.PAIRED, paired.ratio().method());
        assertEquals(0.92, paired.ratio().point(), 1e-9);
        // worse than 5 %: certain when paired (every round says 8 %), not shown unpaired
        assertTrue(paired.pWorse() < 0.001, paired.toString());
        assertTrue(unpaired.pWorse() > 0.05, unpaired.toString());
    }

    @Test
    void lower_is_better_for_latency() {
        double[] base = {10, 12, 11};
        double[] next = {8, 9.6, 8.8};
        assertEquals(RunComparison.FASTER, FigureJudgment.of(base, next, false, 0.10, true).verdict());
    }
}
