package mpmbench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** Holm's step-down over a comparison's figures. */
class RunComparisonTest {

    private static RunComparison.Tested slower(double p) {
        return new RunComparison.Tested(Row.builder(Schemas.COMPARE).put("verdict", RunComparison.SLOWER), p);
    }

    private static List<String> regressions(List<RunComparison.Tested> tested) {
        RunComparison.holm(tested);
        return tested.stream().map(t -> t.row().get("regression")).toList();
    }

    @Test
    void a_p_that_passes_95_percent_alone_is_no_regression_among_ninety_figures() {
        List<RunComparison.Tested> tested = new ArrayList<>();
        tested.add(slower(0.01));
        for (int i = 0; i < 89; i++) {
            tested.add(slower(0.5));
        }
        assertEquals("false", regressions(tested).getFirst());
    }

    @Test
    void holm_steps_down_while_each_p_clears_its_own_bound() {
        // bounds 0.05/4, 0.05/3, 0.05/2, 0.05/1: the first two clear theirs, the third does not, so neither does the fourth
        List<RunComparison.Tested> tested = List.of(slower(0.001), slower(0.015), slower(0.03), slower(0.04));
        assertEquals(List.of("true", "true", "false", "false"), regressions(tested));
    }

    @Test
    void a_figure_that_got_faster_is_never_a_regression() {
        RunComparison.Tested faster = new RunComparison.Tested(
                Row.builder(Schemas.COMPARE).put("verdict", RunComparison.FASTER), 0.0);
        assertEquals(List.of("false"), regressions(List.of(faster)));
    }
}
