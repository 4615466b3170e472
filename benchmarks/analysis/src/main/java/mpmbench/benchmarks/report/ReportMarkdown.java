package mpmbench.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Design;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.CellIds;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.IntervalText;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Numbers;
import mpmbench.benchmarks.results.RateSweep;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.SequentialLooks;
import mpmbench.benchmarks.results.Status;

/**
 * report.md: the machine, the claims with their verdicts, a table per scenario, the charts, the
 * microbenchmarks ({@link MicroMarkdown}), and what did not run.
 */
public final class ReportMarkdown {

    private static final List<String> ENV_KEYS = List.of("run_id", "command", "suite", "cpu_model", "cores",
            "mem_total_kb", "kernel", "os", "jdk_version", "apache2_version", "nginx_version", "git_commit",
            "git_dirty", "pin_target", "pin_loadgen", "duration_s", "warmup_s", "repeats", "load_avg_start", "load_avg_end", "steal_pct", "cpu_method");

    private ReportMarkdown() {
    }

    /**
     * report.md of a run: its claims (as evaluated now), its charts (stem → caption) and micro charts,
     * with the "Microbenchmarks" section from jmh.csv and memory.csv.
     */
    public static String render(ResultsFolder run, List<Row> claims, Map<String, String> charts,
                                Map<String, String> microCharts) {
        List<Row> summary = run.summary();
        JmhResults jmh = run.jmh();
        List<Row> memory = run.memory();
        StringBuilder md = new StringBuilder("# mpmbench suite report\n\n");
        Map<String, String> e = run.env();
        md.append("| | |\n|---|---|\n");
        for (String k : ENV_KEYS) {
            if (e.containsKey(k)) {
                md.append("| ").append(k).append(" | ").append(cell(e.get(k))).append(" |\n");
            }
        }
        // only a run from other hosts has them: the load's hosts and how, the target's host
        if (!e.getOrDefault("agents", "").isEmpty()) {
            md.append("| agents | ").append(cell(e.get("agents") + ": " + e.getOrDefault("agents_method", ""))).append(" |\n");
        }
        md.append(generatorRow(e));
        if (e.containsKey(Design.KEY)) { // a run of suite --baseline: how the two builds were measured
            md.append("| ").append(Design.KEY).append(" | ").append(cell(Design.describe(e))).append(" |\n");
        }
        if (!e.getOrDefault("target_host", "").isEmpty()) {
            md.append("| target_host | ").append(cell(e.get("target_host") + ": its processes and connections "
                    + "read from its /proc over ssh (" + e.getOrDefault("target_host_kernel", "") + ", "
                    + e.getOrDefault("target_host_cores", "?") + " cores)")).append(" |\n");
        }
        md.append("\nAll directives and flags are in env.csv. Numbers from a shared or busy machine drift: compare "
                + "targets within one run only, and two runs with `mpmbench compare`.\n\n");
        md.append(method(run.generator()));
        md.append("\n## Claims\n\n").append(lookNote(SequentialLooks.of(run.env())));
        md.append("| # | family | claim | values (median [95 % interval] (repeats)) | threshold | ratio [95 % interval] | verdict | rounds |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        TableNotes notes = new TableNotes();
        for (Row c : claims) {
            String ratio = c.text("ratio").isEmpty() ? "" : short3(c.text("ratio"))
                    + (c.text("ratio_ci_low").isEmpty() ? "" : " [" + short3(c.text("ratio_ci_low"))
                    + (Intervals.clippedAtZero(c.num("ratio_ci_low"), c.num("ratio_ci_high")) ? IntervalText.CLIPPED : "")
                    + ", " + short3(c.text("ratio_ci_high")) + "]" + methodMark(c.text("ratio_method")));
            String verdict = "**" + c.text("verdict") + "**" + (c.text("repeats_needed").isEmpty() ? ""
                    : " (about " + c.text("repeats_needed") + " repeats would decide it)")
                    + (c.text("note").isEmpty() ? "" : " " + notes.mark(cell(c.text("note"))));
            md.append("| ").append(c.text("claim")).append(" | ").append(c.text("family")).append(" | ")
                    .append(cell(c.text("title"))).append(": ").append(cell(c.text("metric"))).append(" | ")
                    .append(cell(c.text("values"))).append(" | ").append(cell(c.text("threshold"))).append(" | ")
                    .append(ratio).append(" | ").append(verdict).append(" | ").append(c.text("rounds")).append(" |\n");
            IntervalText.clippedRepeats(c.text("values")).forEach(notes::clipped);
        }
        notes.render(md);
        md.append("\n## Results\n\nEach figure is the median of the repeats with its 95 % interval in brackets "
                + "(cells.csv; every repeat is in summary.csv). Latency in ms (corrected in the open model); CPU and "
                + "context switches of all the target's processes per request; PSS in MiB, over the generator-bound "
                + "repeats too; warm-up in s (settling phase and the load generator's own warm-up).\n");
        List<Row> cellRows = run.cellTable();
        Map<String, List<Row>> byScenario = new LinkedHashMap<>();
        cellRows.forEach(r -> byScenario.computeIfAbsent(r.text("scenario"), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<Row>> s : byScenario.entrySet()) {
            md.append("\n### ").append(s.getKey()).append("\n\n");
            table(md, run.cells(), s.getKey(), s.getValue());
            if (s.getKey().equals(Scenarios.RATE_SWEEP)) {
                knees(md, s.getValue());
            }
            if (s.getKey().equals(Scenarios.SLOW_CLIENTS)) {
                SlowClients.denials(md, s.getValue());
            }
        }
        md.append(TlsTable.render(run.cells())); // "" without a tls-* cell
        md.append(RepeatsTable.render(run)); // a wrk run's compare-server table; "" for ours
        md.append("\n## Charts\n\n");
        if (charts.isEmpty()) {
            md.append("No chart had data.\n");
        }
        charts.forEach((stem, caption) -> md.append("**").append(caption).append("** (charts/").append(stem)
                .append(".svg)\n\n![").append(stem).append("](charts/").append(stem).append(".png)\n\n"));
        MicroMarkdown.render(md, jmh, memory, e.getOrDefault("micro", ""), microCharts);
        InvalidRows.render(md, run);
        md.append("## Skipped, failed, generator-bound and unsettled repeats\n\n");
        List<Row> notOk = summary.stream().filter(r -> Cells.status(r) != Status.OK && Cells.status(r) != Status.INVALID)
                .toList();
        if (notOk.isEmpty()) {
            md.append("None.\n");
        }
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Row r : notOk) {
            byReason.computeIfAbsent(r.text("status") + ": " + r.text("reason"), k -> new ArrayList<>())
                    .add(r.text("scenario") + " " + r.text("target") + " " + CellIds.label(r) + " r" + r.text("repeat"));
        }
        byReason.forEach((reason, cells) -> md.append("- ").append(cell(reason)).append(" — ")
                .append(String.join(", ", cells)).append('\n'));
        return md.toString();
    }

    private static void table(StringBuilder md, Cells cells, String scenario, List<Row> rows) {
        List<String> cols = switch (scenario) {
            case Scenarios.STARTUP -> List.of("first_200_ms", "full_capacity_ms", "processes", "threads", "rss_mb");
            case Scenarios.IDLE_KEEPALIVE -> List.of("rps", "p99_ms", "errors", "idle_answered", "idle_held", "idle_closed",
                    "idle_open_unanswered", "idle_connecting", "idle_not_started", "idle_refused", "idle_connect_timeouts",
                    "processes", "threads", "pss_mb");
            case Scenarios.CRASH -> List.of("rps", "errors", "err_read", "err_closed", "err_connect", "kill_at_s", "recovery_s",
                    "p99_ms", "max_ms");
            case Scenarios.GRACEFUL_RESTART -> List.of("rps", "errors", "err_connect", "err_read", "err_write", "err_timeout",
                    "err_status", "err_parse", "err_closed", "restarts", "recovery_s", "restart_command_ms", "p99_ms",
                    "max_ms");
            case Scenarios.SLOW_CLIENTS -> List.of("rps", "p99_ms", "errors", "err_timeout", "err_connect", "err_closed",
                    "trickle_held", "trickle_closed", "trickle_failed", "processes", "threads");
            case Scenarios.RATE_SWEEP -> List.of("rps", "p50_ms", "p99_ms", "p999_ms", "uncorrected_p99_ms", "errors",
                    "cpu_us_per_req");
            default -> List.of("rps", "p50_ms", "p99_ms", "p999_ms", "errors", "cpu_us_per_req", "ctx_switches_per_req",
                    "runq_wait_us_per_req", "pss_mb", "processes", "threads");
        };
        md.append("| target | level | repeats | warm-up s | ");
        cols.forEach(c -> md.append(c).append(" | "));
        md.append("status |\n|---|---|---|---:|");
        cols.forEach(c -> md.append("---:|"));
        md.append("---|\n");
        TableNotes notes = new TableNotes();
        for (Row r : rows) {
            md.append("| ").append(r.text("target")).append(" | ").append(CellIds.label(r)).append(" | ")
                    .append(r.text("repeats")).append(" | ").append(short3(r.text("warmup_s"))).append(" | ");
            for (String c : cols) {
                md.append(figure(cells, r, c, notes)).append(" | ");
            }
            String[] settled = r.text("settled").split("/");
            String status = r.text("status") + (settled.length == 2 && !settled[0].equals(settled[1])
                    ? ", settled " + r.text("settled") : "");
            md.append(r.text("reason").isEmpty() ? status : status + " " + notes.mark(cell(r.text("reason"))))
                    .append(" |\n");
        }
        notes.render(md);
    }

    /**
     * A cell's figure as its table shows it: cells.csv's median with its interval for {@link Schemas#FIGURES},
     * the median alone for the others; memory ({@link Cells#TARGET_FACTS}) over every repeat that measured
     * the target, generator-bound ones included, as the memory chart and claim 1a take it.
     */
    private static String figure(Cells cells, Row cell, String column, TableNotes notes) {
        if (Cells.TARGET_FACTS.contains(column)) {
            Intervals.Estimate e = cells.estimate(Cells.Key.of(cell), column);
            return Schemas.FIGURES.contains(column)
                    ? notes.interval(IntervalText.of(e.median(), e.low(), e.high(), Numbers::short3), e.n())
                    : Numbers.short3(e.median());
        }
        return Schemas.FIGURES.contains(column)
                ? notes.interval(Cells.withInterval(cell, column), Integer.parseInt(cell.text("repeats").split("/")[0]))
                : short3(cell.text(column));
    }

    /**
     * The knee per target: the highest offered rate that kept p99 within the SLO with no errors and
     * at least 90 % of the rate achieved (the maximum sustainable throughput), and the first that did not.
     */
    static void knees(StringBuilder md, List<Row> rows) {
        md.append("\nMaximum sustainable rate (p99 within ").append(SLO_P99_MS).append(" ms, no errors, at least 90 % "
                + "of the offered rate achieved):\n\n");
        Map<String, List<Row>> byTarget = new LinkedHashMap<>();
        rows.forEach(r -> byTarget.computeIfAbsent(r.text("target"), k -> new ArrayList<>()).add(r));
        byTarget.forEach((target, rs) -> {
            String good = "none";
            String bad = "not reached";
            for (Row r : rs.stream().filter(Cells::judged).toList()) {
                boolean ok = RateSweep.sustained(r, SLO_P99_MS);
                if (ok && bad.equals("not reached")) {
                    good = short3(r.text("rate")) + " req/s";
                } else if (!ok && bad.equals("not reached")) {
                    bad = short3(r.text("rate")) + " req/s (p99 " + short3(r.text("p99_ms")) + " ms, " + short3(r.text("errors"))
                            + " errors, " + short3(r.text("rps")) + " req/s achieved)";
                }
            }
            md.append("- ").append(target).append(": ").append(good).append("; knee: ").append(bad).append('\n');
        });
    }

    private static final double SLO_P99_MS = Scenarios.SLO_P99_MS;

    static String short3(String v) {
        return cell(Numbers.short3(v));
    }

    /**
     * What the claims' intervals are for a run of {@code suite --until-decided} with {@code looks} looks
     * ({@link SequentialLooks}); "" for a run of one look (95 %).
     */
    static String lookNote(int looks) {
        if (looks <= 1) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "suite --until-decided: the ratios' intervals are at %.4g %% "
                + "(1 - 5 %%/%d: Bonferroni over its %d looks), so a claim it stopped on stays decided; rounds = the "
                + "rounds its cells ran.\n\n", 100 * SequentialLooks.level(looks), looks, looks);
    }

    /** " (paired)", " (Fieller)": how a claim's interval was formed (claims.csv's {@code ratio_method}); "" for the others. */
    /**
     * The header's row for a run measured with another generator than ours ({@code --generator wrk}: its
     * version and method); none for ours, whose flags are {@code loadgen_flags}, named or not in env.csv.
     */
    static String generatorRow(Map<String, String> env) {
        String g = env.getOrDefault(ResultsFolder.GENERATOR_KEY, "");
        if (g.isEmpty() || g.equals(ResultsFolder.OUR_GENERATOR)) {
            return "";
        }
        return "| generator | " + cell(g + " (" + env.getOrDefault("generator_version", "") + "): "
                + env.getOrDefault("generator_method", "")) + " |\n";
    }

    static String methodMark(String method) {
        return method.equals(Intervals.Method.PAIRED.text()) ? " (paired)"
                : method.equals(Intervals.Method.FIELLER.text()) ? " (Fieller)" : "";
    }

    /**
     * How the figures and verdicts are computed, for a run measured by {@code generator}
     * ({@link ResultsFolder#generator}): its warm-up is that generator's.
     */
    static String method(String generator) {
        return "## Method\n\n" + (generator.equals(ResultsFolder.WRK) ? WRK_WARMUP : OUR_WARMUP) + METHOD;
    }

    private static final String OUR_WARMUP = """
            - **Steady state first.** Each cell is one load-generator run whose warm-up lasts until the mean \
            requests/s of the last 2 s is within 10 % of the 2 s before (env.csv `settle_rule`, at least \
            `warmup_s`, at most `settle_max_s`); the measured window follows at once. A cell that hits the cap is \
            measured and marked `unsettled`. `warm-up s` is what each cell got. The target's CPU per request is \
            taken over the measured window only.
            """;

    private static final String WRK_WARMUP = """
            - **Steady state first (wrk).** wrk has no warm-up of its own: each cell's warm-up is separate, \
            unmeasured wrk runs of 2 s (their connections closed between runs) until two in a row agree within \
            10 % (env.csv `settle_rule`, at least `warmup_s`, at most `settle_max_s`; without settling one run of \
            `warmup_s`), then the measured wrk run of whole seconds on fresh connections. A cell that hits the cap \
            is measured and marked `unsettled`. `warm-up s` is the wall time each cell got until its measured run. \
            The target's CPU per request is taken over wrk's measured window only.
            """;

    /** The rest of the method, the same for every generator. */
    private static final String METHOD = """
            - **Repeats.** A fresh target instance per repeat, in interleaved rounds (round 1 of every target, \
            then round 2 ...), so drift hits every target alike and an instance's own luck is in the interval. \
            `quick` starts a target once per round and runs its scenarios on it one after the other; `full` starts \
            one per scenario and round (env.csv `repeat_kind`).
            - **Intervals.** A figure is the median of its repeats; its interval is the 95 % Student-t interval of \
            the repeats' mean (like JMH's error over forks): with 3 repeats no distribution-free interval of a \
            median reaches 95 % ([min, max] covers 75 %), and the seconds within a repeat are autocorrelated, so \
            they would hide the run-to-run spread. A claim's ratio between targets measured in the same rounds \
            is paired: a t-interval of the mean per-round log-ratio, exponentiated (what a round does to the \
            machine it does to every target in it, and the ratio within the round cancels it; its point is the \
            geometric mean of the per-round ratios), from at least 2 rounds where both sides have a value. With \
            fewer, or a value of 0 (no logarithm), it is Fieller's for a ratio of two means (Welch's degrees of \
            freedom). The claims table says which after the interval.
            - **Verdicts.** A claim holds when its ratio's whole interval clears the threshold, does not hold when \
            the whole interval is on the other side, and is inconclusive otherwise (with the repeats that would \
            decide it at the spread seen).
            - **Listed, not judged.** A repeat whose load generator used at least 90 % of its core \
            (`generator-bound`: the figures are the generator's) is shown but kept out of claims and \
            `mpmbench compare`; its memory still counts in the memory chart and claim 1a (the target's memory \
            at the load it got is its own). A repeat that never settled (`unsettled`) is counted, and flagged: \
            its drift widens the interval.
            - **Clipped intervals.** No figure here can be negative, so an interval that reached below zero \
            stops at 0 and says so: `78073 [0*, 161499]`. With 2 or 3 repeats an interval is wide (the note \
            under a table gives its half-width for the repeats it had).
            - **Notes.** A row's reason (why it is flagged, what was not measured) and a claim's note are a \
            mark (¹, ²...) in the row, written out below the table.
            """;

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
