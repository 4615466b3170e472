package mpmbench.benchmarks.report;

import java.util.List;

/**
 * The columns of every CSV file of a run, in order. Units are in the names ({@code _ms}, {@code _s},
 * {@code _mb} = MiB, {@code _us_per_req}). A change here is a deliberate change of a format: the
 * golden files under {@code src/test/resources/golden} change with it.
 */
public final class Schemas {

    /**
     * summary.csv: one row per (scenario, target, level, repeat). {@code status} is {@code ok},
     * {@code failed} or {@code skipped}, with {@code reason}. Latencies are the load generator's
     * (corrected in the open model). Process columns are means of the 1 s samples during the run;
     * {@code cpu_us_per_req} and {@code ctx_switches_per_req} are the target's CPU time (user + sys) and
     * context switches over the whole load run (warm-up included) divided by its requests.
     * Idle connections (idle-keepalive) are opened by a separate holder before the measured run:
     * {@code idle_answered} were served at least once, {@code idle_held} still open at the end,
     * {@code idle_closed} closed by the server, {@code idle_never_accepted} never served (connect failed,
     * or left in the kernel's accept queue). The claims' crash metric is
     * {@code err_read + err_write + err_closed}: requests lost with their connection.
     * {@code first_200_ms}/{@code full_capacity_ms}: from launch to the first 200 on /hello and to
     * StartServers' capacity ({@code startup}); {@code kill_at_s}/{@code recovery_s}: when one child was
     * killed, on the load generator's clock, and how long until requests/s were back to 90 % of the
     * rate before ({@code crash}; empty when never).
     */
    public static final List<String> SUMMARY = List.of("scenario", "target", "path", "keepalive", "connections",
            "rate", "idle", "repeat", "status", "reason", "duration_s", "requests", "rps", "errors",
            "err_connect", "err_read", "err_write", "err_timeout", "err_status", "err_parse", "err_closed",
            "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "uncorrected_p99_ms", "cpu_us_per_req",
            "rss_mb", "pss_mb", "processes", "threads", "fds", "ctx_switches_per_req", "idle_answered",
            "idle_held", "idle_closed", "idle_never_accepted", "first_200_ms", "full_capacity_ms", "kill_at_s",
            "recovery_s");

    /**
     * samples.csv: one row per second of every load run. {@code t_s} on the load generator's clock
     * (from its start, warm-up included); {@code phase} {@code warmup}, {@code measure} or {@code drain} (after the measured window, while
     * the load generator waits for answers still due); {@code rps}
     * and {@code errors} completed and failed in that second; the process columns from the target's
     * latest /proc sample ({@code cpu_pct} of one core, context switches per second).
     */
    public static final List<String> SAMPLES = List.of("scenario", "target", "connections", "rate", "idle",
            "repeat", "t_s", "phase", "rps", "errors", "rss_mb", "pss_mb", "cpu_pct", "threads", "processes",
            "fds", "ctx_switches_per_s");

    /** claims.csv: one row per claim and family (java, httpd, java-vs-httpd). */
    public static final List<String> CLAIMS = List.of("claim", "family", "title", "metric", "values",
            "threshold", "verdict", "note");

    /** env.csv: key, value. */
    public static final List<String> ENV = List.of("key", "value");

    private Schemas() {
    }
}
