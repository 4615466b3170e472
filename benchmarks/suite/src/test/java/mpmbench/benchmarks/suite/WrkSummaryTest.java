package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.SuiteKind;

/**
 * The summary {@code wrk/summary.lua} prints and the suite reads back: its parser on real output and on
 * broken output, and the undoing of wrk 4's after-the-fact correction against a copy of wrk's own loop.
 */
class WrkSummaryTest {

    /** What wrk 4.1.0 printed through summary.lua against a small server (console summary first, cut). */
    private static final String REAL = """
            Running 1s test @ http://127.0.0.1:18931/hello
              1 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    21.78ms   33.68ms 165.42ms   86.74%
                Req/Sec   458.89    322.11     0.91k    66.67%
              415 requests in 1.07s, 86.32KB read
            Requests/sec:    387.32
            Transfer/sec:     80.57KB
            mpmbench-wrk-summary 1
            duration_us 1071465
            requests 415
            bytes 88395
            errors connect 0 read 2 write 0 status 3 timeout 1
            cpu_us 78038
            latency 484 1
            latency 600 1
            latency 849 2
            latency 165420 1
            end
            """;

    @Test
    void reads_every_fact_of_the_block_after_wrks_console_summary() {
        WrkSummary s = WrkSummary.parse(REAL);
        assertEquals(1_071_465, s.durationUs());
        assertEquals(415, s.requests());
        assertEquals(88_395, s.bytes());
        assertEquals(78_038, s.cpuUs());
        assertEquals(Map.of("connect", 0L, "read", 2L, "write", 0L, "status", 3L, "timeout", 1L), s.errors());
        assertEquals(6, s.errorsTotal());
        assertEquals(new TreeMap<>(Map.of(484L, 1L, 600L, 1L, 849L, 2L, 165_420L, 1L)), s.histogram());
        assertEquals(415 / 1.071465, s.rps(), 1e-9);
    }

    @Test
    void says_what_is_wrong_with_output_it_cannot_read() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrkSummary.parse("Running 1s test\n"))
                .getMessage().contains("no 'mpmbench-wrk-summary 1' block"));
        String cut = REAL.substring(0, REAL.indexOf("latency 600"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrkSummary.parse(cut))
                .getMessage().contains("ends before its 'end' line"));
        String bad = REAL.replace("bytes 88395", "bytes lots");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrkSummary.parse(bad))
                .getMessage().contains("'bytes lots' is not in its format"));
        String noCpu = REAL.replace("cpu_us 78038\n", "");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrkSummary.parse(noCpu))
                .getMessage().contains("no 'cpu_us' line"));
        String noTimeout = REAL.replace(" timeout 1", "");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WrkSummary.parse(noTimeout))
                .getMessage().contains("no 'timeout' error count"));
    }

    /** wrk 4.1's {@code stats_correct} (src/stats.c), line for line, over a µs array. */
    private static long[] wrkCorrect(long[] data, long max, long expected) {
        long[] d = data.clone();
        for (long n = expected * 2; n <= max; n++) {
            long count = d[(int) n];
            long m = n - expected;
            while (count != 0 && m > expected) {
                d[(int) m] += count;
                m -= expected;
            }
        }
        return d;
    }

    private static NavigableMap<Long, Long> buckets(long[] data) {
        NavigableMap<Long, Long> b = new TreeMap<>();
        for (int i = 0; i < data.length; i++) {
            if (data[i] != 0) {
                b.put((long) i, data[i]);
            }
        }
        return b;
    }

    /**
     * A run's raw histogram, corrected the way wrk does before done(), printed, parsed and undone, is
     * the raw histogram again: exactly, tails and all, for fast and slow runs.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026})
    void undoing_the_correction_gives_back_what_wrk_recorded(long seed) {
        Random rnd = new Random(seed);
        int connections = 1 + rnd.nextInt(64);
        long[] raw = new long[200_000];
        long requests = 0;
        long max = 0;
        for (int i = 0; i < 20_000; i++) {
            // mostly fast, a few slow (a GC pause, a child being spawned)
            int v = rnd.nextInt(100) < 97 ? 50 + rnd.nextInt(400) : 1_000 + rnd.nextInt(150_000);
            raw[v]++;
            requests++;
            max = Math.max(max, v);
        }
        long durationUs = 1_000_000 + rnd.nextInt(100_000);
        long expected = durationUs / (requests / connections);
        long[] corrected = wrkCorrect(raw, max, expected);
        StringBuilder out = new StringBuilder("mpmbench-wrk-summary 1\nduration_us " + durationUs + "\nrequests "
                + requests + "\nbytes 1\nerrors connect 0 read 0 write 0 status 0 timeout 0\ncpu_us 1\n");
        buckets(corrected).forEach((v, n) -> out.append("latency ").append(v).append(' ').append(n).append('\n'));
        out.append("end\n");
        WrkSummary s = WrkSummary.parse(out.toString());
        assertEquals(expected, s.correctionIntervalUs(connections));
        assertTrue(s.histogram().values().stream().mapToLong(Long::longValue).sum() > requests, "wrk added samples");
        assertEquals(buckets(raw), s.raw(connections));
        assertEquals(requests, WrkSummary.hdr(s.raw(connections)).getTotalCount());
    }

    @Test
    void no_correction_when_wrk_made_none_and_a_histogram_wrk_could_not_have_made_is_refused() {
        WrkSummary few = WrkSummary.parse(REAL.replace("requests 415", "requests 3"));
        assertEquals(0, few.correctionIntervalUs(4));
        assertEquals(few.histogram(), few.raw(4));
        // interval 1071465 / (415 / 4) = 10402 µs: 165420 − 10402 would need a count at 155018 too
        WrkSummary s = WrkSummary.parse(REAL.replace("latency 165420 1", "latency 155018 1\nlatency 165420 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.raw(4)).getMessage()
                .contains("does not undo as wrk 4's correction"));
    }

    /**
     * The cell's JSON in our generator's keys: latencies from the raw histogram, wrk's corrected ones
     * beside them, the kinds wrk does not separate empty rather than 0, wrk's CPU over its window.
     */
    @Test
    void maps_onto_our_generators_keys() throws Exception {
        WrkSummary s = WrkSummary.parse(REAL);
        Scenario hello = Scenarios.byName(SuiteKind.QUICK, 2).get("hello");
        SuitePlan.Cell c = new SuitePlan.Cell(hello, TargetSpec.parse("url=http://127.0.0.1:1"), Level.closed(4), 1);
        Map<String, String> f = LoadgenRun.parseJson(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(WrkRun.fields(s, c, "http://x/hello", 6.5, "true", 7)));
        assertEquals("415", f.get("requests"));
        assertEquals("1.071", f.get("duration_s"));
        assertEquals("387.32", f.get("rps"));
        assertEquals("6.5", f.get("warmup_s"));
        assertEquals("true", f.get("settled"));
        assertEquals("2", f.get("err_read"));
        assertEquals("3", f.get("err_status"));
        assertEquals("1", f.get("err_timeout"));
        assertEquals("", f.get("err_parse"));
        assertEquals("", f.get("err_closed"));
        assertEquals("0", f.get("rate"));
        // raw: 484, 600, 849, 849, 165420 (nothing to undo below 2 × 10402 µs but the top one's echoes)
        assertEquals("5", f.get("latency_samples"));
        assertEquals("0.849", f.get("p50_ms"));
        assertEquals(f.get("p99_ms"), f.get("uncorrected_p99_ms"));
        assertTrue(Double.parseDouble(f.get("max_ms")) >= 165.4, f.toString());
        assertEquals("10402", f.get("wrk_correction_interval_us"));
        assertEquals("7.283", f.get("client_cpu_pct"));
        assertEquals("7", f.get("warmup_errors"));
        // the row the suite writes: errors summed over the kinds wrk has
        mpmbench.benchmarks.results.Row.Builder row = CellResult.base(c, "/hello");
        CellRows.load(row, new LoadgenRun.Outcome(f, java.util.List.of(), 0, ""));
        assertEquals("6", row.get("errors"));
        assertEquals("", row.get("err_parse"));
    }
}
