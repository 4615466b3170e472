package mpmbench.benchmarks.results;

import java.util.List;

/**
 * The columns of every CSV file of a run, in order. Units are in the names ({@code _ms}, {@code _s},
 * {@code _mb} = MiB, {@code _us_per_req}). A change here is a deliberate change of a format: the
 * golden files under {@code src/test/resources/golden} change with it.
 */
public final class Schemas {

    /**
     * The version of this set of schemas, written to env.csv as {@code schema_version}. 2: summary.csv
     * gained {@code warmup_s}, {@code settled}, {@code loadgen_cpu_pct} and the statuses
     * {@code generator-bound} and {@code unsettled}; cells.csv appeared; claims.csv gained its ratio
     * with an interval. 3 (issue 19): summary.csv gained {@code scheduled}, {@code unsent},
     * {@code unanswered}, {@code cpu_method}, {@code steal_pct}, {@code other_cpu_pct} and
     * {@code violations}, the statuses of {@link Status}; env.csv gained the load average at the
     * start and end and the steal time over the run. 4 (issue 21): summary.csv and cells.csv gained the
     * {@code tls_*} columns of the HTTPS scenarios. Readers take older versions: a column an older
     * schema lacks is "not measured".
     */
    public static final int VERSION = 4;

    /**
     * summary.csv: one row per (scenario, target, level, repeat). {@code status} is {@code ok},
     * {@code generator-bound} (closed model: the load generator used at least
     * {@value #GENERATOR_BOUND_PCT} % of its core in the measured window; open model: its send lag p99
     * passed 10 ms, {@code generator_behind}; either way the figures are the generator's, so they are
     * listed and never judged), {@code unsettled} (the target's throughput did
     * not settle within the warm-up's cap: measured, counted and flagged), {@code failed} or
     * {@code skipped}, with {@code reason}. {@code warmup_s} is the warm-up this row got before its
     * measured window (the settling phase plus the load generator's own warm-up), {@code settled}
     * {@code true}/{@code false}. Latencies are the load generator's (corrected in the open model);
     * empty, with a reason, when no request completed. Process columns are means of the 1 s samples
     * during the run; {@code cpu_us_per_req} and {@code ctx_switches_per_req} are the target's CPU time
     * (user + sys) and context switches over the whole load run (warm-up included) divided by its
     * requests. {@code loadgen_cpu_pct}: the load generator's own CPU time (user + sys, its whole
     * process) over its measured window, in % of one core (its {@code client_cpu_pct}).
     * Idle connections (idle-keepalive) are opened by a separate holder before the measured run (the
     * measured run opens none), with the load generator's words: {@code idle_answered} were served at
     * least once, {@code idle_held} were still open at the end; every idle connection ends in exactly one
     * of {@code idle_open_answered}, {@code idle_open_unanswered} (open at the end, answered or never),
     * {@code idle_connecting} (connect still in progress), {@code idle_not_started} (connect not started
     * yet), {@code idle_refused}, {@code idle_connect_timeouts} and {@code idle_closed} (closed by the
     * server), which sum to {@code idle}. The claims' crash metric is
     * {@code err_read + err_write + err_closed}: requests lost with their connection.
     * {@code first_200_ms}/{@code full_capacity_ms}: from launch to the first 200 on /hello and to
     * StartServers' capacity ({@code startup}); {@code kill_at_s}/{@code recovery_s}: when one child was
     * killed, on the load generator's clock, and how long until requests/s were back to 90 % of the
     * rate before ({@code crash}; empty when never). {@code slow-clients}: {@code idle} is the number of
     * trickling connections (slowloris: a request head sent one byte every 2 s and never ended, reopened
     * when the server closes it) a separate holder opened before the 16 measured clients; of them
     * {@code trickle_held} were open at the end, {@code trickle_closed} counts the times the server
     * closed, reset or answered one (each was reopened), {@code trickle_failed} the connects that failed
     * or timed out (retried). {@code graceful-restart}: {@code restarts} signalled inside the measured
     * window (the row is {@code failed} when a control command failed or fewer fell inside it), {@code restart_at_s} their instants
     * on the load generator's clock and {@code restart_recovery_s} each one's time until requests/s
     * were back to 90 % of the rate before the first restart, at the interval log's 100 ms resolution
     * (0: no bin dipped; both {@code ;}-separated), {@code recovery_s} the longest of them,
     * {@code restart_command_ms} the longest control command (ours waits until a child of the new
     * generation is ready; apache2 -k graceful and nginx -s reload return once they signalled); the
     * failed requests are the {@code err_*} columns, by type.
     *
     * <p>Schema 3. {@code status} is one of {@link Status}; {@code violations} names the invariants an
     * {@code invalid} row broke ({@code ;}-separated, see {@code results.Invariants}). The window is the
     * load generator's own: the target is sampled at the instants it starts and ends its measured
     * window, so {@code cpu_us_per_req}, {@code ctx_switches_per_req} and the memory columns are the
     * window's (the memory columns: means of the samples inside it). {@code runq_wait_us_per_req}: µs
     * the target's threads spent runnable but waiting for a CPU (the kernel's {@code run_delay} of
     * every thread, {@code /proc/PID/task/TID/schedstat}) over the window, per request: with more
     * runnable threads than CPUs, the queueing a request's server did before it ran. Both it and
     * {@code ctx_switches_per_req} are empty when a process or thread of the target started or
     * exited in the window (an exited one takes its counts with it). {@code cpu_method} says where the
     * CPU came from: {@code cgroup-v2} or {@code cgroup-v1} (the kernel's account of the target's own
     * cgroup, exited children counted once), {@code proc} (the tree's /proc files, reaped children
     * through every member's {@code cutime}). Open model: {@code scheduled} requests were due in the
     * window; each is a completed request, an error, {@code unsent} (due, never sent: its connection
     * was busy) or {@code unanswered} (sent, no answer by the window's end); the last two are in the
     * corrected histogram at (window end − intended send time), a lower bound. Closed model: these
     * three are empty. {@code err_unsolicited}: answers nobody asked for (no request lost; counted in
     * {@code err_parse} before schema 3). {@code steal_pct}: the machine's steal time over the window in % of its CPU
     * time; {@code other_cpu_pct}: the CPU every other process used over the window (machine busy
     * time − target − load generator), % of one core; past {@link #DISTURBED_STEAL_PCT} or
     * {@link #DISTURBED_OTHER_CPU_PCT} the row is {@code disturbed}.
     *
     * <p>Schema 4, HTTPS ({@code tls-*} scenarios; empty for plain HTTP and for a generator that does not
     * count them, wrk): the load generator's words over the measured window, {@code tls_handshakes} TLS
     * handshakes started after the warm-up and finished before the window's end (every connection's,
     * idle ones included), {@code tls_resumed} those of them that resumed a session (the server sent no
     * certificate), {@code tls_handshake_p50_ms}/{@code tls_handshake_p99_ms} the handshake's time from
     * TCP connect complete to handshake finished. Resumption rate = {@code tls_resumed / tls_handshakes}
     * (claim 9).
     */
    public static final List<String> SUMMARY = List.of("scenario", "target", "path", "keepalive", "connections",
            "rate", "idle", "repeat", "status", "reason", "violations", "warmup_s", "settled", "duration_s", "requests", "scheduled",
            "unsent", "unanswered", "rps",
            "errors", "err_connect", "err_read", "err_write", "err_timeout", "err_status", "err_parse", "err_closed",
            "err_unsolicited", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "uncorrected_p99_ms", "cpu_us_per_req",
            "cpu_method", "rss_mb", "pss_mb", "processes", "threads", "fds", "ctx_switches_per_req", "runq_wait_us_per_req",
            "loadgen_cpu_pct", "steal_pct", "other_cpu_pct",
            "idle_answered", "idle_held", "idle_open_answered", "idle_open_unanswered", "idle_connecting",
            "idle_not_started", "idle_refused", "idle_connect_timeouts", "idle_closed", "first_200_ms", "full_capacity_ms",
            "kill_at_s", "recovery_s", "trickle_held", "trickle_closed", "trickle_failed", "restarts", "restart_at_s",
            "restart_recovery_s", "restart_command_ms",
            "tls_handshakes", "tls_resumed", "tls_handshake_p50_ms", "tls_handshake_p99_ms");

    /** The TLS columns of summary.csv, in the load generator's words (its JSON keys). */
    public static final List<String> TLS = List.of("tls_handshakes", "tls_resumed", "tls_handshake_p50_ms",
            "tls_handshake_p99_ms");

    /** Steal time over a window above this share of the machine's CPU time (%) makes its row {@code disturbed}. */
    public static final double DISTURBED_STEAL_PCT = 2.0;

    /**
     * CPU used by processes other than the target and the load generator over a window above this
     * share of one core (%) makes its row {@code disturbed}. The suite's own sampling costs a few %.
     */
    public static final double DISTURBED_OTHER_CPU_PCT = 25.0;

    /** An open-model row that completed under this share of its offered rate (%) is {@code saturated}. */
    public static final double SATURATED_BELOW_PCT = 90.0;

    /** p99.9 is published only from at least this many samples in the window; else empty with the reason. */
    public static final long P999_MIN_SAMPLES = 1_000;

    /**
     * The errors of requests that were sent and never completed: with {@code requests},
     * {@code unsent} and {@code unanswered} they account for every request {@code scheduled} in an
     * open-model window. {@code err_status} is a completed request (an answer that was not 2xx) and
     * {@code err_connect} a connection, not a request, so neither is here.
     */
    public static final List<String> REQUEST_ERRORS = List.of("err_timeout", "err_read", "err_write", "err_closed",
            "err_parse");

    /** A load generator at or above this share of its core (%) makes its row {@code generator-bound}. */
    public static final int GENERATOR_BOUND_PCT = 90;

    /** The figures of cells.csv that carry an interval and a coefficient of variation. */
    public static final List<String> FIGURES = List.of("rps", "p50_ms", "p99_ms", "p999_ms", "cpu_us_per_req",
            "pss_mb", "first_200_ms", "full_capacity_ms");

    /** The columns of cells.csv given as the plain median of the ok repeats. */
    public static final List<String> MEDIANS = List.of("warmup_s", "errors", "err_connect", "err_read", "err_write",
            "err_timeout", "err_closed", "p90_ms", "max_ms", "uncorrected_p99_ms", "rss_mb", "processes", "threads",
            "fds", "ctx_switches_per_req", "runq_wait_us_per_req", "loadgen_cpu_pct", "idle_answered", "idle_held", "idle_open_answered",
            "idle_open_unanswered", "idle_connecting", "idle_not_started", "idle_refused", "idle_connect_timeouts",
            "idle_closed", "kill_at_s", "recovery_s", "err_status", "err_parse", "err_unsolicited", "trickle_held", "trickle_closed",
            "trickle_failed", "restarts", "restart_command_ms", "tls_handshakes", "tls_resumed", "tls_handshake_p99_ms");

    /**
     * cells.csv: one row per (scenario, target, level), from summary.csv's repeats with status
     * {@code ok} or {@code unsettled} ({@link Cells#judged}). {@code status}: {@code ok} when those are
     * all ok, {@code unsettled} when some are unsettled (the others are named in {@code reason}), else
     * the status most of its repeats had. {@code repeats}: ok repeats /
     * repeats run; {@code settled}: repeats that settled / repeats run. For each of {@link #FIGURES}
     * {@code F}: {@code F} the median of the ok repeats, {@code F_ci_low}/{@code F_ci_high} the 95 %
     * Student-t interval of their mean (empty with fewer than 2), {@code F_cv} the coefficient of
     * variation (sd / mean); the method is in {@link Intervals}. {@link #MEDIANS}: medians only.
     * Written by the report only ({@code ReportBuilder}); readers derive it again from summary.csv
     * with the invariants applied ({@link ResultsFolder#cellTable}), so a file of an older build
     * never feeds a verdict.
     */
    public static final List<String> CELLS = cellColumns();

    private static List<String> cellColumns() {
        List<String> c = new java.util.ArrayList<>(List.of("scenario", "target", "path", "keepalive", "connections",
                "rate", "idle", "status", "reason", "repeats", "settled"));
        for (String f : FIGURES) {
            c.addAll(List.of(f, f + "_ci_low", f + "_ci_high", f + "_cv"));
        }
        c.addAll(MEDIANS);
        return List.copyOf(c);
    }

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

    /**
     * claims.csv: one row per claim and family (java, httpd, java-vs-httpd), or per claim and target
     * for claim 8 (a graceful restart drops no request: a count, no ratio). {@code ratio} is the
     * ratio the verdict is taken on (its point as {@code ratio_method} says), {@code ratio_ci_low}/{@code ratio_ci_high}
     * its 95 % interval; {@code ratio_method} how that interval was formed ({@link Intervals.Method}):
     * {@code paired} (a t-interval of the mean per-round log-ratio over the rounds both sides measured,
     * {@link PairedIntervals}; its point is the geometric mean of the per-round ratios), {@code fieller}
     * (unpaired: fewer than 2 such rounds, or a value of 0; its point is the ratio of the medians),
     * {@code t} (a figure's own interval, e.g. "above 0"), {@code jmh-error} (claim 5), empty without
     * an interval; {@code verdict} holds, does not hold,
     * inconclusive (the interval straddles the threshold; {@code repeats_needed} is how many repeats
     * per target would clear it at the spread seen, empty when more than 50) or not measured. An
     * unbounded interval is written {@code inf}/{@code -inf}, never empty. {@code level} is the cell
     * level the verdict was taken at, as {@code Cells.Key#level} names it ({@code c256},
     * {@code c16-i2000}; {@code all} for claim 7, which reads every level; empty for claim 5, the micro
     * benchmarks): a claim whose metric depends on the level has one row per level (claim 3) or is
     * read at the level it is about, named here, so two runs' verdicts are compared level by level.
     * {@code rounds}: the most repeats among the cells the row reads (its verdict rests on them; with
     * {@code suite --until-decided} the rounds added until it was decided or the run stopped), empty for
     * the micro benchmarks. With {@code --until-decided} (env.csv's {@code until_decided_looks} = K) every
     * interval is at 1 − 5 %/K instead of 95 % ({@link SequentialLooks}).
     */
    public static final List<String> CLAIMS = List.of("claim", "family", "level", "title", "metric", "values",
            "threshold", "ratio", "ratio_ci_low", "ratio_ci_high", "ratio_method", "verdict", "repeats_needed", "rounds", "note");

    /**
     * compare.csv ({@code mpmbench compare BASE NEW}): one row per (cell, figure) both runs share.
     * {@code ratio} is new / base of the medians, {@code ci_low}/{@code ci_high} its 95 % interval
     * (Fieller); {@code verdict} {@code faster}, {@code slower}, {@code no significant change}, or why
     * the cell is not judged ({@code only in base}, {@code only in new}, {@code generator-bound}, ...);
     * {@code p_worse} the one-sided p-value of "worse by more than the threshold"; {@code regression}
     * {@code true} when Holm's step-down over every judged figure of the comparison rejects that at 5 %.
     */
    public static final List<String> COMPARE = List.of("scenario", "target", "connections", "rate", "idle",
            "figure", "base", "base_n", "new", "new_n", "ratio", "ci_low", "ci_high", "verdict", "p_worse", "regression");

    /**
     * duet.csv (a run of {@code suite --baseline REF --duet}): one row per duet level, the two builds of a model
     * measured at the same time on one core. {@code target} names the new build ({@code java-X}; its pair is
     * {@code base:java-X}, named in {@code base_target}), {@code first} the one started (and its load generator launched) first;
     * {@code new_window_*_ms} and {@code base_window_*_ms} when each measured window started and ended (epoch ms,
     * the suite's clock at the generator's "warm-up over" and "window over" lines; empty when not seen),
     * {@code overlap_pct} the time both windows were open, in % of the longer one.
     */
    public static final List<String> DUET = List.of("scenario", "target", "base_target", "connections", "rate", "idle", "repeat",
            "first", "new_window_start_ms", "new_window_end_ms", "base_window_start_ms", "base_window_end_ms",
            "overlap_pct");

    /** env.csv: key, value. */
    public static final List<String> ENV = List.of("key", "value");

    /**
     * profile.csv (a run with {@code --profile}): one row per measured window, where the target's CPU
     * went, from Linux perf on the target's CPUs. {@code samples}: the target's processes' samples;
     * {@code syscalls_per_req}, {@code perf_ctx_switches_per_req}: perf stat's counts on those CPUs
     * (every process there) over the window's requests; {@code *_pct}: shares of the target's samples
     * by what ran (kernel, interpreter, jit, jvm, libc, other: they sum to 100) and by which threads
     * (compiler, gc_and_vm, serving: 100 again). {@code cpu_us_per_req} is summary.csv's, so a share ×
     * it is µs per request.
     */
    public static final List<String> PROFILE = List.of("scenario", "target", "connections", "repeat", "requests",
            "cpu_us_per_req", "samples", "syscalls_per_req", "perf_ctx_switches_per_req", "kernel_pct",
            "interpreter_pct", "jit_pct", "jvm_pct", "libc_pct", "other_pct", "compiler_pct", "gc_and_vm_pct",
            "serving_pct");

    private Schemas() {
    }
}
