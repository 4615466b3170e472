package mpmbench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** A/A coverage counted over cells: two targets of one run that are the same, and a planted change that is not. */
class AaCoverageTest {

    /** {@code levels} hello cells of two targets over 5 rounds; b = a's level × {@code factor}; ±10 % own noise, ±15 % per round. */
    private static Cells run(long seed, int levels, double factor) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int l = 1; l <= levels; l++) {
            for (int r = 1; r <= 5; r++) {
                double round = 0.15 * gaussian(rnd);
                for (String t : List.of("a", "b")) {
                    double rps = 10000 * (t.equals("b") ? factor : 1) * Math.exp(round + 0.10 * gaussian(rnd));
                    rows.add(Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", t).put("connections", l)
                            .put("rate", 0.0).put("idle", 0).put("repeat", r).put("status", "ok").put("rps", rps).build());
                }
            }
        }
        return new Cells(rows);
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Test
    void two_identical_targets_of_one_run_are_covered_about_95_percent_of_the_time() {
        AaCoverage c = AaCoverage.of(run(2026, 400, 1.0), "a", "b");
        assertEquals(400, c.figures()); // rps only: the rows have no latency or CPU
        assertEquals(400, c.paired());
        assertTrue(c.pairedCover() >= 372 && c.pairedCover() <= 388, c.text()); // 93–97 %
        assertTrue(c.fiellerCover() > 390, c.text()); // the shared round makes Fieller's wide
        assertEquals(c.paired() - c.pairedCover(), c.misses().size());
    }

    @Test
    void a_planted_change_is_missed_by_most_paired_intervals() {
        AaCoverage c = AaCoverage.of(run(7, 100, 1.3), "a", "b");
        assertTrue(c.pairedCover() < 30, c.text());
    }
}
