package mpmbench.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.results.JmhResults.Result;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;

/**
 * report.md's "Microbenchmarks" section, from jmh.csv (and memory.csv) alone: every primary JMH result
 * with its 99.9 % error and unit, the sampled median and the gc profiler's B/op where the run has
 * them, memory per unit, the micro charts, and why there is nothing when there is nothing (env.csv's
 * {@code micro} key says whether the suite's micro pass ran, failed or was not asked for).
 */
final class MicroMarkdown {

    private MicroMarkdown() {
    }

    static void render(StringBuilder md, JmhResults jmh, List<Row> memory, String microStatus, Map<String, String> charts) {
        md.append("## Microbenchmarks\n\n");
        if (!microStatus.isEmpty()) {
            md.append("Micro pass: ").append(cell(microStatus)).append(".\n\n");
        }
        if (jmh.isEmpty()) {
            md.append("No jmh.csv in this folder: `mpmbench suite full` (or `--micro`) runs a short micro pass, "
                    + "`mpmbench micro --out DIR` a full one.\n\n");
            return;
        }
        md.append("From jmh.csv: the score is JMH's (average time, sampled time or single shot), ± the half-width of "
                + "its 99.9 % confidence interval (empty with fewer than 2 samples); median = the sampled p0.50; B/op from "
                + "`-prof gc`. Short passes (the suite's) have wide errors: read the orders of magnitude.\n\n"
                + "| benchmark | parameters | mode | score | ± error | unit | median | B/op |\n"
                + "|---|---|---|---:|---:|---|---:|---:|\n");
        for (Result r : jmh.primary()) {
            String median = jmh.secondary(r, "p0.50").map(m -> num(m.score())).orElse("");
            String alloc = jmh.secondary(r, "gc.alloc.rate.norm").map(m -> num(m.score())).orElse("");
            md.append("| ").append(r.bench()).append(" | ").append(cell(r.paramText())).append(" | ").append(r.mode())
                    .append(" | ").append(num(r.score())).append(" | ").append(Double.isNaN(r.error()) ? "" : num(r.error()))
                    .append(" | ").append(r.unit()).append(" | ").append(median).append(" | ").append(alloc).append(" |\n");
        }
        if (!memory.isEmpty()) {
            md.append("\nMemory per unit (memory.csv, KiB; a child JVM's whole RSS/PSS, a thread's growth of its JVM's):\n\n"
                    + "| unit | count | RSS KiB | PSS KiB | heap KiB |\n|---|---:|---:|---:|---:|\n");
            for (Row m : memory) {
                md.append("| ").append(cell(m.text("unit"))).append(" | ").append(m.text("count")).append(" | ")
                        .append(ReportMarkdown.short3(m.text("rss_kb_per_unit"))).append(" | ")
                        .append(ReportMarkdown.short3(m.text("pss_kb_per_unit"))).append(" | ")
                        .append(ReportMarkdown.short3(m.text("heap_kb_per_unit"))).append(" |\n");
            }
        }
        md.append('\n');
        charts.forEach((stem, caption) -> md.append("**").append(caption).append("** (charts/").append(stem)
                .append(".svg)\n\n![").append(stem).append("](charts/").append(stem).append(".png)\n\n"));
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : ReportMarkdown.short3(String.format(Locale.ROOT, "%.3f", d));
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
