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

/** Claim 5 on a real micro run (src/test/resources/fixture/micro, from results/micro-2026-11-26). */
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
    void start_holds_but_a_process_peer_switches_as_fast_as_a_thread_peer() throws IOException {
        Row c = claim5(read("jmh.csv"), read("memory.csv"));
        assertEquals("does not hold", c.text("verdict"), c.toString());
        assertEquals("micro", c.text("family"));
        // start: /bin/true 1640.8 µs vs platform 259.5 µs (6.32 x), platform vs virtual 14.8 µs (17.53 x)
        // switch: pipes, median process peer 3.332 µs vs thread peer 3.644 µs (0.91 x); park/unpark 3.012 vs 0.830
        assertEquals("start holds: process / platform = 6.32, platform / virtual = 17.53; "
                + "switch does not hold: process peer / thread peer = 0.91, platform / virtual = 3.63", c.text("note"));
        String v = c.text("values");
        assertEquals("start_us platform_thread=259.550 ±512.503; virtual_thread=14.803 ±18.464; bin_true=1640.847 ±946.403; "
                + "child_jvm_worker=178584.553 ±38009.974; switch_us pipe_thread_peer=3.644 (median); "
                + "pipe_process_peer=3.332 (median); park_platform=3.012 (median); park_virtual=0.830 (median); "
                + "memory_kb platform_thread_rss=81.120; virtual_thread_rss=2.630; child_jvm_pss=38191.000 (prefork)", v);
        assertTrue(c.text("threshold").startsWith("start: process >= 2.0 x platform thread >= 2.0 x virtual thread"));
    }

    @Test
    void faster_process_switches_would_not_make_it_hold_but_slower_ones_do() throws IOException {
        // The same run with the process peer's median doubled: both parts hold.
        List<Row> jmh = read("jmh.csv").stream().map(r -> r.text("Benchmark").endsWith("PipePingPong.roundTrip:p0.50")
                && r.text("Param: peer").equals("process") ? with(r, "Score", "7.000") : r).toList();
        Row c = claim5(jmh, List.of());
        assertEquals("holds", c.text("verdict"), c.toString());
        assertTrue(!c.text("values").contains("memory_kb"), c.text("values"));
    }

    @Test
    void without_the_sampled_rows_the_averages_are_compared() throws IOException {
        List<Row> jmh = read("jmh.csv").stream().filter(r -> !r.text("Mode").equals("sample")).toList();
        Row c = claim5(jmh, List.of());
        assertEquals("does not hold", c.text("verdict"));
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

    private static Row with(Row r, String column, String value) {
        var cells = new java.util.LinkedHashMap<>(r.cells());
        cells.put(column, value);
        return Row.of(cells);
    }
}
