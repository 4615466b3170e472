package mpmbench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** {@code mpmbench compare} on results folders written here: planted changes, noise, gaps, bad input. */
class CompareTest {

    /** Three repeats, ±3 % apart, of hello at 16 connections for three targets. */
    private static final List<String> TARGETS = List.of("java-prefork", "java-worker", "java-event");
    private static final double[] SPREAD = {0.97, 1.0, 1.03};

    /** A results folder whose rps of (target, repeat) is given; latencies and CPU fixed per target. */
    static Path folder(Path dir, ToDoubleBiFunction<String, Integer> rps, Map<String, String> status) throws IOException {
        Files.createDirectories(dir);
        CsvTables.write(dir.resolve("env.csv"), Schemas.ENV, List.of(
                Row.builder(Schemas.ENV).put("key", "schema_version").put("value", Schemas.VERSION).build(),
                Row.builder(Schemas.ENV).put("key", "run_id").put("value", dir.getFileName()).build()));
        List<Row> rows = new ArrayList<>();
        for (String t : TARGETS) {
            for (int r = 1; r <= 3; r++) {
                double f = SPREAD[r - 1];
                rows.add(Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", t).put("path", "/hello")
                        .put("keepalive", true).put("connections", 16).put("rate", 0.0).put("idle", 0).put("repeat", r)
                        .put("status", status.getOrDefault(t, "ok")).put("settled", true).put("warmup_s", 5.0)
                        .put("rps", rps.applyAsDouble(t, r)).put("p50_ms", 0.2 * f).put("p99_ms", 1.0 * f)
                        .put("cpu_us_per_req", 30.0 * f).put("loadgen_cpu_pct", 60.0).build());
            }
        }
        CsvTables.write(dir.resolve("summary.csv"), Schemas.SUMMARY, rows);
        return dir;
    }

    static Path folder(Path dir, ToDoubleBiFunction<String, Integer> rps) throws IOException {
        return folder(dir, rps, Map.of());
    }

    private static double base(String target, int repeat) {
        return 20_000 * SPREAD[repeat - 1];
    }

    private record Run(int code, String out, String err, List<Row> rows) {
    }

    private static Run compare(Path a, Path b, String... flags) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(a.toString(), b.toString()));
        args.addAll(List.of(flags));
        int code = CompareMain.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Path csv = b.resolve("compare.csv");
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Files.exists(csv) ? CsvTables.read(csv) : List.of());
    }

    private static Row figure(List<Row> rows, String target, String figure) {
        return rows.stream().filter(r -> r.text("target").equals(target) && r.text("figure").equals(figure)).findFirst()
                .orElseThrow();
    }

    @Test
    void a_planted_halving_of_one_cell_is_a_regression_and_exits_1(@TempDir Path tmp) throws IOException {
        Path a = folder(tmp.resolve("a"), CompareTest::base);
        Path b = folder(tmp.resolve("b"), (t, r) -> t.equals("java-worker") ? base(t, r) / 2 : base(t, r));
        Run run = compare(a, b);
        assertEquals(1, run.code(), run.out() + run.err());
        Row worker = figure(run.rows(), "java-worker", "rps");
        assertEquals("slower", worker.text("verdict"));
        assertEquals("true", worker.text("regression"));
        assertEquals(0.5, worker.num("ratio"), 1e-9);
        assertTrue(worker.num("ci_high") < 0.9, worker.toString());
        assertEquals("no significant change", figure(run.rows(), "java-event", "rps").text("verdict"));
        assertTrue(run.out().contains("**1 regression(s)** beyond 10 %"), run.out());
        assertTrue(run.out().contains("| hello java-worker c16 | rps | 20000 (n=3) | 10000 (n=3) | 0.500 ["), run.out());
    }

    @Test
    void a_difference_inside_the_repeats_spread_is_not_significant(@TempDir Path tmp) throws IOException {
        Path a = folder(tmp.resolve("a"), CompareTest::base);
        // each repeat 4 % off the base's, the other way round: inside a ±3 % spread of 3 repeats
        Path b = folder(tmp.resolve("b"), (t, r) -> 20_000 * (r == 1 ? 1.03 : r == 2 ? 0.99 : 0.96));
        Run run = compare(a, b);
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.rows().stream().filter(r -> !r.text("ratio").isEmpty())
                .allMatch(r -> r.text("verdict").equals("no significant change")), run.rows().toString());
        assertTrue(run.out().contains("**No regression** beyond 10 %"), run.out());
    }

    @Test
    void a_slowdown_that_is_significant_but_within_the_threshold_is_slower_without_failing(@TempDir Path tmp)
            throws IOException {
        Path a = folder(tmp.resolve("a"), (t, r) -> 20_000 + 10.0 * r);
        Path b = folder(tmp.resolve("b"), (t, r) -> 19_000 + 10.0 * r);
        Run run = compare(a, b, "--threshold", "10%");
        assertEquals(0, run.code(), run.out());
        assertEquals("slower", figure(run.rows(), "java-event", "rps").text("verdict"));
        assertEquals("false", figure(run.rows(), "java-event", "rps").text("regression"));
        assertEquals(1, compare(a, b, "--threshold", "4").code());
    }

    @Test
    void cells_in_one_run_only_and_generator_bound_cells_are_listed_not_judged(@TempDir Path tmp) throws IOException {
        Path a = folder(tmp.resolve("a"), CompareTest::base);
        Path b = folder(tmp.resolve("b"), CompareTest::base, Map.of("java-prefork", "generator-bound"));
        List<Row> summary = new ArrayList<>(CsvTables.read(b.resolve("summary.csv")));
        summary.removeIf(r -> r.text("target").equals("java-event"));
        summary.add(Row.builder(Schemas.SUMMARY).putAll(summary.getFirst()).put("target", "nginx").build());
        CsvTables.write(b.resolve("summary.csv"), Schemas.SUMMARY, summary);
        Run run = compare(a, b);
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("generator-bound (3 of 3) in new", figure(run.rows(), "java-prefork", "rps").text("verdict"));
        assertEquals("only in base", figure(run.rows(), "java-event", "").text("verdict"));
        assertEquals("only in new", figure(run.rows(), "nginx", "").text("verdict"));
        assertTrue(run.out().contains("- hello java-event c16: only in base"), run.out());
    }

    private static void claims(Path dir, String v1a, String v3) throws IOException {
        CsvTables.write(dir.resolve("claims.csv"), Schemas.CLAIMS, List.of(
                Row.builder(Schemas.CLAIMS).put("claim", "1a").put("family", "java").put("verdict", v1a).build(),
                Row.builder(Schemas.CLAIMS).put("claim", "3").put("family", "java").put("verdict", v3).build()));
    }

    @Test
    void a_claim_lost_fails_only_with_gate_claims_and_an_undecided_one_is_a_warning(@TempDir Path tmp) throws IOException {
        Path a = folder(tmp.resolve("a"), CompareTest::base);
        Path b = folder(tmp.resolve("b"), CompareTest::base);
        claims(a, "holds", "holds");
        claims(b, "does not hold", "inconclusive");
        Run plain = compare(a, b);
        assertEquals(0, plain.code(), plain.out());
        assertTrue(plain.out().contains("| 1a java | holds | does not hold | **lost** |"), plain.out());
        assertTrue(plain.out().contains("| 3 java | holds | inconclusive | warning |"), plain.out());
        assertEquals(1, compare(a, b, "--gate-claims").code());
        claims(b, "holds", "inconclusive");
        assertEquals(0, compare(a, b, "--gate-claims").code());
    }

    @Test
    void an_older_schema_is_read_and_the_columns_it_lacks_are_not_measured(@TempDir Path tmp) throws IOException {
        Path a = folder(tmp.resolve("a"), CompareTest::base);
        // a run before schema_version: no env key, and summary.csv without the later columns
        Path old = folder(tmp.resolve("old"), CompareTest::base);
        CsvTables.write(old.resolve("env.csv"), Schemas.ENV,
                List.of(Row.builder(Schemas.ENV).put("key", "run_id").put("value", "old").build()));
        List<String> oldColumns = Schemas.SUMMARY.stream().filter(c -> !List.of("warmup_s", "settled", "violations",
                "scheduled", "unsent", "unanswered", "cpu_method", "steal_pct", "other_cpu_pct", "loadgen_cpu_pct",
                "cpu_us_per_req").contains(c)).toList();
        CsvTables.write(old.resolve("summary.csv"), oldColumns, CsvTables.read(old.resolve("summary.csv")));
        Run run = compare(old, a);
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("no significant change", figure(run.rows(), "java-event", "rps").text("verdict"));
        assertEquals("not measured in base", figure(run.rows(), "java-event", "cpu_us_per_req").text("verdict"));
    }

    @Test
    void a_comparison_with_nothing_judged_exits_3_and_never_says_no_regression(@TempDir Path tmp) throws IOException {
        Path a = folder(tmp.resolve("a"), CompareTest::base);
        Path b = folder(tmp.resolve("b"), CompareTest::base);
        // one repeat per cell in the new run: nothing has an interval
        List<Row> one = CsvTables.read(b.resolve("summary.csv")).stream().filter(r -> r.text("repeat").equals("1")).toList();
        CsvTables.write(b.resolve("summary.csv"), Schemas.SUMMARY, one);
        Run run = compare(a, b);
        assertEquals(3, run.code(), run.out() + run.err());
        assertFalse(run.out().contains("No regression"), run.out());
        assertTrue(run.out().contains("**Nothing judged**: no figure could be compared"), run.out());
        assertTrue(run.out().contains("too few repeats: 12"), run.out());
    }

    @Test
    void rows_that_break_an_invariant_are_not_judged(@TempDir Path tmp) throws IOException {
        Path a = folder(tmp.resolve("a"), CompareTest::base);
        Path b = folder(tmp.resolve("b"), CompareTest::base);
        List<Row> rows = new ArrayList<>();
        for (Row r : CsvTables.read(b.resolve("summary.csv"))) {
            rows.add(r.text("target").equals("java-worker")
                    ? Row.builder(Schemas.SUMMARY).putAll(r).put("cpu_us_per_req", -5.0).build() : r);
        }
        CsvTables.write(b.resolve("summary.csv"), Schemas.SUMMARY, rows);
        Run run = compare(a, b);
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("invalid (3 of 3) in new", figure(run.rows(), "java-worker", "rps").text("verdict"));
    }

    @Test
    void bad_folders_and_flags_exit_2_with_one_line(@TempDir Path tmp) throws IOException {
        Path a = folder(tmp.resolve("a"), CompareTest::base);
        Run missing = compare(a, tmp.resolve("nope"));
        assertEquals(2, missing.code());
        assertEquals("mpmbench compare: " + tmp.resolve("nope") + ": no such folder\n", missing.err());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(compare(a, empty).err().contains("env.csv: missing (not a results folder of mpmbench suite)"));

        Path newer = folder(tmp.resolve("newer"), CompareTest::base);
        CsvTables.write(newer.resolve("env.csv"), Schemas.ENV,
                List.of(Row.builder(Schemas.ENV).put("key", "schema_version").put("value", "99").build()));
        Run newerRun = compare(newer, a);
        assertEquals(2, newerRun.code());
        assertTrue(newerRun.err().contains("env.csv: schema_version '99'; this build reads 1 to " + Schemas.VERSION), newerRun.err());

        Path cut = folder(tmp.resolve("cut"), CompareTest::base);
        Files.writeString(cut.resolve("summary.csv"), "scenario,target\nhello,java-event\n");
        assertTrue(compare(a, cut).err().contains("summary.csv: columns missing: connections, rate, idle, repeat, status"),
                "columns");

        Path badStatus = folder(tmp.resolve("status"), CompareTest::base, Map.of("java-event", "fine"));
        Run statusRun = compare(a, badStatus);
        assertEquals(2, statusRun.code());
        assertTrue(statusRun.err().contains("summary.csv: row 7: status 'fine': expected one of ok, unsettled"),
                statusRun.err());

        Run flag = compare(a, a, "--threshold", "ten");
        assertEquals(2, flag.code());
        assertEquals("mpmbench compare: --threshold 'ten' is not a percentage between 0 and 100, e.g. 10%\n", flag.err());
        assertFalse(flag.err().contains("Exception"));
    }

    @Test
    void runs_of_two_load_generators_are_not_compared(@TempDir Path tmp) throws IOException {
        Path ours = folder(tmp.resolve("ours"), CompareTest::base);
        Path wrk = folder(tmp.resolve("wrk"), CompareTest::base);
        CsvTables.write(wrk.resolve("env.csv"), Schemas.ENV, List.of(
                Row.builder(Schemas.ENV).put("key", "schema_version").put("value", Schemas.VERSION).build(),
                Row.builder(Schemas.ENV).put("key", ResultsFolder.GENERATOR_KEY).put("value", ResultsFolder.WRK).build()));
        Run mixed = compare(ours, wrk);
        assertEquals(2, mixed.code(), mixed.out() + mixed.err());
        assertEquals("mpmbench compare: " + ours + " was measured with the load generator loadgen and " + wrk
                + " with wrk; compare two runs of one generator\n", mixed.err());
        assertEquals("", mixed.out());
        assertEquals(0, compare(wrk, wrk).code(), "two wrk runs are compared as any two runs");
    }
}
