package mpmbench.benchmarks.compare;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import mpmbench.benchmarks.results.Numbers;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;

/**
 * compare's Markdown, fit for a pull request or a CI job summary: a verdict line, the regressions
 * and other significant changes, every figure judged, and the cells listed but not judged.
 */
final class CompareMarkdown {

    private CompareMarkdown() {
    }

    static String render(ResultsFolder base, ResultsFolder next, List<Row> rows, double threshold) {
        return render(base, next, rows, threshold, FIELLER);
    }

    /** What the intervals of two folders' comparison are. */
    static final String FIELLER = "Ratio = new / base of the medians; interval = 95 % (Fieller, ratio of the repeats' means).";

    /** As above, with {@code intervals} saying how the ratios and intervals were taken ({@link WithinRun#INTERVAL_NOTE}). */
    static String render(ResultsFolder base, ResultsFolder next, List<Row> rows, double threshold, String intervals) {
        long judged = RunComparison.judged(rows);
        long faster = count(rows, r -> r.text("verdict").equals(RunComparison.FASTER));
        long slower = count(rows, r -> r.text("verdict").equals(RunComparison.SLOWER));
        long regressions = count(rows, r -> r.text("regression").equals("true"));
        StringBuilder md = new StringBuilder("## mpmbench compare\n\n");
        md.append("Base `").append(base.dir().getFileName()).append("` (").append(base.env().getOrDefault("run_id", "?"))
                .append(", ").append(base.env().getOrDefault("repeat_kind", "")).append(") against new `")
                .append(next.dir().getFileName()).append("` (").append(next.env().getOrDefault("run_id", "?")).append(").\n\n");
        if (judged == 0) {
            md.append(nothingJudged(rows)).append("\n\n");
        } else {
            md.append(regressions > 0 ? "**" + regressions + " regression(s)** beyond " : "**No regression** beyond ")
                    .append(pct(threshold)).append(String.format(Locale.ROOT,
                            ". %d figures judged: %d faster, %d slower, %d without a significant change; %d listed, not "
                                    + "judged.%n%n", judged, faster, slower, judged - faster - slower, rows.size() - judged));
        }
        md.append(intervals).append(" A change "
                + "is significant when its interval excludes 1; for latencies and CPU per request lower is faster. A "
                + "regression is a figure worse by more than the threshold at a 5 % family-wise error over every figure "
                + "judged here (one-sided tests, Holm's step-down): with about 90 figures, one in twenty would pass 95 % "
                + "by chance.\n\n");
        table(md, "Significant changes", rows, r -> !r.text("verdict").equals(RunComparison.SAME) && !r.text("ratio").isEmpty());
        table(md, "Every figure judged", rows, r -> !r.text("ratio").isEmpty());
        List<Row> notJudged = rows.stream().filter(r -> r.text("ratio").isEmpty()).toList();
        if (!notJudged.isEmpty()) {
            md.append("### Listed, not judged\n\n");
            notJudged.forEach(r -> md.append("- ").append(cell(r)).append(r.text("figure").isEmpty() ? "" : " " + r.text("figure"))
                    .append(": ").append(r.text("verdict")).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    /**
     * The verdict line of a comparison without a judged figure: "**Nothing judged**: ..." with the
     * reasons its rows were not judged and how many of each (never "No regression").
     */
    static String nothingJudged(List<Row> rows) {
        java.util.Map<String, Long> why = rows.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.text("verdict").replaceAll(" \\(.*", ""), java.util.LinkedHashMap::new,
                java.util.stream.Collectors.counting()));
        return "**Nothing judged**: no figure could be compared, so there is no verdict"
                + (why.isEmpty() ? " (no cell in either run)." : " (" + why.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ").");
    }

    /** The claims of both runs, lost ones and warnings first; "" when the runs have no claims.csv. */
    static String claims(List<ClaimChanges> claims) {
        if (claims.isEmpty()) {
            return "";
        }
        long lost = claims.stream().filter(c -> c.outcome().equals(ClaimChanges.LOST)).count();
        long warnings = claims.stream().filter(c -> c.outcome().equals(ClaimChanges.WARNING)).count();
        StringBuilder md = new StringBuilder("### Claims\n\n");
        md.append(lost == 0 && warnings == 0 ? "Every claim that holds in the base still holds.\n\n"
                : lost + " claim(s) that hold in the base do not hold now; " + warnings
                        + " no longer decided (inconclusive or not measured: a warning).\n\n");
        md.append("| claim | base | new | |\n|---|---|---|---|\n");
        claims.stream().sorted(java.util.Comparator.comparingInt(c -> c.outcome().equals(ClaimChanges.LOST) ? 0
                        : c.outcome().equals(ClaimChanges.WARNING) ? 1 : 2))
                .forEach(c -> md.append("| ").append(c.claim()).append(" | ").append(c.base()).append(" | ")
                        .append(c.next()).append(" | ").append(c.outcome().equals(ClaimChanges.LOST) ? "**lost**"
                                : c.outcome().equals(ClaimChanges.WARNING) ? "warning" : "").append(" |\n"));
        return md.append('\n').toString();
    }

    private static void table(StringBuilder md, String title, List<Row> rows, Predicate<Row> which) {
        List<Row> chosen = rows.stream().filter(which).toList();
        md.append("### ").append(title).append("\n\n");
        if (chosen.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| cell | figure | base | new | new / base [95 %] | verdict |\n|---|---|---:|---:|---:|---|\n");
        for (Row r : chosen) {
            md.append("| ").append(cell(r)).append(" | ").append(r.text("figure")).append(" | ")
                    .append(Numbers.short3(r.text("base"))).append(" (n=").append(r.text("base_n")).append(") | ")
                    .append(Numbers.short3(r.text("new"))).append(" (n=").append(r.text("new_n")).append(") | ")
                    .append(Numbers.short3(r.text("ratio"))).append(" [").append(Numbers.short3(r.text("ci_low"))).append(", ")
                    .append(Numbers.short3(r.text("ci_high"))).append("] | ")
                    .append(r.text("regression").equals("true") ? "**" + r.text("verdict") + ", regression**" : r.text("verdict"))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String cell(Row r) {
        long rate = (long) r.num("rate");
        long idle = (long) r.num("idle");
        return r.text("scenario") + " " + r.text("target") + " c" + (long) r.num("connections")
                + (rate > 0 ? "-r" + rate : "") + (idle > 0 ? "-i" + idle : "");
    }

    private static long count(List<Row> rows, Predicate<Row> p) {
        return rows.stream().filter(p).count();
    }

    static String pct(double fraction) {
        return Numbers.short3(fraction * 100) + " %";
    }
}
