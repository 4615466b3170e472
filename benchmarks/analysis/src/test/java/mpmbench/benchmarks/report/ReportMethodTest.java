package mpmbench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.ResultsFolder;

/** report.md's Method says what the run's own load generator did, and how each claim's interval was formed. */
class ReportMethodTest {

    @Test
    void a_wrk_run_describes_wrks_warm_up_not_ours() {
        String wrk = ReportMarkdown.method(ResultsFolder.WRK);
        assertTrue(wrk.contains("wrk has no warm-up of its own"), wrk);
        assertFalse(wrk.contains("Each cell is one load-generator run"), wrk);
        String ours = ReportMarkdown.method(ResultsFolder.OUR_GENERATOR);
        assertTrue(ours.contains("Each cell is one load-generator run"), ours);
        assertFalse(ours.contains("wrk"), ours);
        assertTrue(ours.startsWith("## Method\n\n- **Steady state first.**"), ours);
        assertTrue(ours.contains("- **Repeats.**") && wrk.contains("- **Repeats.**"));
    }

    @Test
    void the_header_names_another_generator_than_ours_only() {
        assertEquals("", ReportMarkdown.generatorRow(java.util.Map.of()));
        assertEquals("", ReportMarkdown.generatorRow(java.util.Map.of(ResultsFolder.GENERATOR_KEY, ResultsFolder.OUR_GENERATOR)));
        assertEquals("| generator | wrk (wrk 4.1.0): wrk -t1 |\n", ReportMarkdown.generatorRow(java.util.Map.of(
                ResultsFolder.GENERATOR_KEY, ResultsFolder.WRK, "generator_version", "wrk 4.1.0", "generator_method", "wrk -t1")));
    }

    @Test
    void the_claims_table_names_the_interval_method() {
        assertEquals(" (paired)", ReportMarkdown.methodMark("paired"));
        assertEquals(" (Fieller)", ReportMarkdown.methodMark("fieller"));
        assertEquals("", ReportMarkdown.methodMark("jmh-error"));
        assertTrue(ReportMarkdown.method(ResultsFolder.OUR_GENERATOR).contains("mean per-round log-ratio"));
    }
}
