package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import org.junit.jupiter.api.Test;

/** How a measured row is classified from what the load generator says about itself. */
class CellClassifyTest {

    private static Row.Builder okRow() {
        return Row.builder(Schemas.SUMMARY).put("status", "ok").put("reason", "").put("warmup_s", "4.0");
    }

    private static CellStatus.Generator gen(String rate, String cpuPct, String lagP99Ms, String behind) {
        return CellStatus.Generator.of(Map.of("rate", rate, "client_cpu_pct", cpuPct, "lag_p99_ms", lagP99Ms,
                "generator_behind", behind));
    }

    @Test
    void closedModelAtNinetyPercentOfItsCoreIsGeneratorBound() {
        Row.Builder row = okRow();
        CellStatus.classify(row, gen("0", "93.0", "0", "false"), "true", List.of(), Double.NaN);
        assertEquals("generator-bound", row.get("status"));
        assertTrue(row.get("reason").contains("93 %"), row.get("reason"));
    }

    @Test
    void openModelSpinningOnItsCoreButOnScheduleIsOk() {
        Row.Builder row = okRow();
        CellStatus.classify(row, gen("16000", "99.0", "0.004", "false"), "true", List.of(), Double.NaN);
        assertEquals("ok", row.get("status"));
    }

    @Test
    void openModelBehindItsScheduleIsGeneratorBoundWhateverItsCpu() {
        Row.Builder row = okRow();
        CellStatus.classify(row, gen("16000", "40.0", "12.5", "true"), "true", List.of(), Double.NaN);
        assertEquals("generator-bound", row.get("status"));
        assertTrue(row.get("reason").contains("send lag p99 12.5 ms"), row.get("reason"));
    }

    @Test
    void unsettledOnlyWhenTheGeneratorIsNotTheLimit() {
        Row.Builder row = okRow();
        CellStatus.classify(row, gen("0", "50.0", "0", "false"), "false",
                List.of(new LoadgenRun.Second(1.0, true, 1000, 0), new LoadgenRun.Second(2.0, true, 1500, 0)), Double.NaN);
        assertEquals("unsettled", row.get("status"));
        assertTrue(row.get("reason").contains("1000, 1500"), row.get("reason"));
    }

    @Test
    void noRequestCompletedWhileRequestsWaitedIsStalledNotOkAtZero() {
        Row.Builder row = okRow().put("rate", 64000.0).put("requests", 0L).put("rps", 0.0).put("errors", 0L)
                .put("unsent", 199427L).put("unanswered", 64L);
        CellStatus.classify(row, gen("64000", "99.0", "0.004", "false"), "true", List.of(), Double.NaN);
        assertEquals("stalled", row.get("status"));
        assertTrue(row.get("reason").contains("(0 errors, 199427 unsent, 64 unanswered)"), row.get("reason"));
    }

    @Test
    void closedModelWithNoAnswerInTheWindowIsStalled() {
        Row.Builder row = okRow().put("connections", 16).put("requests", 0L).put("rps", 0.0).put("errors", 0L);
        CellStatus.classify(row, gen("0", "3.0", "0", "false"), "true", List.of(), 0);
        assertEquals("stalled", row.get("status"));
        assertTrue(row.get("reason").contains("on its 16 connections"), row.get("reason"));
    }

    @Test
    void openModelUnderNinetyPercentOfItsRateIsSaturated() {
        Row.Builder row = okRow().put("rate", 16000.0).put("requests", 40000L).put("rps", 13000.0)
                .put("unsent", 7000L).put("unanswered", 64L);
        CellStatus.classify(row, gen("16000", "99.0", "0.004", "false"), "true", List.of(), 13000);
        assertEquals("saturated", row.get("status"));
        assertTrue(row.get("reason").contains("13000 req/s of 16000 offered (81 %)"), row.get("reason"));
        assertTrue(row.get("reason").contains("7064 censored"), row.get("reason"));
    }

    @Test
    void noWindowRequestCompletedWhileTheTargetAnsweredTheWarmupsBacklogIsSaturatedNotStalled() {
        Row.Builder row = okRow().put("rate", 16000.0).put("requests", 0L).put("rps", 0.0).put("errors", 0L)
                .put("unsent", 32000L).put("unanswered", 0L);
        CellStatus.classify(row, gen("16000", "52.0", "0.001", "false"), "true", List.of(), 14400);
        assertEquals("saturated", row.get("status"));
        assertTrue(row.get("reason").contains("the target answered 14400 req/s in the window"), row.get("reason"));
    }

    @Test
    void openModelAtItsRateIsOk() {
        Row.Builder row = okRow().put("rate", 16000.0).put("requests", 48000L).put("rps", 15990.0)
                .put("unsent", 0L).put("unanswered", 3L);
        CellStatus.classify(row, gen("16000", "99.0", "0.004", "false"), "true", List.of(), Double.NaN);
        assertEquals("ok", row.get("status"));
    }

    @Test
    void aFailedRowStaysFailed() {
        Row.Builder row = Row.builder(Schemas.SUMMARY).put("status", "failed").put("reason", "no child to kill");
        CellStatus.classify(row, gen("0", "99.0", "0", "false"), "true", List.of(), Double.NaN);
        assertEquals("failed", row.get("status"));
    }
}
