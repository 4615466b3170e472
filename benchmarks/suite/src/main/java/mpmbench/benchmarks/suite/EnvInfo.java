package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.telemetry.CgroupHost;
import mpmbench.benchmarks.telemetry.MachineCpu;
import mpmbench.loadgen.GeneratorJvm;
import mpmbench.loadgen.SteadyState;
import mpmbench.loadgen.contract.ResultKey;

/**
 * env.csv: the machine, kernel, JDK, peers' versions, the plan's flags, pinning, the git commit, the
 * load generator of the run ({@link ResultsFolder#GENERATOR_KEY}, {@link #generatorRows}) and the
 * directives of every target, as key/value rows.
 */
public final class EnvInfo {

    private EnvInfo() {
    }

    /**
     * The 1-minute load average now (NaN when /proc cannot be read): with 2 CPUs, 2 means every CPU had
     * something to run over the last minute, so a measured figure shared its machine.
     */
    static double loadAverage() {
        try {
            return MachineCpu.read().load1();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Where the targets' CPU is read from: the cgroup version the suite can use, else proc with why. */
    private static String cgroupMethod() {
        try {
            return CgroupHost.detect().method().label() + " (each row's cpu_method says what its target got)";
        } catch (IOException e) {
            return "proc (" + e.getMessage() + ")";
        }
    }

    /**
     * The rows recorded when the run ends: the I/O backends our generator used
     * ({@code loadgen_io_backend}, {@link #ioBackends}) and TLS engines ({@code loadgen_tls_engine},
     * {@link #tlsEngines}), the TLS engines our server's targets said they used ({@code server_tls_engine}:
     * {@code openssl}, {@code jsse}; empty without an HTTPS cell of java-X), the load average then and the
     * machine's steal time over the whole run ({@code steal_pct}, % of its CPU time), from the reading taken
     * when it started.
     *
     * @param latency          the run's latency folder, where each cell's result JSON is
     * @param serverTlsEngines what java-X targets started over TLS printed ({@link TargetLauncher#serverTlsEngines})
     */
    public static List<Row> atEnd(MachineCpu start, Path latency, Collection<String> serverTlsEngines) {
        List<Row> rows = new ArrayList<>();
        put(rows, "loadgen_io_backend", String.join(",", ioBackends(latency)));
        put(rows, "loadgen_tls_engine", String.join(",", tlsEngines(latency)));
        put(rows, "server_tls_engine", String.join(",", serverTlsEngines));
        put(rows, "load_avg_end", loadAverage());
        double steal = Double.NaN;
        try {
            steal = start == null ? Double.NaN : MachineCpu.read().since(start).stealPct();
        } catch (IOException e) {
            // NaN: written empty, and verify says env.csv lacks it
        }
        put(rows, "steal_pct", steal);
        return rows;
    }

    public static List<Row> collect(SuitePlan plan, String runId, List<String> args, TargetLauncher launcher) {
        List<Row> rows = new ArrayList<>();
        put(rows, "schema_version", mpmbench.benchmarks.results.Schemas.VERSION);
        put(rows, "run_id", runId);
        put(rows, "started_utc", Instant.now().toString());
        put(rows, "command", "mpmbench suite " + String.join(" ", args));
        put(rows, "suite", plan.suite().label());
        put(rows, "targets", String.join(" ", plan.targets().stream().map(TargetSpec::name).toList()));
        put(rows, "scenarios", String.join(" ", plan.scenarios().stream().map(Scenario::name).toList()));
        put(rows, "repeats", plan.repeats());
        put(rows, "duration_s", plan.duration().toMillis() / 1000.0);
        put(rows, "warmup_s", plan.warmup().toMillis() / 1000.0);
        put(rows, "crash_duration_s", plan.crashDuration().toMillis() / 1000.0);
        put(rows, "graceful_duration_s", plan.gracefulDuration().toMillis() / 1000.0);
        put(rows, "graceful_restarts", plan.restarts());
        put(rows, "trickle_interval_s", Scenarios.TRICKLE_INTERVAL.toMillis() / 1000.0);
        put(rows, "settle_max_s", plan.settleCap().toMillis() / 1000.0);
        put(rows, "settle_rule", plan.settleCap().isZero() ? "none: the fixed warm-up only (--settle-max 0)"
                : "requests/s of the last " + SteadyState.WINDOW_S + " s within " + Math.round(SteadyState.TOLERANCE * 100)
                + " % of the " + SteadyState.WINDOW_S + " s before");
        put(rows, "repeat_kind", plan.scenariosShareInstance()
                ? "a fresh target instance per round, its scenarios one after the other on it; rounds interleaved"
                : "a fresh target instance per scenario and round; rounds interleaved");
        put(rows, "generator_bound_pct", mpmbench.benchmarks.results.Schemas.GENERATOR_BOUND_PCT);
        put(rows, "generator_behind_lag_p99_ms", mpmbench.loadgen.LoadResult.BEHIND_LAG_P99_US / 1000.0);
        put(rows, "pin_target", String.join(" ", plan.pinTarget()));
        put(rows, "pin_loadgen", String.join(" ", plan.pinLoad()));
        put(rows, "hostname", firstLine(run("hostname")));
        put(rows, "cores", Runtime.getRuntime().availableProcessors());
        put(rows, "cpu_model", procField("/proc/cpuinfo", "model name"));
        put(rows, "mem_total_kb", procField("/proc/meminfo", "MemTotal").replace(" kB", ""));
        put(rows, "load_avg_start", loadAverage());
        put(rows, "cpu_method", cgroupMethod());
        put(rows, "kernel", firstLine(run("uname", "-srvm")));
        put(rows, "os", osName());
        put(rows, "java", plan.java());
        put(rows, "jdk_version", firstLine(run(plan.java(), "-version")));
        put(rows, "suite_jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        put(rows, "git_commit", firstLine(run("git", "-C", plan.root().toString(), "rev-parse", "HEAD")));
        put(rows, "git_dirty", run("git", "-C", plan.root().toString(), "status", "--porcelain").isBlank() ? "no" : "yes");
        put(rows, "server_jar", plan.serverJar());
        put(rows, "target_order", plan.targetOrder());
        for (String[] kv : DuetInstances.envRows(plan)) {
            put(rows, kv[0], kv[1]);
        }
        if (plan.baseline() != null) {
            put(rows, "baseline_ref", plan.baseline().ref());
            put(rows, "baseline_commit", plan.baseline().commit());
            put(rows, "baseline_server_jar", plan.baseline().serverJar());
        }
        put(rows, "loadgen_jar", plan.loadgenJar());
        put(rows, "loadgen_flags", "-t 1 --timeout " + LoadgenRun.TIMEOUT + " --warmup " + plan.warmup().toMillis() + "ms (JVM "
                + String.join(" ", GeneratorJvm.OPTIONS) + ")");
        for (String[] kv : generatorRows(plan.generator(), plan)) {
            put(rows, kv[0], kv[1]);
        }
        Remote remote = plan.remote();
        put(rows, "agents", String.join(" ", remote.agents()));
        if (remote.hasAgents()) {
            put(rows, "agent_flags", String.join(" ", remote.agentFlags()));
            put(rows, "agents_method", "every cell's load from the agents (mpmbench load --agents): -c and -R split across "
                    + "them, -t 1 on each, one start instant, their interval logs merged; with settling the coordinator "
                    + "judges the summed requests/s and ends every agent's warm-up at one second (one second after it "
                    + "was steady); loadgen_cpu_pct is the busiest agent's; the idle-connection holder runs here; "
                    + "per-agent files in latency/CELL.agents/; pin_loadgen pins the coordinator only");
        }
        put(rows, "target_host", remote.targetHost() == null ? "" : remote.targetHost());
        put(rows, "apache2_version", firstLine(run("/usr/sbin/apache2", "-v")));
        put(rows, "nginx_version", firstLine(run("/usr/sbin/nginx", "-v")));
        for (TargetSpec t : plan.targets()) {
            for (Map.Entry<String, String> d : launcher.directives(t).entrySet()) {
                put(rows, "directive." + t.name() + "." + d.getKey(), d.getValue());
            }
        }
        if (plan.scenarios().stream().anyMatch(s -> s.transport().tls())) {
            put(rows, "tls_method", TLS_METHOD);
        }
        return rows;
    }

    /**
     * env.csv's rows naming the run's load generator: {@link ResultsFolder#GENERATOR_KEY} in every run,
     * ours ({@value ResultsFolder#OUR_GENERATOR}) as well as {@value ResultsFolder#WRK}, so a reader
     * (bench-gate's choice of reference, compare) need not take a missing key for ours; then the
     * generator's own rows ({@link LoadGenerator#env}: wrk's version and method).
     */
    static List<String[]> generatorRows(LoadGenerator generator, SuitePlan plan) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {ResultsFolder.GENERATOR_KEY, generator.name()});
        rows.addAll(generator.env(plan));
        return rows;
    }

    /** env.csv's {@code tls_method} in a run with a {@code tls-*} scenario: how the targets served HTTPS. */
    static final String TLS_METHOD = "tls-* scenarios: each target started over TLS 1.2/1.3 with one self-signed EC P-256 "
            + "certificate made for the run (deleted at its end); java-X with directives-https.txt as --set (beside its "
            + "directive.* rows), httpd-X with -D PEER_TLS and httpd-ssl.inc (shared-memory session cache, tickets), nginx "
            + "with nginx-https.conf.template (one worker, shared cache, tickets); the generator with --tls-resume none "
            + "(tls-churn) or ticket (the others), with --tls-protocols TLSv1.2 for tls-churn-resumed";

    /**
     * The distinct {@code io_backend} values ({@code nio}, {@code epoll}) of the result JSON files in
     * {@code dir} (not recursive), sorted; empty when no cell ran our generator ({@code --generator wrk}).
     */
    static java.util.SortedSet<String> ioBackends(Path dir) {
        return distinct(dir, ResultKey.IO_BACKEND);
    }

    /**
     * The distinct {@code tls_engine} values ({@code openssl}, {@code jsse}) of the result JSON files in
     * {@code dir}, sorted; empty when no cell ran our generator over {@code https://}.
     */
    static java.util.SortedSet<String> tlsEngines(Path dir) {
        return distinct(dir, ResultKey.TLS_ENGINE);
    }

    /** The distinct non-empty values of {@code key} in the result JSON files of {@code dir} (not recursive), sorted. */
    private static java.util.SortedSet<String> distinct(Path dir, ResultKey key) {
        java.util.SortedSet<String> seen = new java.util.TreeSet<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    String v = LoadgenRun.parseJson(Files.readString(f)).get(key.key());
                    if (v != null && !v.isEmpty()) {
                        seen.add(v);
                    }
                } catch (IOException | IllegalArgumentException e) {
                    // not a result of ours: no backend to record
                }
            }
        } catch (IOException e) {
            // no latency folder: nothing ran
        }
        return seen;
    }

    private static void put(List<Row> rows, String key, Object value) {
        rows.add(Row.builder(Schemas.ENV).put("key", key).put("value", value).build());
    }

    private static String procField(String file, String key) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "";
    }

    private static String osName() {
        for (String line : read("/etc/os-release").split("\n")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring(12).replace("\"", "");
            }
        }
        return System.getProperty("os.name");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /** Output (stdout and stderr) of a short command, or empty when it cannot run. */
    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(5, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
