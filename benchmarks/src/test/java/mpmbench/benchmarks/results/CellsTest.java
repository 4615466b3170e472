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
}
