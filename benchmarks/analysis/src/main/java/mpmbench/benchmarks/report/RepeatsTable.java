package mpmbench.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Status;

/**
 * report.md's "Repeats side by side" section of a run measured with {@code --generator wrk}: per target
 * of each {@code hello} level, the table {@code scripts/compare-server} printed before it became a call
 * of the suite: requests/s median with the slowest and fastest repeat, p99, the target's CPU per
 * request, PSS after start (the startup cell) and under load (the window's mean), processes and threads,
 * the load generator's and the rest of the machine's CPU. Medians over the repeats that produced load
 * figures, whatever their status (the status column of the hello table says which are judged). A run
 * of our generator has no such section: its report is what it was. Stateless.
 */
final class RepeatsTable {

    private RepeatsTable() {
    }

    /** The section, or "" when the run is not wrk's or has no hello row. */
    static String render(ResultsFolder run) {
        if (!run.generator().equals(ResultsFolder.WRK)) {
            return "";
        }
        Map<String, List<Row>> hello = new LinkedHashMap<>();
        Map<String, List<Row>> startup = new LinkedHashMap<>();
        for (Row r : run.summary()) {
            if (!Status.of(r.text("status")).measured()) {
                continue;
            }
            if (r.text("scenario").equals(Scenarios.HELLO)) {
                hello.computeIfAbsent(r.text("target") + " c" + r.text("connections"), k -> new ArrayList<>()).add(r);
            } else if (r.text("scenario").equals(Scenarios.STARTUP)) {
                startup.computeIfAbsent(r.text("target"), k -> new ArrayList<>()).add(r);
            }
        }
        if (hello.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Repeats side by side (hello)\n\n"
                + "Medians of the repeats measured (min–max of requests/s), as `scripts/compare-server` prints them; "
                + "PSS in MiB after start (startup) → under load (the window's mean); CPU % of one core.\n\n"
                + "| target | level | repeats | req/s median (min–max) | p99 ms | CPU µs/req | PSS MiB start → load "
                + "| processes / threads | generator CPU % | others % CPU |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Row>> e : hello.entrySet()) {
            List<Row> rows = e.getValue();
            String target = rows.getFirst().text("target");
            double[] rps = values(rows, "rps");
            double[] sorted = rps.clone();
            Arrays.sort(sorted);
            md.append("| ").append(target).append(" | c").append(rows.getFirst().text("connections")).append(" | ")
                    .append(rows.size()).append(" | ")
                    .append(sorted.length == 0 ? "" : fmt(median(rps), 0) + " (" + fmt(sorted[0], 0) + "–"
                            + fmt(sorted[sorted.length - 1], 0) + ")").append(" | ")
                    .append(fmt(median(values(rows, "p99_ms")), 2)).append(" | ")
                    .append(fmt(median(values(rows, "cpu_us_per_req")), 1)).append(" | ")
                    .append(fmt(median(values(startup.getOrDefault(target, List.of()), "pss_mb")), 1)).append(" → ")
                    .append(fmt(median(values(rows, "pss_mb")), 1)).append(" | ")
                    .append(fmt(median(values(rows, "processes")), 0)).append(" / ")
                    .append(fmt(median(values(rows, "threads")), 0)).append(" | ")
                    .append(fmt(median(values(rows, "loadgen_cpu_pct")), 0)).append(" | ")
                    .append(fmt(median(values(rows, "other_cpu_pct")), 0)).append(" |\n");
        }
        return md.toString();
    }

    private static double[] values(List<Row> rows, String column) {
        return rows.stream().filter(r -> !r.text(column).isEmpty()).mapToDouble(r -> r.num(column))
                .filter(v -> !Double.isNaN(v)).toArray();
    }

    private static double median(double[] v) {
        return v.length == 0 ? Double.NaN : Intervals.median(v);
    }

    private static String fmt(double v, int places) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + places + "f", v);
    }
}
