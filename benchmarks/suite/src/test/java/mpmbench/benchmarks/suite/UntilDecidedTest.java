package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.compare.Decisions;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** --until-decided: its flags, the looks' split, which cells get another round, decided.csv. */
class UntilDecidedTest {

    @TempDir
    Path tmp;

    private SuiteMain main(String... args) throws IOException {
        Path jar = tmp.resolve("base/server/target/mpmbench-server.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        List<String> all = new ArrayList<>(List.of("quick", "--targets", "java-event,httpd-event", "--scenarios", "hello",
                "--root", "/repo"));
        all.addAll(List.of(args));
        return ParsedSuite.command(all.toArray(String[]::new));
    }

    private UntilDecided rule(String... args) throws IOException {
        SuiteMain m = main(args);
        return m.untilDecided(ParsedSuite.plan(m));
    }

    @Test
    void theLooksAreSplitOverTheMostRoundsAndTheBudgetIsRead() throws IOException {
        String base = tmp.resolve("base").toString();
        UntilDecided u = rule("--baseline", base, "--until-decided", "--budget", "15m", "--max-repeats", "8");
        assertEquals(new UntilDecided(8, Duration.ofMinutes(15)), u);
        // looks after 3 rounds, then when they have doubled (6), and at the most repeats (8)
        assertEquals(3, u.looks(3));
        assertEquals(6, u.nextLook(3));
        assertEquals(8, u.nextLook(6));
        assertTrue(u.describe(3).contains("looks after 3, 6 and 8 rounds"), u.describe(3));
        assertTrue(u.describe(3).contains("at most 3 looks at 5 %/3 (Bonferroni)"), u.describe(3));
        assertEquals(4, new UntilDecided(24, Duration.ZERO).looks(3)); // 3, 6, 12, 24
        assertEquals(List.of(3, 6, 12, 24), new UntilDecided(24, Duration.ZERO).lookRounds(3));
        assertEquals(1, new UntilDecided(3, Duration.ZERO).looks(3));
        assertEquals(2, new UntilDecided(2, Duration.ZERO).nextLook(1));
        assertEquals(new UntilDecided(SuiteMain.MAX_REPEATS, Duration.ZERO), rule("--baseline", base, "--until-decided"));
        assertNull(rule("--baseline", base));
        // without --baseline the claims are what it decides
        assertEquals(new UntilDecided(8, Duration.ZERO), rule("--until-decided", "--max-repeats", "8"));
    }

    @Test
    void flagsThatDoNotFitAreOneLineNamingThem() throws IOException {
        String base = tmp.resolve("base").toString();
        List<List<String>> bad = List.of(
                List.of("--budget", "5m"),
                List.of("--baseline", base, "--max-repeats", "5"),
                List.of("--baseline", base, "--until-decided", "--max-repeats", "2"),
                List.of("--baseline", base, "--until-decided", "--budget", "soon"),
                List.of("--baseline", base, "--until-decided", "--budget", "0s"));
        List<String> says = List.of("--budget and --max-repeats need --until-decided", "--budget and --max-repeats need --until-decided",
                "--max-repeats 2 must be at least --repeats (3)", "--budget 'soon' must be a positive duration",
                "--budget '0s' must be a positive duration");
        for (int i = 0; i < bad.size(); i++) {
            List<String> args = bad.get(i);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> rule(args.toArray(String[]::new)), args.toString());
            assertTrue(e.getMessage().startsWith(says.get(i)), e.getMessage());
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SuiteMain.execute(new String[] {"quick", "--targets", "java-event", "--root", "/repo", "--until-decided",
                        "--max-repeats", "1"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals(1, err.toString(StandardCharsets.UTF_8).strip().lines().count(), err.toString(StandardCharsets.UTF_8));
    }

    /** A run of 3 rounds: java-event's hello 5 % slower than base in every round, java-worker's within noise. */
    @Test
    void onlyUndecidedCellsGetAnotherRoundAndDecidedCsvSaysHowManyTheyTook() throws IOException {
        Path out = tmp.resolve("run");
        Files.createDirectories(out);
        CsvTables.write(out.resolve("env.csv"), Schemas.ENV, List.of(
                Row.builder(Schemas.ENV).put("key", "schema_version").put("value", Schemas.VERSION).build()));
        double[] round = {0.8, 1.0, 1.2};
        double[] noise = {1.0, 1.08, 0.93};
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            rows.add(row("java-event", r, 20_000 * round[r - 1] * 0.95 * (1 + 0.001 * r)));
            rows.add(row("base:java-event", r, 20_000 * round[r - 1]));
            rows.add(row("java-worker", r, 20_000 * round[r - 1] * noise[r - 1]));
            rows.add(row("base:java-worker", r, 20_000 * round[r - 1]));
        }
        CsvTables.write(out.resolve("summary.csv"), Schemas.SUMMARY, rows);
        UntilDecided u = new UntilDecided(10, Duration.ZERO);
        List<Decisions.Decision> now = u.look(out, 3).figures();
        assertEquals(Set.of("hello|java-worker"), UntilDecided.undecidedCells(now));
        UntilDecided.Tracker t = new UntilDecided.Tracker();
        t.saw(now);
        t.write(out, now, u.looks(3));
        List<Row> decided = CsvTables.read(out.resolve("decided.csv"));
        Row eventRps = decided.stream().filter(r -> r.text("target").equals("java-event") && r.text("figure").equals("rps"))
                .findFirst().orElseThrow();
        assertEquals("slower", eventRps.text("decision"));
        assertEquals("3", eventRps.text("rounds"));
        assertEquals("3", eventRps.text("pairs"));
        assertEquals("3", eventRps.text("max_looks")); // looks after 3, 6 and 10 rounds
        assertTrue(decided.stream().anyMatch(r -> r.text("target").equals("java-worker")
                && r.text("decision").equals(Decisions.UNDECIDED)), decided.toString());
    }

    /**
     * A run of 3 rounds without a base build: java-prefork's PSS 2.5 × worker's and event's in every round
     * (claim 1a holds), its CPU per request 1.0-1.3 × theirs (1b inconclusive): another round goes to the
     * hello cells of the three java models, and to no httpd cell (its claims read none that ran).
     */
    @Test
    void theCellsOfAnInconclusiveClaimGetAnotherRoundAndDecidedCsvHasTheClaims() throws IOException {
        Path out = tmp.resolve("claims");
        Files.createDirectories(out);
        CsvTables.write(out.resolve("env.csv"), Schemas.ENV, List.of(
                Row.builder(Schemas.ENV).put("key", "schema_version").put("value", Schemas.VERSION).build()));
        double[] cpuRatio = {1.0, 1.3, 1.12};
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            for (String m : List.of("prefork", "worker", "event")) {
                boolean p = m.equals("prefork");
                rows.add(Row.builder(Schemas.SUMMARY).putAll(row("java-" + m, r, 20_000))
                        .put("pss_mb", (p ? 250.0 : 100.0) + r).put("cpu_us_per_req", (p ? 50 * cpuRatio[r - 1] : 50.0) + r * 0.1)
                        .build());
            }
        }
        CsvTables.write(out.resolve("summary.csv"), Schemas.SUMMARY, rows);
        UntilDecided u = new UntilDecided(10, Duration.ZERO);
        UntilDecided.Look now = u.look(out, 3);
        assertEquals(List.of(), now.figures());
        assertEquals(Set.of("hello|java-prefork", "hello|java-worker", "hello|java-event"), UntilDecided.undecidedCells(now));
        UntilDecided.Tracker t = new UntilDecided.Tracker();
        t.saw(now);
        t.write(out, now, u.looks(3));
        List<Row> decided = CsvTables.read(out.resolve("decided.csv"));
        Row memory = decided.stream().filter(r -> r.text("figure").equals("claim 1a c16") && r.text("target").equals("java"))
                .findFirst().orElseThrow();
        assertEquals("holds", memory.text("decision"));
        assertEquals("3", memory.text("rounds"));
        assertEquals("hello", memory.text("scenario"));
        assertEquals("3", memory.text("max_looks"));
        Row cpu = decided.stream().filter(r -> r.text("figure").equals("claim 1b c16") && r.text("target").equals("java"))
                .findFirst().orElseThrow();
        assertEquals("inconclusive", cpu.text("decision"));
    }

    private static Row row(String target, int r, double rps) {
        return Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", target).put("path", "/hello")
                .put("keepalive", true).put("connections", 16).put("rate", 0.0).put("idle", 0).put("repeat", r)
                .put("status", "ok").put("settled", true).put("warmup_s", 5.0).put("rps", rps)
                .put("p50_ms", 16 / rps * 1000).put("p99_ms", 64 / rps * 1000).put("cpu_us_per_req", 1e6 / rps)
                .put("loadgen_cpu_pct", 60.0).build();
    }
}
