package mpmbench.benchmarks.suite;

import static mpmbench.benchmarks.suite.ParsedSuite.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.SuiteKind;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;

/**
 * {@code mpmbench suite --generator wrk}: the flag, what wrk skips and why, its command line, and the
 * whole suite path with the real wrk against a real HTTP server on an ephemeral loopback port (skipped
 * when wrk is not installed).
 */
class WrkRunTest {

    private static int suite(ByteArrayOutputStream err, String... args) {
        return SuiteMain.execute(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    }

    @Test
    void without_the_flag_the_plan_is_ours_and_adds_nothing_to_env() {
        SuitePlan p = plan("quick", "--root", "/repo");
        assertSame(LoadGenerator.LOADGEN, p.generator());
        assertEquals(List.of(), p.generator().env(p));
        for (Scenario s : Scenarios.of(SuiteKind.FULL, 2)) {
            assertNull(p.generator().unsupported(s), s.name());
        }
        assertSame(LoadGenerator.LOADGEN, plan("quick", "--root", "/repo", "--generator", "loadgen").generator());
    }

    @Test
    void a_bad_value_names_the_flag_and_the_accepted_ones() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, suite(err, "quick", "--generator", "wrk2", "--root", "/repo"));
        assertTrue(err.toString().contains("--generator 'wrk2': accepted values are loadgen, wrk (default loadgen)"),
                err.toString());
    }

    @Test
    void wrk_refuses_what_it_cannot_measure_at_the_flags() {
        assumeTrue(WrkRun.binary().isPresent(), "wrk is not installed (scripts/install-peers)");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, suite(err, "quick", "--generator", "wrk", "--duration", "1500ms", "--root", "/repo"));
        assertTrue(err.toString().contains("--generator wrk measures whole seconds (wrk -d): --duration 1500ms"),
                err.toString());
        err.reset();
        assertEquals(2, suite(err, "quick", "--generator", "wrk", "--agents", "a,b", "--root", "/repo"));
        assertTrue(err.toString().contains("--agents needs --generator loadgen"), err.toString());
    }

    /** Every scenario of full: wrk measures the closed-model ones and says why it skips each other one. */
    @Test
    void wrk_skips_the_open_model_held_connections_and_faults_with_the_reason() {
        Map<String, Scenario> all = Scenarios.byName(SuiteKind.FULL, 2);
        for (String s : List.of("startup", "hello", "churn", "slow-backend", "cpu", "large")) {
            assertNull(WrkRun.INSTANCE.unsupported(all.get(s)), s);
        }
        assertTrue(WrkRun.INSTANCE.unsupported(all.get("rate-sweep")).contains("open model"));
        assertTrue(WrkRun.INSTANCE.unsupported(all.get("idle-keepalive")).contains("idle keep-alive connections"));
        assertTrue(WrkRun.INSTANCE.unsupported(all.get("slow-clients")).contains("trickling connections"));
        assertTrue(WrkRun.INSTANCE.unsupported(all.get("crash")).contains("per-second progress"));
        assertTrue(WrkRun.INSTANCE.unsupported(all.get("graceful-restart")).contains("interval log"));
    }

    @Test
    void the_command_is_pinned_like_ours_and_closes_connections_where_the_scenario_does() {
        SuitePlan p = plan("quick", "--root", "/repo");
        Map<String, Scenario> all = Scenarios.byName(SuiteKind.QUICK, 2);
        List<String> hello = WrkRun.command(p, all.get("hello"), Level.closed(16), 3, Path.of("/l/s.lua"),
                "http://127.0.0.1:9/hello", Optional.of(Path.of("/usr/bin/stdbuf")));
        assertEquals(List.of("taskset", "-c", "1", "/usr/bin/stdbuf", "-oL"), hello.subList(0, 5));
        assertEquals(List.of("-t1", "-c16", "-d3s", "--timeout", "2s", "-s", "/l/s.lua", "http://127.0.0.1:9/hello"),
                hello.subList(6, hello.size()));
        List<String> churn = WrkRun.command(p, all.get("churn"), Level.closed(16), 2, Path.of("/l/s.lua"),
                "http://127.0.0.1:9/hello", Optional.empty());
        assertEquals(List.of("-H", "Connection: close", "http://127.0.0.1:9/hello"),
                churn.subList(churn.size() - 3, churn.size()));
    }

    /**
     * The suite with wrk against a real server (the JDK's HttpServer in this JVM, whose pid is the
     * target's for the telemetry): rows with wrk's counts and undone latencies, the target's CPU per
     * request, skips with reasons, the generator in env.csv and the report.
     */
    @Test
    void the_suite_measures_a_real_server_with_wrk(@TempDir Path out) throws Exception {
        assumeTrue(WrkRun.binary().isPresent(), "wrk is not installed (scripts/install-peers)");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        byte[] hello = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
        server.createContext("/hello", ex -> {
            ex.sendResponseHeaders(200, hello.length);
            ex.getResponseBody().write(hello);
            ex.close();
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.start();
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = suite(err, "quick", "--generator", "wrk", "--targets",
                    "url=http://127.0.0.1:" + server.getAddress().getPort() + ",pid=" + ProcessHandle.current().pid(),
                    "--scenarios", "hello,churn,idle-keepalive,rate-sweep", "--repeats", "1", "--duration", "1s",
                    "--warmup", "1s", "--settle-max", "0", "--no-pin", "--root", System.getProperty("mpmbench.root", "../.."),
                    "--out", out.toString());
            assertEquals(0, code, err.toString());
            List<Row> rows = CsvTables.read(out.resolve("summary.csv"));
            for (String s : List.of("hello", "churn")) {
                Row r = rows.stream().filter(x -> x.text("scenario").equals(s)).findFirst().orElseThrow();
                // on a busy machine (other work in the window) a row is disturbed, still measured
                assertTrue(List.of("ok", "generator-bound", "disturbed").contains(r.text("status")), r.toString());
                assertTrue(r.num("requests") > 0 && r.num("rps") > 0, r.toString());
                assertTrue(r.num("duration_s") >= 1 && r.num("duration_s") < 1.3, "wrk's own window: " + r);
                assertTrue(r.num("p99_ms") > 0 && r.num("p99_ms") >= r.num("p50_ms"), r.toString());
                assertTrue(r.num("cpu_us_per_req") > 0 && r.num("loadgen_cpu_pct") > 0, r.toString());
                assertTrue(r.num("warmup_s") >= 1, r.toString());
                assertEquals("", r.text("err_parse"), r.toString());
                Map<String, String> json = LoadgenRun.parseJson(Files.readString(out.resolve("latency/"
                        + s + "_url_http___127.0.0.1_" + server.getAddress().getPort() + "_pid_"
                        + ProcessHandle.current().pid() + "_c16_r1.json")));
                assertEquals("wrk", json.get("generator"));
                if (json.get("err_timeout").equals("0")) {
                    // wrk's correction undone on real output: one sample per response again
                    assertEquals(json.get("requests"), json.get("latency_samples"), json.toString());
                }
            }
            Row idle = rows.stream().filter(x -> x.text("scenario").equals("idle-keepalive")).findFirst().orElseThrow();
            assertEquals("skipped", idle.text("status"));
            assertTrue(idle.text("reason").contains("wrk cannot hold"), idle.toString());
            assertTrue(rows.stream().filter(x -> x.text("scenario").equals("rate-sweep"))
                    .allMatch(x -> x.text("status").equals("skipped") && x.text("reason").contains("open model")));
            Map<String, String> env = CsvTables.read(out.resolve("env.csv")).stream()
                    .collect(java.util.stream.Collectors.toMap(r -> r.text("key"), r -> r.text("value"), (a, b) -> b));
            assertEquals("wrk", env.get("generator"));
            assertTrue(env.get("generator_version").startsWith("wrk "), env.toString());
            String report = Files.readString(out.resolve("report.md"));
            assertTrue(report.contains("| generator | wrk ("), report);
            assertTrue(report.contains("## Repeats side by side (hello)"), report);
        } finally {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
