package mpmbench.benchmarks.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 5 on a real micro run (src/test/resources/fixture/micro, from results/micro-2026-11-26) and on
 * planted changes of it: every comparison from JMH's score and error together.
 */
class MicroClaimTest {

    static List<Row> read(String name) throws IOException {
        try (var in = new InputStreamReader(MicroClaimTest.class.getResourceAsStream("/fixture/micro/" + name),
                StandardCharsets.UTF_8)) {
            return CsvTables.read(in);
        }
    }

    private static Row claim5(List<Row> jmh, List<Row> memory) {
        return Claims.evaluate(List.of(), JmhResults.of(jmh), memory).stream()
                .filter(r -> r.text("claim").equals("5")).findFirst().orElseThrow();
    }

    @Test
    void on_the_committed_micro_run_jmh_errors_leave_start_and_switch_undecided() throws IOException {
        Row c = claim5(read("jmh.csv"), read("memory.csv"));
        // once "does not hold" from the sampled medians (process peer 3.332 µs vs thread peer 3.644 µs),
        // which JMH gives no error: the averages with their errors overlap, and a platform thread's start
        // (259.5 ± 512.5 µs) reaches 0
        assertEquals("inconclusive", c.text("verdict"), c.toString());
        assertEquals("micro", c.text("family"));
        assertEquals("start inconclusive: process / platform = 6.32 [0.90, inf], platform / virtual = 17.53 [0.00, inf]; "
                + "switch inconclusive: process peer / thread peer = 0.74 [0.11, 2.40], platform / virtual = 4.59 [0.55, 17.73]",
                c.text("note"));
        assertEquals("start_us platform_thread=259.550 ±512.503; virtual_thread=14.803 ±18.464; bin_true=1640.847 ±946.403; "
                + "child_jvm_worker=178584.553 ±38009.974; switch_us pipe_thread_peer=6.587 ±2.997 (sampled median 3.644); "
                + "pipe_process_peer=4.850 ±3.781 (sampled median 3.332); park_platform=5.516 ±4.507 (sampled median 3.012); "
                + "park_virtual=1.202 ±0.637 (sampled median 0.830); "
                + "memory_kb platform_thread_rss=81.120; virtual_thread_rss=2.630; child_jvm_pss=38191.000 (prefork)",
                c.text("values"));
        assertEquals("inf", c.text("ratio_ci_high"));
        assertTrue(c.text("threshold").startsWith("start: process >= 2.0 x platform thread >= 2.0 x virtual thread"));
    }

    /** The micro run with JMH errors narrow enough to decide the start part and park/unpark (a quiet machine). */
    private static List<Row> quietStart() throws IOException {
        List<Row> jmh = set(read("jmh.csv"), "ThreadStart.platformThread", "", "Score Error (99.9%)", "10");
        jmh = set(jmh, "ThreadStart.virtualThread", "", "Score Error (99.9%)", "2");
        jmh = set(jmh, "ThreadPingPong.roundTrips", "threads=platform", "Score Error (99.9%)", "0.5");
        jmh = set(jmh, "ThreadPingPong.roundTrips", "threads=virtual", "Score Error (99.9%)", "0.1");
        return set(jmh, "ProcessStart.binTrue", "", "Score Error (99.9%)", "50");
    }

    @Test
    void holds_when_every_interval_clears_its_factor() throws IOException {
        List<Row> jmh = set(set(quietStart(), "PipePingPong.roundTrip", "peer=process", "Score", "13.0"),
                "PipePingPong.roundTrip", "peer=process", "Score Error (99.9%)", "0.6");
        Row c = claim5(jmh, List.of());
        assertEquals("holds", c.text("verdict"), c.toString());
        assertTrue(!c.text("values").contains("memory_kb"), c.text("values"));
    }

    @Test
    void does_not_hold_when_an_interval_lies_below_its_factor() throws IOException {
        // a process peer surely faster than a thread peer: 3.0 ± 0.1 µs against 6.587 ± 2.997 µs
        List<Row> jmh = set(set(quietStart(), "PipePingPong.roundTrip", "peer=process", "Score", "3.0"),
                "PipePingPong.roundTrip", "peer=process", "Score Error (99.9%)", "0.1");
        Row c = claim5(jmh, List.of());
        assertEquals("does not hold", c.text("verdict"), c.toString());
        assertTrue(c.text("note").contains("switch does not hold: process peer / thread peer = 0.46 [0.30, 0.86]"), c.text("note"));
    }

    @Test
    void overlapping_intervals_are_inconclusive_whatever_the_scores() throws IOException {
        // the full reference's start: platform 178.5 ± 161.8 µs, virtual 34.7 ± 124.4 µs (scores 5.15 x apart)
        List<Row> jmh = set(set(quietStart(), "ThreadStart.platformThread", "", "Score", "178.520967"),
                "ThreadStart.platformThread", "", "Score Error (99.9%)", "161.845089");
        jmh = set(set(jmh, "ThreadStart.virtualThread", "", "Score", "34.682550"),
                "ThreadStart.virtualThread", "", "Score Error (99.9%)", "124.401241");
        jmh = set(set(jmh, "PipePingPong.roundTrip", "peer=process", "Score", "13.0"),
                "PipePingPong.roundTrip", "peer=process", "Score Error (99.9%)", "0.6");
        Row c = claim5(jmh, List.of());
        assertEquals("inconclusive", c.text("verdict"), c.toString());
        assertTrue(c.text("note").contains("platform / virtual = 5.15 [0.10, inf]"), c.text("note"));
    }

    @Test
    void with_the_batch_rows_platform_against_virtual_is_judged_on_them() throws IOException {
        // in a batch 40 ± 2 against 1.5 ± 0.2 µs: the batch rows decide, not the one-at-a-time ones
        List<Row> jmh = new java.util.ArrayList<>(set(read("jmh.csv"), "PipePingPong.roundTrip", "peer=process", "Score", "13.0"));
        jmh = set(jmh, "PipePingPong.roundTrip", "peer=process", "Score Error (99.9%)", "0.6");
        jmh = set(jmh, "ProcessStart.binTrue", "", "Score Error (99.9%)", "50");
        jmh = set(jmh, "ThreadStart.platformThread", "", "Score Error (99.9%)", "10");
        jmh = set(jmh, "ThreadPingPong.roundTrips", "threads=platform", "Score Error (99.9%)", "0.5");
        jmh = set(jmh, "ThreadPingPong.roundTrips", "threads=virtual", "Score Error (99.9%)", "0.1");
        Row one = jmh.stream().filter(r -> r.text("Benchmark").endsWith("ThreadStart.platformThread")).findFirst().orElseThrow();
        List<Row> withBatch = new java.util.ArrayList<>(jmh);
        withBatch.add(with(with(with(one, "Benchmark", one.text("Benchmark") + "sInBatch"), "Score", "40"), "Score Error (99.9%)", "2"));
        withBatch.add(with(with(with(one, "Benchmark", one.text("Benchmark").replace("platform", "virtual") + "sInBatch"),
                "Score", "1.5"), "Score Error (99.9%)", "0.2"));
        Row c = claim5(withBatch, List.of());
        assertEquals("holds", c.text("verdict"), c.toString());
        assertTrue(c.text("note").contains("platform / virtual in a batch = 26.67 [22.35, 32.31]"), c.text("note"));
        assertTrue(c.text("values").contains("platform_thread_in_batch=40.000 ±2.000; virtual_thread_in_batch=1.500 ±0.200"),
                c.text("values"));
        // the same without the batch rows: judged one at a time (259.5 ± 10 against 14.8 ± 18.5 µs)
        assertTrue(claim5(jmh, List.of()).text("note").contains("platform / virtual = 17.53 [7.50, inf]"),
                claim5(jmh, List.of()).text("note"));
    }

    @Test
    void with_both_ends_on_one_cpu_thread_against_process_is_judged_there() throws IOException {
        // this machine, 2 forks of 5 iterations: thread 2.636 ± 0.147 µs, process 2.606 ± 0.064 on one CPU
        List<Row> jmh = new java.util.ArrayList<>(quietStart());
        for (Row r : List.copyOf(jmh)) {
            if (r.text("Benchmark").endsWith("PipePingPong.roundTrip") && r.text("Mode").equals("avgt")) {
                boolean thread = r.text("Param: peer").equals("thread");
                jmh.add(with(with(with(r, "Param: cpus", "one"), "Score", thread ? "2.636" : "2.606"),
                        "Score Error (99.9%)", thread ? "0.147" : "0.064"));
            }
        }
        Row c = claim5(jmh, List.of());
        assertEquals("does not hold", c.text("verdict"), c.toString());
        assertTrue(c.text("note").contains("switch does not hold: process peer / thread peer on one CPU = 0.99 [0.91, 1.07]"),
                c.text("note"));
        assertTrue(c.text("values").contains("pipe_thread_peer_one_cpu=2.636 ±0.147; pipe_process_peer_one_cpu=2.606 ±0.064"),
                c.text("values"));
    }

    @Test
    void a_score_without_an_error_decides_nothing() throws IOException {
        List<Row> jmh = set(set(quietStart(), "PipePingPong.roundTrip", "peer=process", "Score", "13.0"),
                "PipePingPong.roundTrip", "peer=process", "Score Error (99.9%)", "NaN");
        Row c = claim5(jmh, List.of());
        assertEquals("inconclusive", c.text("verdict"), c.toString());
        assertTrue(c.text("note").contains("process peer / thread peer = 1.97 (no error from JMH)"), c.text("note"));
    }

    @Test
    void without_the_sampled_rows_the_averages_are_compared() throws IOException {
        List<Row> jmh = read("jmh.csv").stream().filter(r -> !r.text("Mode").equals("sample")).toList();
        Row c = claim5(jmh, List.of());
        assertEquals("inconclusive", c.text("verdict"));
        assertTrue(c.text("values").contains("pipe_thread_peer=6.587 ±2.997; pipe_process_peer=4.850 ±3.781"), c.text("values"));
    }

    @Test
    void missing_rows_are_not_measured_and_named() throws IOException {
        List<Row> jmh = read("jmh.csv").stream().filter(r -> !r.text("Benchmark").contains("Bench_05")
                && !r.text("Benchmark").contains("Bench_01_ThreadStart.virtualThread")).toList();
        Row c = claim5(jmh, List.of());
        assertEquals("not measured", c.text("verdict"));
        assertEquals("jmh.csv has no result for Bench_01 virtualThread, Bench_05 peer=thread, Bench_05 peer=process",
                c.text("note"));
        assertTrue(c.text("values").contains("virtual_thread=n/a"), c.text("values"));
    }

    @Test
    void without_jmh_csv_it_is_not_measured() {
        Row c = claim5(List.of(), List.of());
        assertEquals("not measured", c.text("verdict"));
        assertEquals("needs jmh.csv from the micro benchmarks, which this run did not produce", c.text("note"));
    }

    /**
     * The rows with {@code column} set to {@code value} in the average ({@code avgt}, what the claim judges)
     * of the benchmark ending in {@code bench} with parameter {@code param} ("" for any).
     */
    private static List<Row> set(List<Row> rows, String bench, String param, String column, String value) {
        return rows.stream().map(r -> r.text("Benchmark").endsWith(bench) && r.text("Mode").equals("avgt")
                && (param.isEmpty() || r.text("Param: " + param.substring(0, param.indexOf('=')))
                .equals(param.substring(param.indexOf('=') + 1))) ? with(r, column, value) : r).toList();
    }

    private static Row with(Row r, String column, String value) {
        var cells = new java.util.LinkedHashMap<>(r.cells());
        cells.put(column, value);
        return Row.of(cells);
    }
}
