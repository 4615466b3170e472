package mpmbench.benchmarks.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.ScenarioKind;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.loadgen.GeneratorAotCache;
import mpmbench.loadgen.GeneratorJvm;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.contract.ProgressLine;
import mpmbench.loadgen.contract.ResultKey;

/**
 * One run of the load generator as a separate process ({@code java GeneratorJvm.OPTIONS -jar
 * mpmbench-loadgen.jar}, from its AOT cache when the suite made one: {@code GeneratorAotCache}),
 * pinned when the plan pins, with {@code --json}, {@code --hgrm}, {@code --hlog} and
 * {@code --progress}. Its per-second progress lines (stderr) are parsed as they arrive; its result is
 * read back from the JSON file (Jackson), its own CPU over the measured window included
 * ({@code client_cpu_pct}: when the generator rather than the target was the bottleneck). The suite
 * reads the generator's constants ({@code SteadyState}, {@code GeneratorJvm}) but never runs its
 * classes in its own JVM.
 */
public final class LoadgenRun {

    /** Every cell's {@code --timeout}: the project's one request timeout ({@link LoadSpec#DEFAULT_TIMEOUT}). */
    static final String TIMEOUT = LoadSpec.DEFAULT_TIMEOUT.toMillis() + "ms";

    /** One progress line: seconds since the run started, warm-up or not, completed in that second,
     *  errors so far. */
    public record Second(double tS, boolean warmup, long rps, long errorsTotal) {
    }

    /** What a run left: the JSON fields by name, the progress seconds, the exit code. */
    public record Outcome(Map<String, String> json, List<Second> seconds, int exitCode, String stderrTail) {
        /** A numeric field; NaN when absent or null (a figure the load generator could not measure). */
        public double num(String field) {
            String v = json.get(field);
            return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadgenRun() {
    }

    /** The interval log's step in a scenario with a fault: the report draws its timeline at this resolution. */
    static final String FAULT_HLOG_INTERVAL = "100ms";

    /**
     * The command line for one level of a scenario against a URL: a warm-up until the target is steady
     * ({@code --settle}, at most the plan's settle cap, at least its warm-up; the fixed warm-up when
     * not {@code settle} or the cap is 0), then {@code duration} measured. Idle connections are never
     * opened here: a separate holder opens them first ({@link #holderCommand}), so a target sees
     * {@code level.idle()} idle connections, not twice as many, and the measured connections are new
     * clients.
     */
    public static List<String> command(SuitePlan plan, String url, Scenario s, Level level, Duration duration,
                                       Path json, Path hgrm, Path hlog, boolean settle) {
        List<String> cmd = base(plan, level, s, duration, plan.warmup());
        if (settle && !plan.settleCap().isZero()) {
            cmd.addAll(List.of("--settle", plan.settleCap().toMillis() + "ms"));
        }
        if (s.kind() == ScenarioKind.CRASH || s.kind() == ScenarioKind.GRACEFUL_RESTART) {
            cmd.addAll(List.of("--hlog-interval", FAULT_HLOG_INTERVAL)); // the report's timeline around the fault
        }
        if (plan.remote().hasAgents()) {
            cmd.addAll(plan.remote().loadFlags(agentsDir(json)));
        }
        cmd.addAll(List.of("--json", json.toString(), "--hgrm", hgrm.toString(), "--hlog", hlog.toString(), url));
        return cmd;
    }

    /**
     * With {@code --agents}: the cell's folder beside its merged files ({@code ID.json} →
     * {@code ID.agents/}), holding each agent's {@code result.json}, {@code latency.hlog} and
     * {@code agent.err} in a folder of its own, and {@code agents.csv} (a row per agent).
     */
    public static Path agentsDir(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".agents");
    }

    /**
     * The busiest agent's CPU over the window (% of one core) in place of the merged
     * {@code client_cpu_pct} (a sum over the agents, which may pass 100): an agent at its limit makes
     * the cell generator-bound as one generator would. The merged figure stays as {@code client_cpu_pct_sum}.
     */
    static Outcome busiestAgentCpu(Outcome out, Path agentsDir) {
        double max = Double.NaN;
        try (var dirs = Files.list(agentsDir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path r = d.resolve("result.json");
                if (Files.exists(r)) {
                    String v = parseJson(Files.readString(r)).get(ResultKey.CLIENT_CPU_PCT.key());
                    if (v != null && !v.isEmpty()) {
                        max = Double.isNaN(max) ? Double.parseDouble(v) : Math.max(max, Double.parseDouble(v));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return out;
        }
        Map<String, String> json = new LinkedHashMap<>(out.json());
        json.put("client_cpu_pct_sum", json.getOrDefault(ResultKey.CLIENT_CPU_PCT.key(), ""));
        json.put(ResultKey.CLIENT_CPU_PCT.key(), Double.isNaN(max) ? "" : Double.toString(max));
        return new Outcome(json, out.seconds(), out.exitCode(), out.stderrTail());
    }

    private static List<String> base(SuitePlan plan, Level level, Scenario s, Duration duration, Duration warmup) {
        List<String> cmd = new ArrayList<>(plan.pinLoad());
        cmd.add(plan.java());
        cmd.addAll(GeneratorJvm.options(level.rate() > 0));
        cmd.addAll(GeneratorAotCache.options(plan.java(), plan.loadgenJar()));
        cmd.addAll(List.of("-jar", plan.loadgenJar().toString(),
                "-t", "1", "-c", Integer.toString(level.connections()),
                "-d", duration.toMillis() + "ms", "--warmup", warmup.toMillis() + "ms",
                "--timeout", TIMEOUT, "--progress"));
        if (level.rate() > 0) {
            cmd.addAll(List.of("-R", String.format(Locale.ROOT, "%.0f", level.rate())));
        }
        if (!s.keepAlive()) {
            cmd.add("--no-keepalive");
        }
        if (s.transport().tls()) {
            cmd.addAll(List.of("--tls-resume", s.transport().tlsResume())); // the URL is https://
            if (!s.transport().tlsProtocols().isEmpty()) {
                cmd.addAll(List.of("--tls-protocols", s.transport().tlsProtocols()));
            }
        }
        return cmd;
    }

    /**
     * The command of an idle-connection holder: {@code idle} keep-alive connections opened first and
     * held open for {@code hold} (each re-sends its request every 3 s), beside one active connection at
     * 1 request/s. The measured run starts once they are established, so its connections are new
     * clients, as in "N idle connections held open, then wrk as new clients".
     */
    public static List<String> holderCommand(SuitePlan plan, String url, int idle, Duration hold, Path json) {
        return holder(plan, url, hold, json, List.of("--idle", Integer.toString(idle)));
    }

    /**
     * The command of a slowloris holder ({@code slow-clients}): {@code trickling} connections opened first
     * and held for {@code hold}, each sending one byte of a request head every
     * {@link Scenarios#TRICKLE_INTERVAL} and never ending it, reopened when the server closes them;
     * beside one active connection at 1 request/s.
     */
    public static List<String> tricklerCommand(SuitePlan plan, String url, int trickling, Duration hold, Path json) {
        return holder(plan, url, hold, json, List.of("--trickle", Integer.toString(trickling), "--trickle-interval",
                Scenarios.TRICKLE_INTERVAL.toMillis() + "ms"));
    }

    private static List<String> holder(SuitePlan plan, String url, Duration hold, Path json, List<String> held) {
        List<String> cmd = new ArrayList<>(plan.pinLoad());
        cmd.add(plan.java());
        cmd.addAll(GeneratorJvm.options(true));
        cmd.addAll(GeneratorAotCache.options(plan.java(), plan.loadgenJar()));
        cmd.addAll(List.of("-jar", plan.loadgenJar().toString(), "-t", "1", "-c", "1",
                "-R", "1", "-d", hold.toMillis() + "ms", "--timeout", TIMEOUT));
        cmd.addAll(held);
        cmd.addAll(List.of("--json", json.toString(), url));
        return cmd;
    }

    /** Starts a command in the background with its output in {@code log}. */
    public static Process start(List<String> cmd, Path log) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** What a running load generator reports on its progress lines. Called from a reader thread. */
    public interface Listener {
        /** A progress second. */
        void second(Second s);

        /**
         * The process that will measure the window started: the JDK reaps it as soon as it exits, and
         * then its CPU is in this JVM's reaped children ({@link WindowDisturbance.Mark}).
         */
        default void generatorStarted(Process generator) {
        }

        /** The warm-up ended after {@code elapsedS} seconds: the measured window starts now. */
        default void warmupOver(double elapsedS) {
        }

        /**
         * The measured window ended after {@code elapsedS} seconds (since the run's start): the
         * generator's clock reached the window's end now; the grace for answers in flight follows.
         */
        default void windowOver(double elapsedS) {
        }
    }

    /**
     * Runs the command, telling {@code listener} from a reader thread of every progress line, and
     * waits at most {@code limit}. Throws IOException when the process cannot start or overruns.
     */
    public static Outcome run(List<String> cmd, Path json, Path consoleOut, Duration limit, Listener listener)
            throws IOException, InterruptedException {
        if (json != null) {
            Files.deleteIfExists(json);
        }
        Process p = new ProcessBuilder(cmd).redirectOutput(consoleOut.toFile()).start();
        listener.generatorStarted(p);
        List<Second> seconds = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().name("loadgen-stderr").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Second s = parseProgress(line);
                    double warmupOver = parseWarmupOver(line);
                    double windowOver = parseWindowOver(line);
                    if (s != null) {
                        synchronized (seconds) {
                            seconds.add(s);
                        }
                        listener.second(s);
                    } else if (!Double.isNaN(warmupOver)) {
                        listener.warmupOver(warmupOver);
                    } else if (!Double.isNaN(windowOver)) {
                        listener.windowOver(windowOver);
                    } else if (!line.isBlank()) {
                        synchronized (other) {
                            other.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        });
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new IOException("the load generator did not finish within " + limit.toSeconds() + " s");
        }
        reader.join(2_000);
        Map<String, String> fields = json != null && Files.exists(json) ? parseJson(Files.readString(json)) : Map.of();
        String tail;
        synchronized (other) {
            tail = String.join(" | ", other.subList(Math.max(0, other.size() - 3), other.size()));
        }
        synchronized (seconds) {
            return new Outcome(fields, List.copyOf(seconds), p.exitValue(), tail);
        }
    }

    /** The seconds of a "warm-up over after 6.0s" line ({@link ProgressLine}), NaN for any other line. */
    public static double parseWarmupOver(String line) {
        return ProgressLine.parse(line) instanceof ProgressLine.WarmupOver w ? w.elapsedS() : Double.NaN;
    }

    /** The seconds of a "window over after 9.0s" line ({@link ProgressLine}), NaN for any other line. */
    public static double parseWindowOver(String line) {
        return ProgressLine.parse(line) instanceof ProgressLine.WindowOver w ? w.elapsedS() : Double.NaN;
    }

    /** A progress second ({@link ProgressLine}), or null when the line is something else. */
    public static Second parseProgress(String line) {
        return ProgressLine.parse(line) instanceof ProgressLine.Second s
                ? new Second(s.elapsedS(), s.warmup(), s.rps(), s.errorsTotal()) : null;
    }

    /**
     * The fields of the load generator's flat JSON object, values as text (strings unquoted, numbers as
     * written, {@code null} as "", nested values as JSON). Throws IllegalArgumentException when the text
     * is not a JSON object.
     */
    public static Map<String, String> parseJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the load generator's JSON is not readable: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the load generator's JSON is not an object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        root.properties().forEach(e -> fields.put(e.getKey(), e.getValue().isNull() ? ""
                : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return fields;
    }
}
