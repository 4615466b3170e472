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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** {@code compare DIR} on a run of suite --baseline: java-X against base:java-X, paired by round. */
class WithinRunTest {

    /** The machine's state per round: ±30 %, shared by every target measured in that round. */
    private static final double[] ROUND = {0.7, 1.0, 1.3, 0.9};
    /** Each target's own noise per round: ±1 %. */
    private static final double[] OWN = {1.01, 0.99, 1.0, 1.005};

    private static Path run(Path dir, double newOverBase, String baseStatus) throws IOException {
        return run(dir, newOverBase, baseStatus, 1, 1);
    }

    /** Base's rounds 1..{@code notOk} have {@code baseStatus}; env.csv records {@code looks}. */
    private static Path run(Path dir, double newOverBase, String baseStatus, int notOk, int looks) throws IOException {
        Files.createDirectories(dir);
        CsvTables.write(dir.resolve("env.csv"), Schemas.ENV, List.of(
                Row.builder(Schemas.ENV).put("key", "schema_version").put("value", Schemas.VERSION).build(),
                Row.builder(Schemas.ENV).put("key", WithinRun.LOOKS_KEY).put("value", looks).build(),
                Row.builder(Schemas.ENV).put("key", "run_id").put("value", dir.getFileName()).build()));
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= ROUND.length; r++) {
            rows.add(row("java-event", r, 20_000 * ROUND[r - 1] * OWN[r - 1] * newOverBase, "ok"));
            rows.add(row("base:java-event", r, 20_000 * ROUND[r - 1] * OWN[ROUND.length - r],
                    r <= notOk ? baseStatus : "ok"));
            rows.add(row("httpd-event", r, 15_000 * ROUND[r - 1], "ok"));
        }
        CsvTables.write(dir.resolve("summary.csv"), Schemas.SUMMARY, rows);
        return dir;
    }

    private static Row row(String target, int r, double rps, String status) {
        return Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", target).put("path", "/hello")
                .put("keepalive", true).put("connections", 16).put("rate", 0.0).put("idle", 0).put("repeat", r)
                .put("status", status).put("settled", true).put("warmup_s", 5.0).put("rps", rps)
                .put("p50_ms", 16 / rps * 1000).put("p99_ms", 64 / rps * 1000).put("cpu_us_per_req", 1e6 / rps)
                .put("loadgen_cpu_pct", 60.0).build();
    }

    private record Result(int code, String out, String err, List<Row> rows) {
    }

    private static Result compare(Path dir, String... flags) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(dir.toString()));
        args.addAll(List.of(flags));
        int code = CompareMain.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Path csv = dir.resolve("compare.csv");
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Files.exists(csv) ? CsvTables.read(csv) : List.of());
    }

    private static Row figure(List<Row> rows, String figure) {
        return rows.stream().filter(r -> r.text("figure").equals(figure)).findFirst().orElseThrow();
    }

    @Test
    void aFivePercentSlowdownHiddenInThirtyPercentRoundNoiseIsFoundPaired(@TempDir Path tmp) throws IOException {
        Path dir = run(tmp.resolve("r"), 0.95, "ok");
        Result r = compare(dir, "--threshold", "2%");
        assertEquals(1, r.code(), r.out() + r.err());
        Row rps = figure(r.rows(), "rps");
        assertEquals("java-event", rps.text("target"));
        assertEquals("slower", rps.text("verdict"));
        assertEquals("true", rps.text("regression"));
        assertEquals(0.95, rps.num("ratio"), 0.01);
        assertTrue(rps.num("ci_low") > 0.92 && rps.num("ci_high") < 0.98, rps.toString());
        assertEquals("slower", figure(r.rows(), "cpu_us_per_req").text("verdict"));
        assertFalse(r.rows().stream().anyMatch(x -> x.text("target").contains("httpd")), "the peers have no base");
        assertTrue(r.out().contains("paired by round"), r.out());
        // the same numbers unpaired (Fieller over the repeats) cannot tell: the rounds' ±30 % swamps 5 %
        double[] next = {13_300, 19_800, 26_000, 17_900};
        double[] base = {14_070, 20_000, 25_740, 18_180};
        Intervals.Ratio unpaired = Intervals.ratio(next, base);
        assertTrue(unpaired.low() < 1 && unpaired.high() > 1, unpaired.toString());
    }

    @Test
    void anAaRunIsNoRegression(@TempDir Path tmp) throws IOException {
        Result r = compare(run(tmp.resolve("aa"), 1.0, "ok"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("no significant change", figure(r.rows(), "rps").text("verdict"));
    }

    @Test
    void aRoundThatIsNotOkOnOneSideDropsOutAsAPair(@TempDir Path tmp) throws IOException {
        Result r = compare(run(tmp.resolve("d"), 0.95, "disturbed"), "--threshold", "2%");
        Row rps = figure(r.rows(), "rps");
        assertEquals("slower", rps.text("verdict"));
        assertEquals(3, rps.num("base_n"));
        Result three = compare(run(tmp.resolve("d3"), 0.95, "disturbed", 3, 1));
        assertEquals(3, three.code(), three.out() + three.err());
        assertEquals("too few paired rounds (1 with a value on both sides; 2 or more needed; base: disturbed (3 of 4); new: all ok)",
                figure(three.rows(), "rps").text("verdict"));
    }

    @Test
    void moreLooksWidenTheIntervalAndDecisionsSayWhatIsDecided(@TempDir Path tmp) throws IOException {
        Row one = figure(compare(run(tmp.resolve("l1"), 0.95, "ok", 0, 1)).rows(), "rps");
        Row eight = figure(compare(run(tmp.resolve("l8"), 0.95, "ok", 0, 8)).rows(), "rps");
        assertTrue(eight.num("ci_low") < one.num("ci_low") && eight.num("ci_high") > one.num("ci_high"),
                one + " / " + eight);
        assertEquals(Math.min(1, 8 * one.num("p_worse")), eight.num("p_worse"), 0.01);
        var d = Decisions.of(mpmbench.benchmarks.results.ResultsFolder.readSuite(tmp.resolve("l8")), 0.10, 8);
        assertEquals("slower", d.stream().filter(x -> x.figure().equals("rps")).findFirst().orElseThrow().decision());
        var aa = Decisions.of(mpmbench.benchmarks.results.ResultsFolder.readSuite(run(tmp.resolve("aa"), 1.0, "ok")), 0.10, 1);
        assertTrue(aa.stream().allMatch(x -> x.decision().equals(Decisions.EQUIVALENT)), aa.toString());
        var wide = Decisions.of(mpmbench.benchmarks.results.ResultsFolder.readSuite(tmp.resolve("aa")), 0.001, 1);
        assertTrue(wide.stream().allMatch(x -> x.decision().equals(Decisions.UNDECIDED) && x.pairs() == 4), wide.toString());
    }

    @Test
    void aFolderWithoutABaseBuildIsOneLineAndExit2(@TempDir Path tmp) throws IOException {
        Path dir = CompareTest.folder(tmp.resolve("plain"), (t, r) -> 20_000.0);
        Result r = compare(dir);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no base:java-X targets"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(2, compare(run(tmp.resolve("g"), 1.0, "ok"), "--gate-claims").code());
    }

    /**
     * Stalled rounds are judged (the target answered nothing: a fact of the model) but give no req/s to
     * divide: the reason says so, where it said "all ok" on both sides (an A/A run of 2026-12-06,
     * idle-keepalive on java-prefork: 300 idle connections held every worker).
     */
    @Test
    void stalledRoundsAreNamedAsTheReasonNoRatioExists(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir);
        CsvTables.write(dir.resolve("env.csv"), Schemas.ENV, List.of(
                Row.builder(Schemas.ENV).put("key", "schema_version").put("value", Schemas.VERSION).build(),
                Row.builder(Schemas.ENV).put("key", "run_id").put("value", "stalled").build()));
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            for (String t : List.of("java-prefork", "base:java-prefork")) {
                rows.add(Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", t).put("path", "/hello")
                        .put("keepalive", true).put("connections", 16).put("rate", 0.0).put("idle", 0).put("repeat", r)
                        .put("status", "stalled").put("settled", true).put("warmup_s", 4.0).put("rps", 0.0)
                        .put("loadgen_cpu_pct", 3.0).build());
            }
        }
        CsvTables.write(dir.resolve("summary.csv"), Schemas.SUMMARY, rows);
        Result result = compare(dir);
        assertEquals("too few paired rounds (0 with a value on both sides; 2 or more needed; base: 3 of 3 judged rounds"
                + " without rps above 0 (stalled 3); new: 3 of 3 judged rounds without rps above 0 (stalled 3))",
                figure(result.rows(), "rps").text("verdict"));
    }
}
