package mpmbench.benchmarks.suite;

import static mpmbench.benchmarks.suite.ParsedSuite.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.SuiteKind;

/** Targets, scenarios and the plan built from flags, without running anything. */
class SuitePlanTest {

    @Test
    void quick_defaults_every_target_and_the_claims_scenarios() {
        SuitePlan p = plan("quick", "--root", "/repo", "--java", "/jdk/bin/java");
        assertEquals(TargetSpec.QUICK_DEFAULTS, p.targets().stream().map(TargetSpec::name).toList());
        assertEquals(TargetSpec.DEFAULTS, plan("quick", "--targets", "all", "--root", "/repo").targets().stream()
                .map(TargetSpec::name).toList());
        assertEquals(Scenarios.QUICK_DEFAULT, p.scenarios().stream().map(Scenario::name).toList());
        assertEquals(Duration.ofSeconds(2), p.duration());
        assertEquals(3, p.repeats());
        assertEquals(Duration.ofSeconds(15), p.settleCap());
        assertTrue(p.scenariosShareInstance());
        assertEquals(Path.of("/repo/server/target/mpmbench-server.jar"), p.serverJar());
        assertEquals(Path.of("/repo/results/run"), p.out());
        assertEquals(List.of("taskset", "-c", "0"), p.pinTarget());
        assertEquals(List.of("taskset", "-c", "1"), p.pinLoad());
    }

    @Test
    void full_runs_every_scenario_at_every_level_with_repeats() {
        SuitePlan p = plan("full", "--root", "/repo");
        assertEquals(11, p.scenarios().size()); // equal-load (issue 20 item 6) and tls-churn-resumed (claim 9) among them
        assertTrue(p.scenarios().stream().map(Scenario::name).noneMatch(Scenarios.OPERATIONAL::contains),
                "the operational scenarios run when named");
        assertEquals(3, p.repeats());
        assertEquals(Duration.ofSeconds(3), p.duration());
        assertFalse(p.scenariosShareInstance());
        Scenario hello = p.scenarios().stream().filter(s -> s.name().equals("hello")).findFirst().orElseThrow();
        assertEquals(List.of(1, 16, 256), hello.levels().stream().map(Level::connections).toList());
    }

    @Test
    void full_runs_the_operational_scenarios_when_named() {
        SuitePlan p = plan("full", "--root", "/repo", "--scenarios", "graceful-restart,slow-clients");
        assertEquals(Scenarios.OPERATIONAL, p.scenarios().stream().map(Scenario::name).toList());
        assertEquals(3, p.restarts());
        assertEquals(Duration.ofSeconds(10), p.gracefulDuration());
        Scenario slow = p.scenarios().stream().filter(s -> s.name().equals("slow-clients")).findFirst().orElseThrow();
        assertEquals(List.of(0, 64, 512, 4096), slow.levels().stream().map(Level::idle).toList());
        assertEquals(List.of(16), slow.levels().stream().map(Level::connections).distinct().toList());
    }

    @Test
    void flags_narrow_and_widen() {
        SuitePlan p = plan("quick", "--targets", "java-event,nginx,url=http://127.0.0.1:8080,pid=42",
                "--scenarios", "hello,churn", "--repeats", "2", "--duration", "500ms", "--warmup", "0.5s",
                "--out", "/tmp/x", "--set", "MaxRequestWorkers=300", "--no-pin", "--root", "/repo");
        assertEquals(List.of("java-event", "nginx", "url=http://127.0.0.1:8080,pid=42"),
                p.targets().stream().map(TargetSpec::name).toList());
        assertEquals(42, p.targets().get(2).pid());
        assertEquals("http://127.0.0.1:8080", p.targets().get(2).url());
        assertEquals(List.of("hello", "churn"), p.scenarios().stream().map(Scenario::name).toList());
        assertEquals(Duration.ofMillis(500), p.duration());
        assertEquals(Duration.ofMillis(500), p.warmup());
        assertEquals(Duration.ofSeconds(4), p.crashDuration());
        assertTrue(p.pinTarget().isEmpty());
        // 3 targets x (1 hello level + 1 churn level) x 2 repeats
        assertEquals(12, p.cells().size());
        // quick: round 1 first; in it each target runs its scenarios on one instance
        assertEquals(List.of("hello_java-event_c16_r1", "churn_java-event_c16_r1", "hello_nginx_c16_r1"),
                p.cells().subList(0, 3).stream().map(SuitePlan.Cell::id).toList());
        assertEquals("hello_java-event_c16_r2", p.cells().get(6).id());
    }

    @Test
    void crash_goes_last_on_a_shared_instance() {
        SuitePlan p = plan("quick", "--scenarios", "crash,hello", "--targets", "java-worker", "--root", "/repo");
        assertEquals(List.of("hello", "crash"), p.scenarios().stream().map(Scenario::name).toList());
        // what leaves an instance changed runs after the rest: spawned children, a new generation, a replacement
        p = plan("quick", "--scenarios", "crash,graceful-restart,slow-clients,hello", "--targets", "java-worker",
                "--root", "/repo");
        assertEquals(List.of("hello", "slow-clients", "graceful-restart", "crash"),
                p.scenarios().stream().map(Scenario::name).toList());
        assertEquals(2, p.restarts());
        assertEquals(Duration.ofSeconds(7), p.gracefulDuration());
    }

    @Test
    void full_interleaves_its_repeats_in_rounds() {
        SuitePlan p = plan("full", "--targets", "java-event,nginx", "--scenarios", "hello", "--root", "/repo");
        List<String> ids = p.cells().stream().map(SuitePlan.Cell::id).toList();
        // round 1 of every target and level before round 2
        assertEquals(List.of("hello_java-event_c1_r1", "hello_java-event_c16_r1", "hello_java-event_c256_r1",
                "hello_nginx_c1_r1"), ids.subList(0, 4));
        assertEquals("hello_java-event_c1_r2", ids.get(6));
    }

    @Test
    void a_directive_can_be_set_for_one_target() {
        SuitePlan p = plan("quick", "--targets", "java-worker,java-event", "--set", "java-worker:ThreadsPerChild=1",
                "--set", "KeepAlive=Off", "--root", "/repo");
        TargetLauncher l = new TargetLauncher(p);
        assertEquals("1", l.directives(p.targets().get(0)).get("ThreadsPerChild"));
        assertEquals("Off", l.directives(p.targets().get(0)).get("KeepAlive"));
        assertEquals("25", l.directives(p.targets().get(1)).get("ThreadsPerChild"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> plan("quick", "--targets", "java-event", "--set", "java-wrker:ThreadsPerChild=1", "--root", "/repo"));
        assertEquals("--set java-wrker:ThreadsPerChild=1: no target 'java-wrker' in this run; accepted: java-event",
                e.getMessage());
    }

    @Test
    void a_settle_cap_shorter_than_the_rule_needs_is_refused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> plan("quick", "--settle-max", "3s", "--root", "/repo"));
        assertTrue(e.getMessage().contains("--settle-max 0 (no settling) or at least 4s"), e.getMessage());
        assertTrue(plan("quick", "--settle-max", "0", "--root", "/repo").settleCap().isZero());
    }

    @Test
    void bad_names_are_refused_with_the_accepted_ones() {
        var e = assertThrows(IllegalArgumentException.class, () -> plan("quick", "--targets", "java-forking"));
        assertTrue(e.getMessage().startsWith("unknown target 'java-forking'; accepted: java-prefork"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> plan("quick", "--scenarios", "hello,nope"));
        assertTrue(e.getMessage().contains("unknown scenario 'nope'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> plan("medium"));
        assertThrows(IllegalArgumentException.class, () -> plan("quick", "--duration", "fast"));
        assertThrows(IllegalArgumentException.class, () -> TargetSpec.parse("httpd-virtual"));
    }

    @Test
    void peers_lack_the_dynamic_endpoints() {
        var byName = Scenarios.byName(SuiteKind.QUICK, 2);
        TargetSpec nginx = TargetSpec.parse("nginx");
        TargetSpec java = TargetSpec.parse("java-virtual");
        assertEquals(null, nginx.pathFor(byName.get("cpu")));
        assertEquals("/cpu?iters=100000", java.pathFor(byName.get("cpu")));
        assertEquals("/bytes", nginx.pathFor(byName.get("large")));
        assertEquals("/bytes?n=1048576", java.pathFor(byName.get("large")));
        assertEquals("/sleep", byName.get("slow-backend").endpoint());
        assertEquals(List.of(4), byName.get("cpu").levels().stream().map(Level::connections).toList());
        assertFalse(byName.get("churn").keepAlive());
    }

    @Test
    void the_sweep_stops_past_the_slo_with_errors_or_short_of_the_rate() {
        Level l = new Level(64, 8000, 0);
        java.util.function.Function<double[], mpmbench.benchmarks.results.Row> row = v ->
                mpmbench.benchmarks.results.Row.builder(mpmbench.benchmarks.results.Schemas.SUMMARY).put("status", "ok")
                        .put("rate", l.rate()).put("rps", v[0]).put("p99_ms", v[1]).put("errors", (long) v[2]).build();
        assertFalse(SuiteRunner.pastKnee(row.apply(new double[] {7990, 2.0, 0})));
        assertTrue(SuiteRunner.pastKnee(row.apply(new double[] {7990, 12.0, 0})));
        assertTrue(SuiteRunner.pastKnee(row.apply(new double[] {7990, 2.0, 3})));
        assertTrue(SuiteRunner.pastKnee(row.apply(new double[] {6000, 2.0, 0})));
    }

    @Test
    void full_runs_the_micro_pass_quick_does_not_and_the_flags_force_either_way() {
        assertTrue(plan("full", "--root", "/repo").micro());
        assertFalse(plan("quick", "--root", "/repo").micro());
        assertTrue(plan("quick", "--micro", "--root", "/repo").micro());
        assertFalse(plan("full", "--no-micro", "--root", "/repo").micro());
        assertTrue(Listing.render(SuiteKind.FULL, 2).contains("Micro pass: full runs a short JMH pass after the scenarios "
                + "(MicroMain -f 2 -wi 2 -i 5 -w 500ms -r 500ms, at most 15 min)"));
        assertTrue(Listing.render(SuiteKind.QUICK, 2).contains("quick does not run"));
        java.io.ByteArrayOutputStream help = new java.io.ByteArrayOutputStream();
        SuiteMain.execute(new String[] {"--help"}, new java.io.PrintStream(help), System.err);
        assertTrue(help.toString().contains("--[no-]micro"), help.toString());
    }

    @Test
    void the_micro_pass_copies_its_files_and_a_failure_is_a_status_not_an_exception(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(err, true);
        String ok = MicroPass.run(List.of("sh", "-c", "echo '# Run progress: 50.00% complete, ETA 00:00:01'; "
                + "echo a > micro-tmp/jmh.csv; echo b > micro-tmp/memory.csv", "x", "y"), out, out, ps, 10_000);
        assertTrue(ok.startsWith("ran in "), ok);
        assertTrue(ok.endsWith("jmh.csv, memory.csv"), ok);
        assertEquals("a\n", java.nio.file.Files.readString(out.resolve("jmh.csv")));
        assertFalse(java.nio.file.Files.exists(out.resolve("micro-tmp")));
        assertTrue(err.toString().contains("micro 50.00% complete, ETA 00:00:01"), err.toString());
        assertEquals("failed: MicroMain exited with 3 after 0 s (see micro.log)",
                MicroPass.run(List.of("sh", "-c", "exit 3", "x"), out, out, ps, 10_000));
        assertTrue(MicroPass.run(List.of("sh", "-c", "sleep 20", "x"), out, out, ps, 300).startsWith("failed: stopped after"));
        assertTrue(MicroPass.run(List.of("/no/such/java", "a", "b", "c"), out, out, ps, 300).startsWith("failed: did not start"));
        List<String> cmd = MicroPass.command("/jdk/bin/java", "b.jar", Path.of("/r/micro-tmp"));
        assertEquals("/jdk/bin/java --enable-native-access=ALL-UNNAMED -cp b.jar mpmbench.benchmarks.micro.MicroMain "
                + "--out /r/micro-tmp -f 2 -wi 2 -i 5 -w 500ms -r 500ms", String.join(" ", cmd));
    }

    @Test
    void listing_names_every_scenario_and_marks_the_default_ones() {
        String list = Listing.render(SuiteKind.QUICK, 2);
        for (Scenario s : Scenarios.of(SuiteKind.QUICK, 2)) {
            assertTrue(list.contains(s.name()), s.name());
        }
        assertTrue(list.contains("* hello"));
        assertTrue(list.contains("  churn"));
    }

    @Test
    void directives_are_debians_stock_values_with_sets_on_top() {
        var d = Directives.forMpm("event", java.util.Map.of("MaxRequestWorkers", "300", "ChildJvmOptions", "-Xmx64m"));
        assertEquals("2", d.get("StartServers"));
        assertEquals("300", d.get("MaxRequestWorkers"));
        List<String> httpd = Directives.httpdLines(d);
        assertTrue(httpd.contains("MaxRequestWorkers 300"));
        assertTrue(httpd.stream().noneMatch(l -> l.startsWith("ChildJvmOptions")), "httpd gets only its own directives");
    }

    @Test
    void agents_and_their_ssh_flags_reach_the_load_command_and_bad_ones_are_named() {
        SuitePlan p = plan("quick", "--root", "/repo", "--agents", "h1,user@h2", "--agent-weights", "2,1",
                "--ssh-config", "/etc/cfg", "--ssh-option", "Port=2222", "--max-clock-offset", "5ms");
        assertEquals(List.of("h1", "user@h2"), p.remote().agents());
        assertEquals(List.of("--agents", "h1,user@h2", "--agent-weights", "2,1", "--ssh-config", "/etc/cfg",
                "--ssh-option", "Port=2222", "--max-clock-offset", "5ms", "--out", "/r/x.agents"),
                p.remote().loadFlags(Path.of("/r/x.agents")));
        assertFalse(plan("quick", "--root", "/repo").remote().hasAgents());
        assertEquals("--agent-weights has 1 weights for 2 agents", assertThrows(IllegalArgumentException.class,
                () -> plan("quick", "--root", "/repo", "--agents", "a,b", "--agent-weights", "1")).getMessage());
        assertEquals("--agent-weights: 'x' is not a number above 0", assertThrows(IllegalArgumentException.class,
                () -> plan("quick", "--root", "/repo", "--agents", "a,b", "--agent-weights", "1,x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plan("quick", "--root", "/repo",
                "--ssh-option", "Port=1")).getMessage().startsWith("--ssh-config and --ssh-option need --agents"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plan("quick", "--root", "/repo",
                "--agent-java", "/j")).getMessage().contains("need --agents"));
    }

    @Test
    void a_target_host_takes_url_targets_only() {
        SuitePlan p = plan("quick", "--root", "/repo", "--targets", "url=http://10.0.0.5:8080,pid=42",
                "--target-host", "web1", "--ssh-option", "Port=2222");
        assertEquals("web1", p.remote().targetHost());
        assertEquals(List.of("Port=2222"), p.remote().ssh().options());
        assertEquals(42, p.targets().getFirst().pid());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan("quick", "--root", "/repo", "--targets", "java-event", "--target-host", "web1"));
        assertTrue(e.getMessage().startsWith("--target-host: the suite starts java-event on this machine; "), e.getMessage());
    }
}
