package mpmbench.loadgen.report;

import java.util.Locale;

import org.HdrHistogram.Histogram;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;

/**
 * The console summary in wrk's shape: a header before the run, then the latency line, with
 * {@code --latency} the percentile table (neither when no request completed), the counts, the error line, and Requests/sec. Every latency
 * line says which latency it is; anything that makes the numbers suspect (no request completed, the
 * generator behind its schedule, open-model requests in the corrected histogram at a lower bound
 * because they were unsent or unanswered at the window's end) is printed as a WARNING.
 */
public final class ConsoleSummary {

    private static final double[] PERCENTILES = {50, 75, 90, 99, 99.9, 99.99, 99.999, 100};

    private ConsoleSummary() {
    }

    /** What wrk prints before the run. */
    public static String header(LoadSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append(f("Running %s test @ %s%n", duration(spec.duration().toNanos() / 1e9), spec.target().url()));
        sb.append(f("  %d threads and %d connections, %s model", spec.threads(), spec.connections(), spec.model()));
        if (spec.open()) {
            sb.append(f(" at %s requests/s", ResultColumns.format(spec.rate())));
        }
        if (!spec.settle().isZero()) {
            sb.append(f(", warm-up until steady (at most %s)", duration(spec.settle().toNanos() / 1e9)));
        } else if (!spec.warmup().isZero()) {
            sb.append(f(", warm-up %s", duration(spec.warmup().toNanos() / 1e9)));
        }
        if (!spec.keepAlive()) {
            sb.append(", no keep-alive");
        }
        if (spec.pipeline() > 1) {
            sb.append(f(", pipeline %d", spec.pipeline()));
        }
        if (spec.idle() > 0) {
            sb.append(f(", %d idle connections", spec.idle()));
        }
        return sb.append(f("%n")).toString();
    }

    /** The summary after the run. */
    public static String render(LoadResult r, boolean latencyTable) {
        StringBuilder sb = new StringBuilder();
        Counts n = r.counts();
        boolean open = r.spec().open();
        // With no request completed there is no latency to show: an empty histogram reads 0.00us, and
        // lower bounds alone (open model) are no latency either; the WARNING at the end says why.
        if (!r.completedNothing()) {
            latency(r, latencyTable, sb);
        }
        if (open) {
            sb.append(f("  Send lag (the generator's own): p50 %s, p99 %s, max %s (%s timer, spin %s, JIT %s)%n",
                    time(pct(r.lag(), 50)), time(pct(r.lag(), 99)), time(pct(r.lag(), 100)),
                    r.nanosecondTimer() ? "ns" : "ms", time(r.spec().spin().toNanos() / 1e3), r.jit()));
        }
        sb.append(f("  %d requests in %s, %s read%n", n.get(Counter.REQUESTS), duration(r.durationSeconds()),
                bytes(n.get(Counter.BYTES))));
        if (n.get(Counter.WARMUP_REQUESTS) > 0 || r.warmupNs() > 0) {
            String steady = r.spec().settle().isZero() ? "" : r.settled() ? ", steady" : ", NOT steady at its cap";
            String errors = n.get(Counter.WARMUP_ERRORS) > 0 ? f(", %d errors", n.get(Counter.WARMUP_ERRORS)) : "";
            sb.append(f("  warm-up: %d requests%s in %s%s (not in the histograms)%n", n.get(Counter.WARMUP_REQUESTS),
                    errors, duration(r.warmupSeconds()), steady));
        }
        if (r.stoppedEarly()) {
            sb.append(f("  stopped early: the measured window lasted %s of %s%n", duration(r.durationSeconds()),
                    duration(r.spec().duration().toNanos() / 1e9)));
        }
        if (n.errors() > 0) {
            sb.append(f("  Socket errors: connect %d, read %d, write %d, timeout %d, closed %d, parse %d, unsolicited %d%n",
                    n.get(Counter.ERR_CONNECT), n.get(Counter.ERR_READ), n.get(Counter.ERR_WRITE),
                    n.get(Counter.ERR_TIMEOUT), n.get(Counter.ERR_CLOSED), n.get(Counter.ERR_PARSE),
                    n.get(Counter.ERR_UNSOLICITED)));
        }
        if (n.get(Counter.CLOSES_ANNOUNCED) + n.get(Counter.CLOSES_IDLE) > 0) {
            sb.append(f("  Closed by the server, no error: %d announced, %d unannounced between answers; "
                            + "%d requests sent again on a new connection (whole run)%n",
                    n.get(Counter.CLOSES_ANNOUNCED), n.get(Counter.CLOSES_IDLE), n.get(Counter.RESENT)));
        }
        if (n.get(Counter.ERR_STATUS) > 0) {
            sb.append(f("  Non-2xx or 3xx responses: %d%n", n.get(Counter.ERR_STATUS)));
        }
        if (r.spec().idle() > 0) {
            sb.append(f("  Idle connections: %d%s: %d open and answered, %d open never answered, %d still connecting, "
                            + "%d not started, %d refused, %d connect timeouts, %d closed by the server "
                            + "(%d idle requests over --timeout)%n",
                    r.spec().idle(), r.spec().idleRate() > 0 ? f(" (opened at %.0f/s)", r.spec().idleRate()) : "",
                    n.get(Counter.IDLE_OPEN_ANSWERED), n.get(Counter.IDLE_OPEN_UNANSWERED),
                    n.get(Counter.IDLE_CONNECTING), n.get(Counter.IDLE_NOT_STARTED), n.get(Counter.IDLE_REFUSED),
                    n.get(Counter.IDLE_CONNECT_TIMEOUTS), n.get(Counter.IDLE_CLOSED), n.get(Counter.IDLE_TIMEOUTS)));
        }
        if (r.spec().target().tls()) {
            long hs = n.get(Counter.TLS_HANDSHAKES);
            sb.append(f("  TLS (%s, resume %s, groups %s%s, %s): %d handshakes in the window, %d resumed (%.2f/s); "
                            + "handshake p50 %s, p99 %s, max %s%n",
                    r.spec().tls().protocolsText(), r.spec().tls().resume().text(), r.spec().tls().groupsText(),
                    r.spec().tls().verify() ? ", verified" : "", r.tlsEngine(), hs, n.get(Counter.TLS_RESUMED),
                    hs / r.durationSeconds(), time(pct(r.handshake(), 50)), time(pct(r.handshake(), 99)),
                    time(pct(r.handshake(), 100))));
        }
        if (r.spec().trickle() > 0) {
            sb.append(f("  Trickling connections: %d, one byte every %d ms: %d connects, %d closed by the server and "
                            + "reopened, %d connects failed, %d open at the end, %d bytes sent%n",
                    r.spec().trickle(), r.spec().trickleInterval().toMillis(), n.get(Counter.TRICKLE_ESTABLISHED),
                    n.get(Counter.TRICKLE_CLOSED), n.get(Counter.TRICKLE_FAILED), n.get(Counter.TRICKLE_HELD),
                    n.get(Counter.TRICKLE_BYTES)));
        }
        if (r.clientCpu().known()) {
            sb.append(f("  Client CPU over the window: user %.2fs, sys %.2fs, %.1f%% of one core, %s per request%n",
                    r.clientCpu().userS(), r.clientCpu().sysS(), r.clientCpuPercent(),
                    Double.isNaN(r.clientCpuMicrosPerRequest()) ? "-" : time(r.clientCpuMicrosPerRequest())));
        }
        sb.append(f("  I/O backend: %s%n", r.ioBackend()));
        sb.append(f("Requests/sec: %10.2f%n", r.rps()));
        sb.append(f("Transfer/sec: %10s%n", bytes((long) r.bytesPerSecond())));
        warnings(r, sb);
        return sb.toString();
    }

    private static void latency(LoadResult r, boolean latencyTable, StringBuilder sb) {
        boolean open = r.spec().open();
        String label = open ? "corrected: from the intended send time" : "raw: from the actual send, closed model";
        sb.append(f("  Latency (%s)%n", label));
        sb.append(f("    %-8s %-9s %-9s %-9s%n", "Avg", "Stdev", "p99", "Max"));
        sb.append(f("    %-8s %-9s %-9s %-9s%n", time(r.corrected().getMean()), time(r.corrected().getStdDeviation()),
                time(pct(r.corrected(), 99)), time(pct(r.corrected(), 100))));
        if (latencyTable) {
            sb.append(f("  Latency Distribution (HdrHistogram, %s)%n", open ? "corrected" : "recorded"));
            for (double p : PERCENTILES) {
                sb.append(f("  %7.3f%%  %s%n", p, time(pct(r.corrected(), p))));
            }
        }
        if (open) {
            sb.append(f("  Uncorrected (from the actual send): p50 %s, p99 %s, max %s%n",
                    time(pct(r.uncorrected(), 50)), time(pct(r.uncorrected(), 99)), time(pct(r.uncorrected(), 100))));
        }
    }

    private static void warnings(LoadResult r, StringBuilder sb) {
        Counts n = r.counts();
        boolean open = r.spec().open();
        if (r.completedNothing()) {
            sb.append(open
                    ? f("WARNING: NO REQUEST COMPLETED in the measured window (%d errors, %d unanswered, %d unsent "
                            + "of %d scheduled)%n", n.errors(), n.get(Counter.UNANSWERED), n.get(Counter.UNSENT),
                            n.get(Counter.SCHEDULED))
                    : f("WARNING: NO REQUEST COMPLETED in the measured window (%d errors, %d unanswered)%n",
                            n.errors(), n.get(Counter.UNANSWERED)));
        }
        if (r.generatorBehind()) {
            sb.append(f("WARNING: THE GENERATOR FELL BEHIND ITS SCHEDULE: send lag p99 %s (limit %s); "
                            + "the latencies include its own delay. Use more threads or a lower rate.%n",
                    time(pct(r.lag(), 99)), time(LoadResult.BEHIND_LAG_P99_US)));
        }
        long censored = n.get(Counter.UNANSWERED) + n.get(Counter.UNSENT);
        if (open && censored > 0) {
            sb.append(f("WARNING: %d of the %d requests scheduled in the window are in the corrected histogram at a "
                            + "LOWER BOUND (window end - intended send time; they waited at least that long): %d never "
                            + "sent (their connections were busy or down), %d unanswered at the window's end (%d of "
                            + "them answered in the grace)%n", censored, n.get(Counter.SCHEDULED),
                    n.get(Counter.UNSENT), n.get(Counter.UNANSWERED), n.get(Counter.ANSWERED_IN_GRACE)));
        }
    }

    private static double pct(Histogram h, double p) {
        return ResultColumns.percentileMs(h, p) * 1000.0;
    }

    /** A µs value in wrk's style: us, ms or s with two decimals. */
    static String time(double us) {
        if (us < 1000) {
            return f("%.2fus", us);
        }
        if (us < 1_000_000) {
            return f("%.2fms", us / 1000);
        }
        return f("%.2fs", us / 1_000_000);
    }

    static String duration(double s) {
        return s < 1 ? f("%.0fms", s * 1000) : f("%.2fs", s);
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + "B";
        }
        if (b < 1024 * 1024) {
            return f("%.2fKB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return f("%.2fMB", b / (1024.0 * 1024));
        }
        return f("%.2fGB", b / (1024.0 * 1024 * 1024));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
