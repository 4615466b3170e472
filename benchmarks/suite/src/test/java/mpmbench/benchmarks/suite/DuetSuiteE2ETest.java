package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.catalogue.Design;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Invariants;
import mpmbench.benchmarks.results.Row;

/**
 * suite --baseline --duet on real processes: this tree as its own base build, java-event's hello, 2 rounds of
 * 2 s windows after a fixed 3 s warm-up (with 1 s of each, a fresh pair on a machine at a load average of 10 had
 * a round in which one target answered nothing: stalled). Tagged e2e: runs only in the {@code suite-e2e} Maven
 * profile (about 40 s).
 */
@Tag("e2e")
class DuetSuiteE2ETest {

    private static final List<String> MEASURED = List.of("ok", "unsettled", "generator-bound", "disturbed");

    @Test
    void both_builds_share_the_core_at_the_same_time_and_compare_pairs_them_by_round(@TempDir Path out) throws Exception {
        String root = System.getProperty("mpmbench.root");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SuiteMain.execute(new String[] {"quick", "--targets", "java-event", "--scenarios", "hello",
                "--repeats", "2", "--duration", "2s", "--warmup", "3s", "--settle-max", "0", "--baseline", root,
                "--duet", "--root", root, "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString());
        List<Row> summary = CsvTables.read(out.resolve("summary.csv"));
        // recorded in the order they were started: java-event first in round 1, base:java-event in round 2
        assertEquals(List.of("1 java-event", "1 base:java-event", "2 base:java-event", "2 java-event"),
                summary.stream().map(r -> r.text("repeat") + " " + r.text("target")).toList());
        for (Row r : summary) {
            assertTrue(MEASURED.contains(r.text("status")), r.toString());
            assertTrue(r.num("rps") > 0 && r.num("cpu_us_per_req") > 0 && r.num("pss_mb") > 0, r.toString());
        }
        List<Row> windows = CsvTables.read(out.resolve("duet.csv"));
        assertEquals(2, windows.size(), windows.toString());
        for (int round = 1; round <= 2; round++) {
            int rr = round;
            double cores = summary.stream().filter(r -> r.num("repeat") == rr)
                    .mapToDouble(r -> r.num("cpu_us_per_req") * r.num("rps") / 1e6).sum();
            // each target's CPU from its own cgroup: the pair together used at most the one core they shared
            // (beyond the windows' overlap one may have had it alone: the duet invariant's allowance)
            double apart = 1 - windows.get(round - 1).num("overlap_pct") / 100;
            assertTrue(cores <= 1 + Invariants.CPU_TOLERANCE + apart, "round " + round + ": " + cores + " cores");
            assertTrue(cores > 0.3, "round " + round + ": the pair kept its core busy, " + cores + " cores");
        }
        assertEquals(List.of("java-event", "base:java-event"), windows.stream().map(r -> r.text("first")).toList());
        for (Row w : windows) {
            assertEquals("java-event", w.text("target"));
            assertTrue(w.num("overlap_pct") > 50, "windows at the same time: " + w);
        }
        List<Row> env = CsvTables.read(out.resolve("env.csv"));
        assertTrue(env.stream().anyMatch(r -> r.text("key").equals(Design.KEY) && r.text("value").equals(Design.DUET)));
        assertTrue(env.stream().anyMatch(r -> r.text("key").equals(Design.DUET_SCENARIOS_KEY)
                && r.text("value").equals("hello")));
        int compare = mpmbench.benchmarks.compare.CompareMain.execute(new String[] {out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertTrue(List.of(0, 1, 3).contains(compare), "compare DIR: " + compare);
        Row rps = CsvTables.read(out.resolve("compare.csv")).stream().filter(r -> r.text("figure").equals("rps"))
                .findFirst().orElseThrow();
        boolean judged = summary.stream().allMatch(r -> List.of("ok", "unsettled").contains(r.text("status")));
        if (judged) { // a disturbed round drops out as a pair: then too few are left on a busy machine
            assertTrue(List.of(0, 1).contains(compare), "compare DIR judged the pairs: " + compare);
            assertEquals(2L, Math.round(rps.num("new_n")), rps.toString());
            assertTrue(rps.num("ratio") > 0 && rps.num("ci_low") <= rps.num("ratio"), "paired by round: " + rps);
        }
        assertTrue(Files.readString(out.resolve("compare.md")).contains("Design: duet"));
        Row claim = CsvTables.read(out.resolve("claims.csv")).stream()
                .filter(r -> r.text("claim").equals("1b") && r.text("family").equals("java")).findFirst().orElseThrow();
        assertEquals("not measured", claim.text("verdict"), claim.toString());
        assertTrue(claim.text("note").contains("measured as a duet"), "no claim from a shared core: " + claim);
    }
}
