package mpmbench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.results.ResultsFolder;

/**
 * scripts/bench-gate's choice of the committed reference ({@code scripts/lib/bench-reference.sh}, run by
 * bash) among folders committed to a git repository made for the test: a reference measured with the
 * run's load generator first, then one whose env.csv names none (older runs: unknown, not refused), then
 * any; and the note bench-gate prints when the reference's generator differs or is unknown.
 */
class BenchGateReferenceTest {

    private static final Path ROOT = Path.of(System.getProperty("mpmbench.root", "../..")).toAbsolutePath().normalize();
    private static final Path LIB = ROOT.resolve("scripts/lib/bench-reference.sh");

    @TempDir
    Path repo;

    private record Pick(String reference, String note) {
    }

    @BeforeEach
    void gitRepository() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v git && command -v bash").start().waitFor() == 0,
                "git or bash is not installed");
        run(List.of("git", "init", "-q", repo.toString()));
    }

    /** A committed results folder of suite quick: env.csv with the scenarios and, unless null, the generator. */
    private void committed(String name, String generator, String scenarios) throws Exception {
        Path d = repo.resolve("results").resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("env.csv"), env(generator, scenarios));
        Files.writeString(d.resolve("summary.csv"), "scenario,target\n");
        run(List.of("git", "-C", repo.toString(), "add", "results/" + name));
    }

    private static String env(String generator, String scenarios) {
        return "key,value\nsuite,quick\nscenarios," + scenarios + "\n"
                + (generator == null ? "" : ResultsFolder.GENERATOR_KEY + "," + generator + "\n");
    }

    /** The reference bench-gate picks for a run of hello with this generator (null: env.csv names none), and its note. */
    private Pick pick(String runGenerator) throws Exception {
        Path run = repo.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("env.csv"), env(runGenerator, "hello"));
        String out = run(List.of("bash", "-c", ". \"$0\"; pick_reference \"$1\" \"$2\" quick; echo \"$REFERENCE\"; "
                + "generator_note \"$REFERENCE\" \"$2\"", LIB.toString(), repo.toString(), run.toString()));
        int nl = out.indexOf('\n');
        String ref = out.substring(0, nl);
        return new Pick(ref.isEmpty() ? "" : Path.of(ref).getFileName().toString(), out.substring(nl + 1).strip());
    }

    @Test
    void the_runs_own_generator_before_the_same_scenarios_and_before_newer_folders() throws Exception {
        committed("2026-01-03-wrk", ResultsFolder.WRK, "hello");
        committed("2026-01-02-old", null, "hello");
        committed("2026-01-01-ours", ResultsFolder.OUR_GENERATOR, "startup hello");
        assertEquals(new Pick("2026-01-01-ours", ""), pick(ResultsFolder.OUR_GENERATOR));
        assertEquals(new Pick("2026-01-03-wrk", ""), pick(ResultsFolder.WRK));
    }

    /**
     * Newest by when the run started, not by name: a folder named for what it shows (committed on
     * 2026-12-06 as results/loadgen-2026-12-06/quick-generator) sorted above every dated one.
     */
    @Test
    void the_newest_by_its_start_not_by_its_folders_name() throws Exception {
        committed("2026-01-05-quick", ResultsFolder.OUR_GENERATOR, "hello");
        committed("loadgen-2026-01-01/quick-generator", ResultsFolder.OUR_GENERATOR, "hello");
        Files.writeString(repo.resolve("results/2026-01-05-quick/env.csv"), "started_utc,2026-01-05T10:00:00Z\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(repo.resolve("results/loadgen-2026-01-01/quick-generator/env.csv"),
                "started_utc,2026-01-01T10:00:00Z\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(new Pick("2026-01-05-quick", ""), pick(ResultsFolder.OUR_GENERATOR));
    }

    @Test
    void a_folder_that_names_no_generator_next_with_a_note_not_a_refusal() throws Exception {
        committed("2026-01-03-wrk", ResultsFolder.WRK, "hello");
        committed("2026-01-02-old", null, "hello");
        Pick p = pick(ResultsFolder.OUR_GENERATOR);
        assertEquals("2026-01-02-old", p.reference());
        assertTrue(p.note().contains("names no load generator in env.csv") && p.note().contains("compare reads it as ours"),
                p.note());
    }

    @Test
    void another_generator_last_and_said() throws Exception {
        committed("2026-01-03-wrk", ResultsFolder.WRK, "hello");
        Pick p = pick(ResultsFolder.OUR_GENERATOR);
        assertEquals("2026-01-03-wrk", p.reference());
        assertTrue(p.note().contains("measured with the load generator wrk, this run with loadgen"), p.note());
    }

    @Test
    void a_run_that_names_none_is_taken_as_ours_and_said() throws Exception {
        committed("2026-01-03-wrk", ResultsFolder.WRK, "hello");
        committed("2026-01-01-ours", ResultsFolder.OUR_GENERATOR, "hello");
        Pick p = pick(null);
        assertEquals("2026-01-01-ours", p.reference());
        assertTrue(p.note().startsWith("this run's env.csv names no load generator"), p.note());
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}
