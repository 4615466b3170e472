package mpmbench.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.telemetry.TreeSample;
import mpmbench.loadgen.contract.ResultKey;

/** The columns of summary.csv and samples.csv rows, from what a load run and the telemetry left. */
final class CellRows {

    static final List<String> ERRORS = keys(ResultKey.ERR_CONNECT, ResultKey.ERR_READ, ResultKey.ERR_WRITE,
            ResultKey.ERR_TIMEOUT, ResultKey.ERR_STATUS, ResultKey.ERR_PARSE, ResultKey.ERR_CLOSED,
            ResultKey.ERR_UNSOLICITED);
    private static final List<String> LATENCIES = keys(ResultKey.P50_MS, ResultKey.P90_MS, ResultKey.P99_MS,
            ResultKey.P999_MS, ResultKey.MAX_MS, ResultKey.UNCORRECTED_P99_MS);

    private CellRows() {
    }

    /** The HTTPS columns ({@link Schemas#SUMMARY}'s {@code tls_*}), in the load generator's words. */
    static final List<String> TLS = keys(ResultKey.TLS_HANDSHAKES, ResultKey.TLS_RESUMED,
            ResultKey.TLS_HANDSHAKE_P50_MS, ResultKey.TLS_HANDSHAKE_P99_MS);

    /** The open model's accounting of the window's schedule (empty in the closed model). */
    static final List<String> SCHEDULE = keys(ResultKey.SCHEDULED, ResultKey.UNSENT, ResultKey.UNANSWERED);

    /**
     * The load generator's counts and latencies. With no completed request the latencies stay empty
     * (a histogram of nothing is not a latency of 0) and the reason says so. In the open model the
     * histogram also holds the censored requests (unsent or unanswered at the window's end, at their
     * lower bound), so they count as samples. p99.9 is published only from at least
     * {@link Schemas#P999_MIN_SAMPLES} samples: from fewer, it is the few slowest requests' own
     * values, not a percentile (the reason says so).
     */
    static void load(Row.Builder row, LoadgenRun.Outcome out) {
        Map<String, String> j = out.json();
        double errors = 0;
        for (String e : ERRORS) {
            row.put(e, j.getOrDefault(e, ""));
            errors += nz(out.num(e)); // empty: a kind the generator does not separate (wrk's are in err_read)
        }
        row.put("errors", (long) errors).put("duration_s", j.get(ResultKey.DURATION_S.key()))
                .put("requests", j.get(ResultKey.REQUESTS.key())).put("rps", j.get(ResultKey.RPS.key()))
                .put("loadgen_cpu_pct", j.getOrDefault(ResultKey.CLIENT_CPU_PCT.key(), ""));
        for (String t : TLS) {
            row.put(t, j.getOrDefault(t, "")); // empty over http:// (the generator's null) and from wrk
        }
        boolean open = out.num(ResultKey.RATE.key()) > 0;
        double censored = 0;
        if (open) {
            for (String c : SCHEDULE) {
                row.put(c, j.getOrDefault(c, ""));
            }
            censored = nz(out.num(ResultKey.UNSENT.key())) + nz(out.num(ResultKey.UNANSWERED.key()));
        }
        double samples = nz(out.num(ResultKey.REQUESTS.key())) + censored;
        if (!(samples > 0)) {
            row.put("reason", "no request completed in the measured window: no latency");
            return;
        }
        for (String p : LATENCIES) {
            row.put(p, j.get(p));
        }
        if (!(out.num(ResultKey.REQUESTS.key()) > 0)) {
            row.put("uncorrected_p99_ms", "").put("reason", "no request completed in the measured window: "
                    + "its latencies are the censored requests' lower bounds");
        }
        if (samples < Schemas.P999_MIN_SAMPLES) {
            row.put("p999_ms", "").put("reason", String.format(java.util.Locale.ROOT,
                    "p99.9 not published: %.0f samples in the window (fewer than %d)", samples, Schemas.P999_MIN_SAMPLES));
        }
    }

    /** The load generator's keys as text: summary.csv names these columns as the generator does. */
    private static List<String> keys(ResultKey... keys) {
        return java.util.Arrays.stream(keys).map(ResultKey::key).toList();
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** The idle holder's counts, in the load generator's words ({@link mpmbench.benchmarks.results.Schemas#SUMMARY}). */
    static final List<String> IDLE = keys(ResultKey.IDLE_ANSWERED, ResultKey.IDLE_HELD, ResultKey.IDLE_OPEN_ANSWERED,
            ResultKey.IDLE_OPEN_UNANSWERED, ResultKey.IDLE_CONNECTING, ResultKey.IDLE_NOT_STARTED,
            ResultKey.IDLE_REFUSED, ResultKey.IDLE_CONNECT_TIMEOUTS, ResultKey.IDLE_CLOSED);

    /** The idle connections' fate from the holder's JSON; a holder that left none is the reason. */
    static void idle(Row.Builder row, Map<String, String> j) {
        if (j.isEmpty()) {
            row.put("reason", "the idle-connection holder left no result");
            return;
        }
        for (String c : IDLE) {
            row.put(c, j.getOrDefault(c, ""));
        }
    }

    /** The trickling holder's counts ({@code slow-clients}), in the load generator's words. */
    static final List<String> TRICKLE = keys(ResultKey.TRICKLE_HELD, ResultKey.TRICKLE_CLOSED,
            ResultKey.TRICKLE_FAILED);

    /** The trickling connections' fate from the holder's JSON; a holder that left none is the reason. */
    static void trickle(Row.Builder row, Map<String, String> j) {
        if (j.isEmpty()) {
            row.put("reason", "the trickling-connection holder left no result");
            return;
        }
        for (String c : TRICKLE) {
            row.put(c, j.getOrDefault(c, ""));
        }
    }

    static Row process(TreeSample s) {
        return Row.builder(Schemas.SUMMARY).put("rss_mb", s.rssMb()).put("pss_mb", s.pssMb())
                .put("processes", s.processes()).put("threads", s.threads()).put("fds", s.fds()).build();
    }

    /**
     * The window's memory and process counts: the mean of the samples taken at its start, during it
     * and at its end (the periodic samples outside [start, end] are the warm-up's or the drain's),
     * with the end sample's CPU and context switches. Samples of a target that was gone are left out;
     * with none left, the end sample.
     */
    static TreeSample windowMean(TreeSample start, List<TreeSample> periodic, TreeSample end) {
        List<TreeSample> window = new ArrayList<>();
        window.add(start);
        for (TreeSample s : periodic) {
            if (s.epochMs() > start.epochMs() && s.epochMs() < end.epochMs()) {
                window.add(s);
            }
        }
        window.add(end);
        List<TreeSample> live = window.stream().filter(s -> s.processes() > 0).toList();
        if (live.isEmpty()) {
            return end;
        }
        int n = live.size();
        return new TreeSample(end.epochMs(),
                (int) Math.round(live.stream().mapToInt(TreeSample::processes).average().orElse(0)),
                (int) Math.round(live.stream().mapToInt(TreeSample::threads).average().orElse(0)),
                live.stream().mapToLong(TreeSample::rssKb).sum() / n, live.stream().mapToLong(TreeSample::pssKb).sum() / n,
                end.cpuNs(), end.userNs(), end.voluntaryCtx(), end.involuntaryCtx(), end.runDelayNs(),
                (int) Math.round(live.stream().mapToInt(TreeSample::fds).average().orElse(0)), end.cpuMethod(),
                end.cgroupMemoryBytes(), end.cgroupTasks(), end.livePids());
    }

    /** samples.csv rows: one per progress second, with the target's latest /proc sample at that time. */
    static List<Row> samples(SuitePlan.Cell c, List<LoadgenRun.Second> seconds, List<Long> stamps,
                             List<TreeSample> samples, double warmupS, double endS) {
        List<Row> rows = new ArrayList<>();
        long prevErrors = 0;
        for (int i = 0; i < seconds.size(); i++) {
            LoadgenRun.Second s = seconds.get(i);
            Row.Builder r = Row.builder(Schemas.SAMPLES).put("scenario", c.scenario().name())
                    .put("target", c.target().name()).put("connections", c.level().connections())
                    .put("rate", c.level().rate()).put("idle", c.level().idle()).put("repeat", c.repeat())
                    .put("t_s", s.tS())
                    .put("phase", s.warmup() || s.tS() <= warmupS + 0.05 ? "warmup" : s.tS() <= endS + 0.05 ? "measure" : "drain")
                    .put("rps", s.rps()).put("errors", s.errorsTotal() - prevErrors);
            prevErrors = s.errorsTotal();
            long at = i < stamps.size() ? stamps.get(i) : Long.MAX_VALUE;
            int k = latestAtOrBefore(samples, at + 200);
            if (k >= 0) {
                TreeSample t = samples.get(k);
                r.put("rss_mb", t.rssMb()).put("pss_mb", t.pssMb()).put("threads", t.threads())
                        .put("processes", t.processes()).put("fds", t.fds());
                if (k > 0) {
                    TreeSample p = samples.get(k - 1);
                    double dt = (t.epochMs() - p.epochMs()) / 1000.0;
                    if (dt > 0) {
                        r.put("cpu_pct", t.cpuNsSince(p) / 1e7 / dt);
                        r.put("ctx_switches_per_s", t.ctxSwitchesSince(p) / dt);
                    }
                }
            }
            rows.add(r.build());
        }
        return rows;
    }

    private static int latestAtOrBefore(List<TreeSample> samples, long epochMs) {
        int best = -1;
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).epochMs() <= epochMs) {
                best = i;
            }
        }
        return best;
    }
}
