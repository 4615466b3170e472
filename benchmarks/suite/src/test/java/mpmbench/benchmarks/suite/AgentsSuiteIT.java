package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.telemetry.ProcReader;
import mpmbench.benchmarks.telemetry.RemoteProc;
import mpmbench.benchmarks.telemetry.TreeSample;
import mpmbench.loadgen.agent.Ssh;
import mpmbench.loadgen.agent.Sshd;

/**
 * The suite with load-generator agents and a target on "another host", for real: an OpenSSH server
 * started here on a loopback port (the load generator's test sshd) is {@code agent1}, {@code agent2}
 * and the target's host; the target is java-event. Tagged agents: runs with {@code -Pagents} only (it
 * needs the packaged server and load generator jars).
 */
@Tag("agents")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class AgentsSuiteIT {

    @TempDir
    static Path tmp;
    private Sshd sshd;

    @BeforeAll
    void start() throws Exception {
        sshd = Sshd.start(Files.createDirectories(tmp.resolve("sshd")));
    }

    @AfterAll
    void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private List<String> common(Path out) {
        return new ArrayList<>(List.of("--ssh-config", sshd.sshConfig.toString(), "--root", System.getProperty("mpmbench.root"),
                "--out", out.toString(), "--repeats", "1", "--duration", "2s", "--warmup", "1s", "--settle-max", "9s"));
    }

    private static String suite(List<String> args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SuiteMain.execute(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        System.out.println(e);
        assertEquals(0, code, e);
        return e;
    }

    private static Map<String, String> env(Path out) throws Exception {
        return CsvTables.read(out.resolve("env.csv")).stream().collect(Collectors.toMap(r -> r.text("key"), r -> r.text("value")));
    }

    @Test
    void every_cell_runs_from_the_agents_settles_on_their_sum_and_keeps_their_rows(@TempDir Path out) throws Exception {
        List<String> args = common(out);
        args.addAll(0, List.of("quick", "--targets", "java-event", "--scenarios", "hello", "--agents", "agent1,agent2",
                "--agent-dir", tmp.resolve("remote").toString()));
        suite(args);
        assertEquals("agent1 agent2", env(out).get("agents"));
        assertTrue(env(out).get("agents_method").contains("the coordinator judges the summed requests/s"));
        List<Row> summary = CsvTables.read(out.resolve("summary.csv"));
        assertFalse(summary.isEmpty());
        for (Row r : summary) {
            assertTrue(List.of("ok", "unsettled", "generator-bound").contains(r.text("status")), r.toString());
            assertTrue(r.num("rps") > 0 && r.num("pss_mb") > 0 && r.num("cpu_us_per_req") > 0, r.toString());
            assertTrue(r.num("warmup_s") >= 4 && r.num("warmup_s") <= 9, "settled on the sum or at the cap: " + r);
            assertTrue(r.num("loadgen_cpu_pct") > 0 && r.num("loadgen_cpu_pct") <= 105, "the busiest agent's: " + r);
            String id = r.text("scenario") + "_java-event_c" + (int) r.num("connections") + "_r1";
            Path agents = out.resolve("latency").resolve(id + ".agents");
            List<String> csv = Files.readAllLines(agents.resolve("agents.csv"));
            assertEquals(3, csv.size(), csv.toString());
            long sum = 0;
            for (String line : csv.subList(1, 3)) {
                assertTrue(line.matches("agent[12],agent[12],ok,.*"), line);
                sum += Long.parseLong(line.split(",")[8]);
            }
            assertEquals((long) r.num("requests"), sum, "the row's requests are the agents' sum");
            assertTrue(Files.exists(agents.resolve("agent1/latency.hlog")) && Files.exists(agents.resolve("merged.hlog")));
            assertTrue(Files.readString(out.resolve("latency").resolve(id + ".txt")).contains("Agents"));
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("## Method"));
    }

    @Test
    void a_target_on_another_host_is_sampled_over_ssh(@TempDir Path out) throws Exception {
        SuitePlan plan = ParsedSuite.onThisMachine("agents-it", out.resolve("launch"), "quick", "--targets", "java-event");
        try (RunningTarget target = new TargetLauncher(plan).start(plan.targets().getFirst())) {
            // the sampler over ssh reads what /proc here reads (the same machine behind the loopback sshd)
            Ssh ssh = new Ssh(sshd.sshConfig, List.of());
            try (RemoteProc remote = RemoteProc.over(ssh, "agent1")) {
                TreeSample here = ProcReader.system().sample(target.pid(), 0);
                TreeSample there = remote.sample(target.pid(), 0);
                assertEquals(here.processes(), there.processes());
                assertTrue(Math.abs(here.threads() - there.threads()) <= 2, here + " vs " + there);
                assertTrue(Math.abs(here.rssKb() - there.rssKb()) < here.rssKb() / 10, here + " vs " + there);
                // the remote shell's own CPU, its forks (cat, grep, ls) included: read here, it is this machine
                int shell = Integer.parseInt(remote.run("echo $$").getFirst().strip());
                long shellTicks = ProcReader.system().sample(shell, 0).cpuTicks();
                int n = 50;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    remote.sample(target.pid(), 0);
                }
                double remoteMs = (System.nanoTime() - t0) / 1e6 / n;
                double shellCpuMs = (ProcReader.system().sample(shell, 0).cpuTicks() - shellTicks) * 10.0 / n;
                t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    ProcReader.system().sample(target.pid(), 0);
                }
                double localMs = (System.nanoTime() - t0) / 1e6 / n;
                System.out.printf(Locale.ROOT, "one sample of java-event's tree (%d processes, %d threads): over ssh "
                        + "%.1f ms wall and %.1f ms CPU of the remote shell, from /proc here %.1f ms (mean of %d)%n",
                        there.processes(), there.threads(), remoteMs, shellCpuMs, localMs, n);
                assertTrue(remoteMs < 500, "a sample over ssh took " + remoteMs + " ms");
            }
            List<String> args = common(out.resolve("run"));
            args.addAll(0, List.of("quick", "--targets", "url=http://127.0.0.1:" + target.port() + ",pid=" + target.pid(),
                    "--scenarios", "idle-keepalive", "--target-host", "agent2"));
            suite(args);
            Map<String, String> env = env(out.resolve("run"));
            assertEquals("agent2", env.get("target_host"));
            assertTrue(env.get("target_host_kernel").startsWith("Linux"), env.toString());
            for (Row r : CsvTables.read(out.resolve("run").resolve("summary.csv"))) {
                assertTrue(r.num("processes") >= 2 && r.num("pss_mb") > 0 && r.num("cpu_us_per_req") > 0, r.toString());
                assertTrue(r.num("fds") >= r.num("idle_held") / 2, "the idle connections are among the target's fds: " + r);
            }
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SuiteMain.execute(new String[] {"quick", "--targets", "url=http://127.0.0.1:1,pid=" + (Integer.MAX_VALUE - 1),
                "--target-host", "agent1", "--ssh-config", sshd.sshConfig.toString(), "--out", out.resolve("bad").toString(),
                "--root", System.getProperty("mpmbench.root")}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("mpmbench suite: --target-host agent1: no process " + (Integer.MAX_VALUE - 1)
                + " there (target url=http://127.0.0.1:1,pid=" + (Integer.MAX_VALUE - 1) + ")",
                err.toString(StandardCharsets.UTF_8).lines().toList().getLast());
        assertFalse(Files.exists(out.resolve("bad")), "nothing written before the host was checked");
    }
}
