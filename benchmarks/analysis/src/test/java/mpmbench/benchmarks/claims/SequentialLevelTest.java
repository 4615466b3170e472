package mpmbench.benchmarks.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.PairedIntervals;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.SequentialLooks;

/**
 * {@code suite --until-decided}'s looks at the claims: each at 1 − 5 %/K (Bonferroni over K looks),
 * read from env.csv, the default run's 95 % unchanged.
 */
class SequentialLevelTest {

    /** Three rounds: prefork's CPU per request 1.25, 1.35, 1.30 × worker's and event's in the same round. */
    private static List<Row> cpu() {
        double[] ratio = {1.25, 1.35, 1.30};
        double[] round = {0.9, 1.0, 1.1};
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            double base = 50 * round[r - 1];
            rows.add(ClaimRulesTest.row("hello", "java-prefork", 16, 0, r, "cpu_us_per_req", base * ratio[r - 1]));
            rows.add(ClaimRulesTest.row("hello", "java-worker", 16, 0, r, "cpu_us_per_req", base));
            rows.add(ClaimRulesTest.row("hello", "java-event", 16, 0, r, "cpu_us_per_req", base));
        }
        return rows;
    }

    private static Row claim1b(int looks) {
        return Claims.evaluate(cpu(), new JmhResults(List.of()), List.of(), looks).stream()
                .filter(r -> r.text("claim").equals("1b") && r.text("family").equals("java")).findFirst().orElseThrow();
    }

    @Test
    void the_level_of_a_look_is_five_percent_split_over_the_looks() {
        assertEquals(Intervals.LEVEL, SequentialLooks.level(1), 0);
        assertEquals(0.99375, SequentialLooks.level(8), 1e-12);
        assertEquals(8, SequentialLooks.of(Map.of(SequentialLooks.KEY, "8")));
        assertEquals(1, SequentialLooks.of(Map.of()));
        assertEquals(1, SequentialLooks.of(Map.of(SequentialLooks.KEY, "many")));
    }

    @Test
    void a_claim_that_holds_at_95_percent_is_inconclusive_at_one_of_eight_looks() {
        Row once = claim1b(1);
        Row ofEight = claim1b(8);
        assertEquals("holds", once.text("verdict"), once.toString());
        assertEquals("inconclusive", ofEight.text("verdict"), ofEight.toString());
        assertTrue(ofEight.num("ratio_ci_low") < once.num("ratio_ci_low"), ofEight + " vs " + once);
        assertEquals(once.text("ratio"), ofEight.text("ratio"));
    }

    @Test
    void the_default_level_is_the_95_percent_of_every_normal_run() {
        double[] a = {10, 12, 11, 13};
        double[] b = {5, 5.5, 6, 5.8};
        assertEquals(PairedIntervals.byRound(a, b), PairedIntervals.byRound(a, b, 0, Intervals.LEVEL));
        assertEquals(Intervals.ratio(a, new double[] {5, 6}), Intervals.ratio(a, new double[] {5, 6}, 0, Intervals.LEVEL));
        assertEquals(Intervals.estimate(a), Intervals.estimate(a, Intervals.LEVEL));
        Intervals.Estimate wide = Intervals.estimate(a, SequentialLooks.level(8));
        assertTrue(wide.high() > Intervals.estimate(a).high(), wide.toString());
        Intervals.Ratio fieller = Intervals.ratio(a, new double[] {5, 6}, 0, SequentialLooks.level(8));
        assertTrue(fieller.high() > Intervals.ratio(a, new double[] {5, 6}).high(), fieller.toString());
    }
}
