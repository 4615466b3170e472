package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.SuiteKind;

/** The load generator's command line, its progress lines and its JSON (a real file), and recovery. */
class LoadgenRunTest {

    @Test
    void parses_a_real_json_result() throws IOException {
        String json;
        try (InputStream in = LoadgenRunTest.class.getResourceAsStream("/fixture/loadgen.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> f = LoadgenRun.parseJson(json);
        assertTrue(f.get("url").startsWith("http://127.0.0.1:"));
        assertEquals("closed", f.get("model"));
        assertEquals("true", f.get("keepalive"));
        assertEquals("55887", f.get("requests"));
        assertEquals("11", f.get("err_read"));
        assertTrue(f.containsKey("start_epoch_ms"));
    }

    @Test
    void progress_lines() {
        assertEquals(new LoadgenRun.Second(1.0, true, 1123, 0),
                LoadgenRun.parseProgress("     1.0s warm-up      1123 req/s  errors 0  p99 0.053ms"));
        assertEquals(new LoadgenRun.Second(4.0, false, 0, 106),
                LoadgenRun.parseProgress("     4.0s                 0 req/s  errors 106  p99 10.671ms"));
        assertNull(LoadgenRun.parseProgress("Running 2.00s test @ http://127.0.0.1:1/hello"));
    }

    @Test
    void command_pins_and_passes_the_level() {
        SuitePlan plan = ParsedSuite.plan("quick", "--root", "/repo", "--java", "/jdk/bin/java");
        Scenario churn = Scenarios.byName(SuiteKind.QUICK, 2).get("churn");
        List<String> cmd = LoadgenRun.command(plan, "http://127.0.0.1:1/hello", churn, new Level(16, 2000, 300),
                Duration.ofSeconds(2), Path.of("j"), Path.of("h"), Path.of("l"), true);
        assertEquals(List.of("taskset", "-c", "1", "/jdk/bin/java"), cmd.subList(0, 4));
        String line = String.join(" ", cmd);
        assertTrue(line.contains("-jar /repo/loadgen/target/mpmbench-loadgen.jar -t 1 -c 16 -d 2000ms --warmup 1000ms"), line);
        // one process warms up until steady (at most the 15 s cap) and measures right after; it opens no
        // idle connections: the holder alone does (they were opened twice once)
        assertTrue(line.endsWith("-R 2000 --no-keepalive --settle 15000ms --json j --hgrm h --hlog l "
                + "http://127.0.0.1:1/hello"), line);
        assertFalse(line.contains("--idle"), line);
        assertFalse(line.contains("--hlog-interval"), line);
        // around a fault the interval log is sliced at 100 ms, for the report's timeline
        String crash = String.join(" ", LoadgenRun.command(plan, "http://127.0.0.1:1/hello",
                Scenarios.byName(SuiteKind.QUICK, 2).get("crash"), new Level(16, 0, 0), Duration.ofSeconds(4),
                Path.of("j"), Path.of("h"), Path.of("l"), false));
        assertTrue(crash.contains("--hlog-interval 100ms --json j --hgrm h --hlog l"), crash);
        assertFalse(crash.contains("--settle"), crash);
        String holder = String.join(" ", LoadgenRun.holderCommand(plan, "http://127.0.0.1:1/hello", 300,
                Duration.ofSeconds(20), Path.of("i")));
        assertTrue(holder.contains("--idle 300"), holder);
    }

    @Test
    void with_agents_the_load_runs_there_and_each_cell_keeps_its_agents_folder() {
        SuitePlan plan = ParsedSuite.plan("quick", "--root", "/repo", "--java", "/jdk/bin/java", "--agents", "a1,a2",
                "--ssh-option", "Port=2222");
        String line = String.join(" ", LoadgenRun.command(plan, "http://10.0.0.5:1/hello",
                Scenarios.byName(SuiteKind.QUICK, 2).get("hello"), new Level(16, 0, 0), Duration.ofSeconds(2),
                Path.of("/out/latency/hello_x_c16_r1.json"), Path.of("h"), Path.of("l"), true));
        assertTrue(line.contains("--settle 15000ms --agents a1,a2 --ssh-option Port=2222 "
                + "--out /out/latency/hello_x_c16_r1.agents --json /out/latency/hello_x_c16_r1.json"), line);
        assertEquals(Path.of("/out/latency/c.agents"), LoadgenRun.agentsDir(Path.of("/out/latency/c.json")));
    }

    @Test
    void the_busiest_agent_decides_generator_bound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        for (String[] a : new String[][] {{"a1", "41.5"}, {"a2", "97.0"}}) {
            java.nio.file.Files.createDirectories(dir.resolve(a[0]));
            java.nio.file.Files.writeString(dir.resolve(a[0]).resolve("result.json"), "{\"client_cpu_pct\": " + a[1] + "}");
        }
        LoadgenRun.Outcome merged = new LoadgenRun.Outcome(Map.of("client_cpu_pct", "138.5", "rps", "1"), List.of(), 0, "");
        LoadgenRun.Outcome o = LoadgenRun.busiestAgentCpu(merged, dir);
        assertEquals(97.0, o.num("client_cpu_pct"));
        assertEquals(138.5, o.num("client_cpu_pct_sum"));
        assertEquals("1", o.json().get("rps"));
    }

    @Test
    void the_warmup_over_line_is_read_and_nothing_else_is() {
        assertEquals(6.0, LoadgenRun.parseWarmupOver("  warm-up over after 6.0s: steady"));
        assertEquals(15.0, LoadgenRun.parseWarmupOver("\r  warm-up over after 15.0s"));
        assertTrue(Double.isNaN(LoadgenRun.parseWarmupOver("     4.0s                 0 req/s  errors 106  p99 10.671ms")));
        assertTrue(Double.isNaN(LoadgenRun.parseWarmupOver("  window over after 9.0s")));
    }

    @Test
    void the_window_over_line_is_read_and_nothing_else_is() {
        assertEquals(9.0, LoadgenRun.parseWindowOver("  window over after 9.0s"));
        assertEquals(21.5, LoadgenRun.parseWindowOver("\r  window over after 21.5s"));
        assertTrue(Double.isNaN(LoadgenRun.parseWindowOver("  warm-up over after 6.0s: steady")));
        assertTrue(Double.isNaN(LoadgenRun.parseWindowOver("     9.0s              1000 req/s  errors 0  p99 1.2ms")));
        assertEquals(null, LoadgenRun.parseProgress("  window over after 9.0s"), "not a progress second");
    }

    @Test
    void the_reader_thread_tells_the_listener_where_the_window_starts_and_ends(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // the generator's stderr as it prints it with --progress (not on a terminal)
        String stderr = "  warm-up over after 1.0s\n     1.5s             10 req/s  errors 0  p99 1.000ms\n"
                + "  window over after 2.0s\n";
        List<String> told = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        LoadgenRun.Outcome out = LoadgenRun.run(List.of("sh", "-c", "printf '" + stderr + "' >&2"), null,
                dir.resolve("console.txt"), Duration.ofSeconds(20), new LoadgenRun.Listener() {
                    @Override
                    public void second(LoadgenRun.Second s) {
                        told.add("second " + s.tS());
                    }

                    @Override
                    public void warmupOver(double elapsedS) {
                        told.add("warm-up over " + elapsedS);
                    }

                    @Override
                    public void windowOver(double elapsedS) {
                        told.add("window over " + elapsedS);
                    }
                });
        assertEquals(0, out.exitCode());
        assertEquals(List.of("warm-up over 1.0", "second 1.5", "window over 2.0"), told);
        assertEquals("", out.stderrTail(), "every line was understood");
    }

    @Test
    void json_is_read_with_a_parser_and_bad_json_is_an_error_not_a_guess() {
        assertEquals("12.5", LoadgenRun.parseJson("{\"rps\": 12.5, \"url\": \"http://a/\\\"q\"}").get("rps"));
        assertEquals("http://a/\"q", LoadgenRun.parseJson("{\"rps\": 12.5, \"url\": \"http://a/\\\"q\"}").get("url"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> LoadgenRun.parseJson("{\"rps\": "));
        // a figure the load generator could not measure is null: an empty cell, never a parse error
        assertEquals("", LoadgenRun.parseJson("{\"client_cpu_us_per_req\": null}").get("client_cpu_us_per_req"));
    }

    @Test
    void recovery_is_the_first_second_back_to_ninety_percent() {
        List<LoadgenRun.Second> s = List.of(new LoadgenRun.Second(1, false, 500, 0),
                new LoadgenRun.Second(2, false, 1000, 0), new LoadgenRun.Second(3, false, 1000, 0),
                new LoadgenRun.Second(4, false, 100, 5), new LoadgenRun.Second(5, false, 800, 5),
                new LoadgenRun.Second(6, false, 950, 5));
        // second 1 is warm-up by time; baseline median of 1000, 1000 = 1000; 950 >= 900 at t = 6
        assertEquals(3.0, Recovery.seconds(s, 3.0, 1.0));
        assertTrue(Double.isNaN(Recovery.seconds(s.subList(0, 5), 3.0, 1.0)));
    }

    @Test
    void progress_bar_line() {
        assertEquals("suite [############------------] 5/10 cells, 5 left, 1:05 elapsed, ETA 1:00  hello",
                ProgressBar.line(5, 10, 65, 60, "hello"));
    }
}
