package mpmbench.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.md: the machine, the claims with their verdicts, a table per scenario, the charts, the
 * microbenchmarks ({@link MicroMarkdown}), and what did not run.
 */
public final class ReportMarkdown {

    private static final List<String> ENV_KEYS = List.of("run_id", "command", "suite", "cpu_model", "cores",
            "mem_total_kb", "kernel", "os", "jdk_version", "apache2_version", "nginx_version", "git_commit",
            "git_dirty", "pin_target", "pin_loadgen", "duration_s", "warmup_s", "repeats", "loadavg_at_start");

    private ReportMarkdown() {
    }

    public static String render(List<Row> summary, List<Row> env, List<Row> claims, Map<String, String> charts) {
        return render(summary, env, claims, charts, new JmhResults(List.of()), List.of(), Map.of());
    }

    /** With the "Microbenchmarks" section from jmh.csv, memory.csv and the micro charts (stem → caption). */
    public static String render(List<Row> summary, List<Row> env, List<Row> claims, Map<String, String> charts,
                                JmhResults jmh, List<Row> memory, Map<String, String> microCharts) {
        StringBuilder md = new StringBuilder("# mpmbench suite report\n\n");
        Map<String, String> e = new LinkedHashMap<>();
        env.forEach(r -> e.put(r.text("key"), r.text("value")));
        md.append("| | |\n|---|---|\n");
        for (String k : ENV_KEYS) {
            if (e.containsKey(k)) {
                md.append("| ").append(k).append(" | ").append(cell(e.get(k))).append(" |\n");
            }
        }
        md.append("\nAll directives and flags are in env.csv. Numbers from a shared or busy machine drift: compare "
                + "targets within one run only.\n\n## Claims\n\n| # | family | claim | metric | values | threshold | verdict |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Row c : claims) {
            md.append("| ").append(c.text("claim")).append(" | ").append(c.text("family")).append(" | ")
                    .append(cell(c.text("title"))).append(" | ").append(cell(c.text("metric"))).append(" | ")
                    .append(cell(c.text("values"))).append(" | ").append(cell(c.text("threshold"))).append(" | **")
                    .append(c.text("verdict")).append("**").append(c.text("note").isEmpty() ? "" : " (" + cell(c.text("note")) + ")")
                    .append(" |\n");
        }
        md.append("\n## Results\n\nMedians are not taken here: one row per repeat. Latency in ms (corrected in the "
                + "open model); CPU and context switches of all the target's processes per request; PSS in MiB.\n");
        Map<String, List<Row>> byScenario = new LinkedHashMap<>();
        summary.forEach(r -> byScenario.computeIfAbsent(r.text("scenario"), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<Row>> s : byScenario.entrySet()) {
            md.append("\n### ").append(s.getKey()).append("\n\n");
            table(md, s.getKey(), s.getValue());
            if (s.getKey().equals("rate-sweep")) {
                knees(md, s.getValue());
            }
        }
        md.append("\n## Charts\n\n");
        if (charts.isEmpty()) {
            md.append("No chart had data.\n");
        }
        charts.forEach((stem, caption) -> md.append("**").append(caption).append("** (charts/").append(stem)
                .append(".svg)\n\n![").append(caption).append("](charts/").append(stem).append(".png)\n\n"));
        MicroMarkdown.render(md, jmh, memory, e.getOrDefault("micro", ""), microCharts);
        md.append("## Skipped and failed cells\n\n");
        List<Row> notOk = summary.stream().filter(r -> !r.text("status").equals("ok")).toList();
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

    private static void table(StringBuilder md, String scenario, List<Row> rows) {
        List<String> cols = switch (scenario) {
            case "startup" -> List.of("first_200_ms", "full_capacity_ms", "processes", "threads", "rss_mb", "pss_mb");
            case "idle-keepalive" -> List.of("rps", "p99_ms", "errors", "idle_answered", "idle_held", "idle_closed", "idle_never_accepted",
                    "processes", "threads", "pss_mb");
            case "crash" -> List.of("rps", "errors", "err_read", "err_closed", "err_connect", "kill_at_s", "recovery_s",
                    "p99_ms", "max_ms");
            case "rate-sweep" -> List.of("rps", "p50_ms", "p99_ms", "p999_ms", "uncorrected_p99_ms", "errors",
                    "cpu_us_per_req");
            default -> List.of("rps", "p50_ms", "p99_ms", "p999_ms", "errors", "cpu_us_per_req", "ctx_switches_per_req",
                    "pss_mb", "rss_mb", "processes", "threads");
        };
        md.append("| target | level | r | ");
        cols.forEach(c -> md.append(c).append(" | "));
        md.append("status |\n|---|---|---|");
        cols.forEach(c -> md.append("---:|"));
        md.append("---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.text("target")).append(" | ").append(CellIds.label(r)).append(" | ")
                    .append(r.text("repeat")).append(" | ");
            for (String c : cols) {
                md.append(short3(r.text(c))).append(" | ");
            }
            md.append(r.text("status").equals("ok") ? (r.text("reason").isEmpty() ? "ok" : "ok, " + cell(r.text("reason")))
                    : r.text("status")).append(" |\n");
        }
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
            for (Row r : rs.stream().filter(r -> r.text("status").equals("ok")).toList()) {
                boolean ok = r.num("p99_ms") <= SLO_P99_MS && r.num("errors") == 0 && r.num("rps") >= 0.9 * r.num("rate");
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

    private static final double SLO_P99_MS = mpmbench.benchmarks.suite.Scenarios.SLO_P99_MS;

    /** A number with 3 decimals shortened to what it needs (1234.567 → 1234.6, 0.123 → 0.123). */
    static String short3(String v) {
        if (v.isEmpty()) {
            return "";
        }
        try {
            double d = Double.parseDouble(v);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.0f", d)
                    : Math.abs(d) >= 1 ? String.format(Locale.ROOT, "%.2f", d) : String.format(Locale.ROOT, "%.3f", d);
        } catch (NumberFormatException e) {
            return cell(v);
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
