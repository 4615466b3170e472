package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Transport;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.SteadyState;
import mpmbench.loadgen.contract.ResultKey;

/**
 * {@code --generator wrk}: a cell's load from Debian's wrk 4 ({@code scripts/install-peers}), as a
 * process pinned like ours ({@code taskset -c 1 wrk -t1 -cN -dTs --timeout 2s -s summary.lua URL}),
 * its result mapped onto our generator's JSON keys so the suite's rows, telemetry, claims and report
 * are the same for both.
 *
 * <p><b>Warm-up.</b> wrk has none: the warm-up is separate wrk runs before the measured one, unmeasured
 * (their connections closed between runs). With settling, runs of {@link SteadyState#WINDOW_S}
 * seconds until two in a row agree by {@link SteadyState}'s rule (each run's requests/s counted for
 * each of its seconds), at least {@code --warmup}, at most {@code --settle-max}; without, one run of
 * {@code --warmup} rounded up to whole seconds. Each warm-up run is a progress line (phase warmup in
 * samples.csv: that run's mean requests/s), and {@code warmup_s} is the wall time until the measured run.
 *
 * <p><b>The measured window</b> is wrk's own: {@code -d} whole seconds ({@link #check} refuses
 * others), counted by wrk from its start to its threads' join (up to 0.1 s longer: its threads look at
 * the stop flag every 100 ms), requests/s and CPU per request over exactly that. The telemetry's window
 * is taken at the instants wrk prints around it (line-buffered through {@code stdbuf -oL}): its
 * "Running" line, printed just before it starts the clock, and its first line after, printed once
 * the threads joined; without stdbuf, at the process's start and exit.
 *
 * <p><b>Mapping.</b> {@code requests}, {@code bytes}, {@code duration_s}, {@code rps}; errors
 * {@code err_connect}, {@code err_read}, {@code err_write}, {@code err_timeout}, {@code err_status} are
 * wrk's counters (wrk counts a malformed response and a connection the server closed as read errors,
 * so {@code err_parse}, {@code err_closed} and {@code err_unsolicited} are empty, not 0); latencies from
 * wrk's histogram with wrk's after-the-fact correction undone ({@link WrkSummary}), so they mean what
 * our closed model's mean; {@code client_cpu_pct} is wrk's CPU over the window. What wrk cannot do is
 * skipped with its reason ({@link #unsupported}): the open model, held idle or trickling connections,
 * and faults, whose timing and recovery need per-second progress and interval logs.
 */
public final class WrkRun implements LoadGenerator {

    static final WrkRun INSTANCE = new WrkRun();

    /**
     * Why wrk cannot measure a full handshake per request: each wrk connection keeps one OpenSSL
     * {@code SSL} object, and its close ({@code ssl_close}: {@code SSL_shutdown}, then {@code SSL_clear},
     * which keeps the session) makes the next connect offer the session it had (a ticket or the session
     * ID); wrk has no flag to stop it. Over HTTPS wrk resumes as our {@code --tls-resume ticket} does,
     * per connection, and counts no handshakes ({@code tls_*} empty).
     */
    static final String FULL_HANDSHAKES = "a full TLS handshake per request needs a client that offers no session; "
            + "wrk always offers the one its connection had (ssl_close: SSL_shutdown then SSL_clear, which keeps the "
            + "session) and has no flag against it: measured with --generator loadgen";

    /**
     * Why wrk cannot measure {@code tls-churn-resumed}: it has no flag for the protocol (it offers what its
     * OpenSSL offers, TLS 1.3 here) and counts no handshakes, so neither the scenario's TLS 1.2 nor the
     * resumption rate it is for.
     */
    static final String RESUMED_HANDSHAKES = "tls-churn-resumed runs TLS 1.2 and counts resumed handshakes; wrk has no "
            + "flag for the protocol and counts no handshakes: measured with --generator loadgen";

    /** The Lua script whose {@code done()} prints the summary ({@link WrkSummary}). */
    static final String SCRIPT_RESOURCE = "/wrk/summary.lua";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WrkRun() {
    }

    @Override
    public String name() {
        return ResultsFolder.WRK;
    }

    @Override
    public String unsupported(Scenario s) {
        return switch (s.kind()) {
            case STARTUP -> null;
            case RATE_SWEEP -> s.name() + " needs the open model (a fixed request rate); wrk 4 has none (wrk2's -R is "
                    + "not in Debian): measured with --generator loadgen";
            case CRASH -> s.name() + " needs the generator's per-second progress (to kill after the first measured "
                    + "second) and its interval log (the recovery); wrk reports neither: measured with --generator loadgen";
            case GRACEFUL_RESTART -> s.name() + " needs the generator's interval log (each restart's recovery at "
                    + "100 ms); wrk keeps none: measured with --generator loadgen";
            case SLOW_CLIENTS -> s.name() + " needs trickling connections held beside the measured ones; wrk cannot "
                    + "hold any: measured with --generator loadgen";
            case LOAD -> s.transport() == Transport.HTTPS_FULL ? FULL_HANDSHAKES
                    : s.transport() == Transport.HTTPS_RESUMED ? RESUMED_HANDSHAKES
                    : s.levels().stream().anyMatch(l -> l.rate() > 0)
                    ? s.name() + " needs the open model (a fixed request rate); wrk 4 has none: measured with --generator loadgen"
                    : s.levels().stream().anyMatch(l -> l.idle() > 0)
                    ? s.name() + " needs idle keep-alive connections held beside the measured ones; wrk cannot hold "
                    + "any: measured with --generator loadgen"
                    : null;
        };
    }

    @Override
    public void check(SuitePlan plan) {
        if (plan.remote().hasAgents()) {
            throw new IllegalArgumentException("--generator wrk runs here: --agents needs --generator loadgen");
        }
        if (plan.duration().toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("--generator wrk measures whole seconds (wrk -d): --duration "
                    + plan.duration().toMillis() + "ms is not");
        }
        if (binary().isEmpty()) {
            throw new IllegalArgumentException("--generator wrk: wrk is not installed (scripts/install-peers installs it)");
        }
    }

    @Override
    public List<String[]> env(SuitePlan plan) {
        return List.of(new String[] {"generator_version", EnvInfo.run(binary().map(Path::toString).orElse("wrk"), "-v")
                        .lines().findFirst().orElse("").strip()},
                new String[] {"generator_method", "wrk -t1 -cN -dDURATION --timeout " + timeout() + " -s summary.lua "
                        + "(Connection: close where the scenario has no keep-alive), pinned as pin_loadgen; warm-up: "
                        + "separate unmeasured wrk runs of " + SteadyState.WINDOW_S + " s until steady (settle_rule), "
                        + "else one of warmup_s rounded up; the window wrk's own; latencies from wrk's histogram with "
                        + "its after-the-fact correction undone (wrk's corrected p99 in latency/CELL.json as "
                        + "wrk_p99_ms); read, parse and close errors counted as err_read; no per-second progress "
                        + "in the window; open-model, idle, trickle and fault scenarios skipped; over HTTPS each connection "
                        + "offers its previous session (SSL_clear keeps it), no handshakes counted, tls-churn (full "
                        + "handshakes) and tls-churn-resumed (TLS 1.2, resumption counts) skipped"});
    }

    /** wrk on the PATH (or Debian's /usr/bin/wrk). */
    static Optional<Path> binary() {
        return onPath("wrk");
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + java.io.File.pathSeparator + "/usr/bin";
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The project's request timeout in wrk's whole seconds. */
    static String timeout() {
        return Math.max(1, (LoadSpec.DEFAULT_TIMEOUT.toMillis() + 999) / 1000) + "s";
    }

    /**
     * One wrk run: pinned as the plan pins the generator, line-buffered through {@code stdbuf} when
     * {@code stdbuf} is given, {@code seconds} long, Connection: close when the scenario has no keep-alive.
     */
    static List<String> command(SuitePlan plan, Scenario s, Level level, long seconds, Path script, String url,
                                Optional<Path> stdbuf) {
        List<String> cmd = new ArrayList<>(plan.pinLoad());
        stdbuf.ifPresent(p -> cmd.addAll(List.of(p.toString(), "-oL")));
        cmd.addAll(List.of(binary().map(Path::toString).orElse("wrk"), "-t1", "-c" + level.connections(),
                "-d" + seconds + "s", "--timeout", timeout(), "-s", script.toString()));
        if (!s.keepAlive()) {
            cmd.addAll(List.of("-H", "Connection: close"));
        }
        cmd.add(url);
        return cmd;
    }

    @Override
    public LoadgenRun.Outcome run(SuitePlan plan, SuitePlan.Cell c, String url, Duration window, boolean settle,
                                  Path latencyDir, LoadgenRun.Listener listener) throws IOException, InterruptedException {
        Path script = latencyDir.resolve("wrk-summary.lua");
        if (!Files.exists(script)) {
            try (InputStream in = WrkRun.class.getResourceAsStream(SCRIPT_RESOURCE)) {
                Files.write(script, in.readAllBytes());
            }
        }
        Path console = latencyDir.resolve(c.id() + ".txt");
        Path json = latencyDir.resolve(c.id() + ".json");
        Files.deleteIfExists(json);
        Files.writeString(console, "");
        long t0 = System.nanoTime();
        List<LoadgenRun.Second> seconds = new ArrayList<>();
        List<Long> perSecond = new ArrayList<>();
        long warmupErrors = 0;
        String settled = "";
        if (settle && !plan.settleCap().isZero()) {
            settled = "false";
            while (true) {
                WrkProcess.Ran r = WrkProcess.run(command(plan, c.scenario(), c.level(), SteadyState.WINDOW_S, script,
                        url, Optional.empty()), console, Duration.ofSeconds(SteadyState.WINDOW_S + 30), null);
                if (r.summary() == null) {
                    return r.failed(seconds);
                }
                warmupErrors += r.summary().errorsTotal();
                for (int i = 0; i < SteadyState.WINDOW_S; i++) {
                    perSecond.add(Math.round(r.summary().rps()));
                }
                seconds.add(progress(listener, new LoadgenRun.Second(elapsedS(t0), true,
                        Math.round(r.summary().rps()), warmupErrors)));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (SteadyState.settled(perSecond) && ms >= plan.warmup().toMillis()) {
                    settled = "true";
                    break;
                }
                if (ms + SteadyState.WINDOW_S * 1000L > plan.settleCap().toMillis()) {
                    break;
                }
            }
        } else if (plan.warmup().toMillis() > 0) {
            WrkProcess.Ran r = WrkProcess.run(command(plan, c.scenario(), c.level(),
                    (plan.warmup().toMillis() + 999) / 1000, script, url, Optional.empty()), console,
                    plan.warmup().plusSeconds(31), null);
            if (r.summary() == null) {
                return r.failed(seconds);
            }
            warmupErrors += r.summary().errorsTotal();
            seconds.add(progress(listener, new LoadgenRun.Second(elapsedS(t0), true, Math.round(r.summary().rps()),
                    warmupErrors)));
        }
        Optional<Path> stdbuf = onPath("stdbuf");
        double[] warmupS = {elapsedS(t0)};
        WrkProcess.Ran r = WrkProcess.run(command(plan, c.scenario(), c.level(), window.toSeconds(), script, url,
                stdbuf), console, window.plusSeconds(60), new WrkProcess.Window() {
                    @Override
                    public void spawned(Process wrk) {
                        listener.generatorStarted(wrk);
                    }

                    @Override
                    public void started() {
                        warmupS[0] = elapsedS(t0);
                        listener.warmupOver(warmupS[0]);
                    }

                    @Override
                    public void ended() {
                        listener.windowOver(elapsedS(t0));
                    }
                }, stdbuf.isPresent());
        if (r.summary() == null) {
            return r.failed(seconds);
        }
        Map<String, Object> fields;
        try {
            fields = fields(r.summary(), c, url, warmupS[0], settled, warmupErrors);
        } catch (IllegalArgumentException e) {
            return new LoadgenRun.Outcome(Map.of(), seconds, r.exit(), e.getMessage());
        }
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fields);
        Files.writeString(json, text + "\n");
        Histogram raw = WrkSummary.hdr(r.summary().raw(c.level().connections()));
        if (raw.getTotalCount() > 0) {
            try (PrintStream ps = new PrintStream(Files.newOutputStream(latencyDir.resolve(c.id() + ".hgrm")), false,
                    StandardCharsets.UTF_8)) {
                raw.outputPercentileDistribution(ps, 1000.0); // ms, as our generator writes it
            }
        }
        return new LoadgenRun.Outcome(LoadgenRun.parseJson(text), List.copyOf(seconds), r.exit(), r.stderrTail());
    }

    /**
     * The cell's JSON: our generator's keys where wrk has the figure, {@code null} where it does not
     * separate it, wrk's own (corrected) percentiles as {@code wrk_*}. Throws IllegalArgumentException
     * when wrk's histogram cannot be undone.
     */
    static Map<String, Object> fields(WrkSummary s, SuitePlan.Cell c, String url, double warmupS, String settled,
                                      long warmupErrors) {
        int conns = c.level().connections();
        Histogram raw = WrkSummary.hdr(s.raw(conns));
        Histogram corrected = WrkSummary.hdr(s.histogram());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(ResultsFolder.GENERATOR_KEY, ResultsFolder.WRK);
        f.put(ResultKey.URL.key(), url);
        f.put(ResultKey.MODEL.key(), "closed");
        f.put(ResultKey.THREADS.key(), 1);
        f.put(ResultKey.CONNECTIONS.key(), conns);
        f.put(ResultKey.RATE.key(), 0);
        f.put(ResultKey.DURATION_S.key(), dec(s.durationS()));
        f.put(ResultKey.WARMUP_S.key(), dec(warmupS));
        f.put(ResultKey.SETTLED.key(), settled);
        f.put(ResultKey.KEEPALIVE.key(), c.scenario().keepAlive());
        f.put(ResultKey.REQUESTS.key(), s.requests());
        f.put(ResultKey.RPS.key(), dec(s.rps()));
        f.put(ResultKey.BYTES.key(), s.bytes());
        f.put(ResultKey.WARMUP_ERRORS.key(), warmupErrors);
        f.put(ResultKey.ERR_CONNECT.key(), s.errors().get("connect"));
        f.put(ResultKey.ERR_READ.key(), s.errors().get("read"));
        f.put(ResultKey.ERR_WRITE.key(), s.errors().get("write"));
        f.put(ResultKey.ERR_TIMEOUT.key(), s.errors().get("timeout"));
        f.put(ResultKey.ERR_STATUS.key(), s.errors().get("status"));
        f.put(ResultKey.ERR_PARSE.key(), null); // wrk counts these as read errors
        f.put(ResultKey.ERR_CLOSED.key(), null);
        f.put(ResultKey.ERR_UNSOLICITED.key(), null);
        f.put("latency_samples", raw.getTotalCount());
        boolean any = raw.getTotalCount() > 0;
        f.put(ResultKey.P50_MS.key(), ms(raw, 50, any));
        f.put(ResultKey.P90_MS.key(), ms(raw, 90, any));
        f.put(ResultKey.P99_MS.key(), ms(raw, 99, any));
        f.put(ResultKey.P999_MS.key(), ms(raw, 99.9, any));
        f.put(ResultKey.MAX_MS.key(), ms(raw, 100, any));
        f.put(ResultKey.MEAN_MS.key(), any ? dec(raw.getMean() / 1000) : null);
        f.put(ResultKey.UNCORRECTED_P50_MS.key(), ms(raw, 50, any));
        f.put(ResultKey.UNCORRECTED_P99_MS.key(), ms(raw, 99, any));
        f.put(ResultKey.UNCORRECTED_P999_MS.key(), ms(raw, 99.9, any));
        f.put(ResultKey.UNCORRECTED_MAX_MS.key(), ms(raw, 100, any));
        boolean anyCorrected = corrected.getTotalCount() > 0;
        f.put("wrk_correction_interval_us", s.correctionIntervalUs(conns));
        f.put("wrk_p50_ms", ms(corrected, 50, anyCorrected));
        f.put("wrk_p99_ms", ms(corrected, 99, anyCorrected));
        f.put("wrk_p999_ms", ms(corrected, 99.9, anyCorrected));
        f.put(ResultKey.CLIENT_CPU_PCT.key(), s.durationUs() > 0 ? dec(100.0 * s.cpuUs() / s.durationUs()) : null);
        f.put(ResultKey.CLIENT_CPU_US_PER_REQ.key(), s.requests() > 0 ? dec((double) s.cpuUs() / s.requests()) : null);
        return f;
    }

    private static java.math.BigDecimal ms(Histogram h, double p, boolean any) {
        if (!any) {
            return null;
        }
        return dec((p >= 100 ? h.getMaxValue() : h.getValueAtPercentile(p)) / 1000.0);
    }

    /** A decimal with 3 places, as our generator writes its figures. */
    private static java.math.BigDecimal dec(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3f", v));
    }

    private static double elapsedS(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e6) / 1000.0;
    }

    private static LoadgenRun.Second progress(LoadgenRun.Listener listener, LoadgenRun.Second s) {
        listener.second(s);
        return s;
    }
}
