package mpmbench.benchmarks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** cells.csv from summary.csv's repeats: statuses, values, and what a reader is told about them. */
class CellsTest {

    private static Row repeat(int r, String status, double rps) {
        return Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", "java-event").put("connections", 16)
                .put("rate", 0.0).put("idle", 0).put("repeat", r).put("status", status).put("settled", true)
                .put("rps", rps).build();
    }

    private static Row cell(Row... repeats) {
        return new Cells(List.of(repeats)).table().getFirst();
    }

    @Test
    void values_by_round_keep_each_repeat_at_its_round_so_that_two_targets_pair() {
        Cells cells = new Cells(List.of(repeat(3, "ok", 130), repeat(1, "ok", 110), repeat(2, "generator-bound", 500)));
        Cells.Key k = cells.keys().getFirst();
        double[] v = cells.byRound(k, "rps");
        assertEquals(3, v.length);
        assertEquals(110, v[0]);
        assertTrue(Double.isNaN(v[1]), "a repeat that gives no value leaves its round empty");
        assertEquals(130, v[2]);
        assertEquals(0, new Cells(List.of(repeat(1, "failed", 0))).byRound(k, "rps").length);
    }

    @Test
    void repeats_that_only_climb_are_called_a_drift() {
        Row c = cell(repeat(1, "ok", 28804), repeat(2, "ok", 37195), repeat(3, "ok", 45486.5));
        assertEquals("ok", c.text("status"));
        assertEquals("repeats drift: 28804 → 37195 → 45487 req/s (still warming up or running down while measured)",
                c.text("reason"));
    }

    @Test
    void scattered_or_small_moves_are_not_a_drift() {
        assertEquals("", cell(repeat(1, "ok", 45210), repeat(2, "ok", 33219), repeat(3, "ok", 34360)).text("reason"));
        assertEquals("", cell(repeat(1, "ok", 100), repeat(2, "ok", 105), repeat(3, "ok", 110)).text("reason"));
    }

    @Test
    void unsettled_repeats_give_values_and_the_cell_says_so_while_generator_bound_ones_do_not() {
        Row c = cell(repeat(1, "unsettled", 100), repeat(2, "ok", 110), repeat(3, "generator-bound", 500));
        assertEquals("unsettled", c.text("status"));
        assertEquals("2/3", c.text("repeats"));
        assertEquals(105, c.num("rps"));
        assertTrue(c.text("reason").contains("r1: unsettled") && c.text("reason").contains("r3: generator-bound"),
                c.text("reason"));
    }

    @Test
    void a_cell_whose_target_stalled_is_stalled_not_unsettled() {
        Row all = cell(repeat(1, "stalled", 0), repeat(2, "stalled", 0), repeat(3, "stalled", 0));
        assertEquals("stalled", all.text("status"));
        assertEquals("3/3", all.text("repeats"));
        Row some = cell(repeat(1, "ok", 100), repeat(2, "stalled", 0), repeat(3, "ok", 90));
        assertEquals("stalled", some.text("status"));
        assertTrue(some.text("reason").contains("r2: stalled"), some.text("reason"));
    }

    @Test
    void memory_counts_from_every_repeat_that_measured_the_target_throughput_from_judged_ones_only() {
        List<Row> repeats = new java.util.ArrayList<>();
        int r = 0;
        for (Status st : Status.values()) {
            r++;
            repeats.add(Row.builder(Schemas.SUMMARY).putAll(repeat(r, st.text(), 1000 + r)).put("pss_mb", 100 + r).build());
        }
        Cells cells = new Cells(repeats);
        Cells.Key k = cells.keys().getFirst();
        // ok, unsettled, saturated, stalled, generator-bound: the target was there under the load it got
        assertEquals(List.of(101.0, 102.0, 103.0, 104.0, 105.0), java.util.Arrays.stream(cells.values(k, "pss_mb")).boxed().toList());
        assertEquals(List.of("ok", "unsettled", "saturated", "stalled", "generator-bound"), java.util.Arrays.stream(Status.values())
                .filter(Status::targetMeasured).map(Status::text).toList());
        // throughput: ok, unsettled and stalled only, as before
        assertEquals(List.of(1001.0, 1002.0, 1004.0), java.util.Arrays.stream(cells.values(k, "rps")).boxed().toList());
        assertEquals(3, cells.estimate(k, "rps").n());
        assertEquals(5, cells.estimate(k, "pss_mb").n());
        assertEquals(List.of(16L), cells.levels("hello", Cells.Key::connections, "pss_mb"));
    }

    @Test
    void a_figure_with_its_interval_marks_a_low_bound_clipped_at_zero() {
        // 78073 [0, 161499] was shown as if the interval were that: it reached below zero and was stopped there
        Row c = cell(repeat(1, "ok", 20000), repeat(2, "ok", 78073), repeat(3, "ok", 130000));
        assertEquals(0.0, c.num("rps_ci_low"));
        assertTrue(Cells.withInterval(c, "rps").matches("78073 \\[0\\*, \\d+\\]"), Cells.withInterval(c, "rps"));
        Row wide = cell(repeat(1, "ok", 100), repeat(2, "ok", 105), repeat(3, "ok", 110));
        assertEquals("105 [92.58, 117]", Cells.withInterval(wide, "rps"));
        Row zeros = cell(repeat(1, "stalled", 0), repeat(2, "stalled", 0), repeat(3, "stalled", 0));
        assertEquals("0 [0, 0]", Cells.withInterval(zeros, "rps"), "all 0: nothing was clipped");
    }
}
