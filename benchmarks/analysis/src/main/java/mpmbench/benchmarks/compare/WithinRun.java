package mpmbench.benchmarks.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import mpmbench.benchmarks.catalogue.Design;
import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.PairedIntervals;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.results.SequentialLooks;

/**
 * {@code compare DIR}: one run of {@code suite --baseline} judged within itself, each {@code java-X} cell
 * (new) against its {@code base:java-X} cell (base), figure by figure, paired by round: the interval is
 * {@link PairedIntervals}' over the rounds in which both were ok (a round that is not ok on one side, e.g.
 * disturbed, drops out as a pair; fewer than 2 pairs: not judged), the regression test its paired t-test,
 * then Holm's step-down over every judged figure as {@link RunComparison} does. Rows name the new
 * target; cells without a base counterpart (the peers) are not compared. Stateless.
 */
final class WithinRun {

    /** What compare.md says of its intervals in this mode. */
    static final String INTERVAL_NOTE = "Within one run of suite --baseline: new = java-X, base = base:java-X, "
            + "measured in the same rounds (ABBA). Ratio = the geometric mean of the per-round ratios new / base; "
            + "interval = 95 %, paired by round (Student's t over the per-round log-ratios, exponentiated; with "
            + "suite --until-decided, at 1 - 5 % / looks, Bonferroni over its looks).";

    private WithinRun() {
    }

    /**
     * What compare.md says of its intervals for this run: {@link #INTERVAL_NOTE}, or, for a run of
     * {@code suite --duet}, the design env.csv names ({@link Design#describe}) with the same method.
     */
    static String intervalNote(ResultsFolder run) {
        if (!Design.isDuet(run.env())) {
            return INTERVAL_NOTE;
        }
        return "Within one run of suite --baseline --duet: new = java-X, base = base:java-X. Design: "
                + Design.describe(run.env()) + ". Ratio = the geometric mean of the per-round ratios new / base; "
                + "interval = 95 %, paired by round (Student's t over the per-round log-ratios, exponentiated; with "
                + "suite --until-decided, at 1 - 5 % / looks, Bonferroni over its looks).";
    }

    /** True when the run has cells of a base build ({@code base:} targets). */
    static boolean hasBase(ResultsFolder run) {
        return run.cells().keys().stream().anyMatch(k -> k.target().startsWith(Targets.BASE_PREFIX));
    }

    /**
     * env.csv's key for the most looks {@code suite --until-decided} may take at the data: each look's
     * intervals are at 1 − 5 % / looks and each p_worse is multiplied by the looks (Bonferroni over the looks),
     * so that stopping when a figure looks decided keeps the error at 5 %. Absent: one look.
     */
    public static final String LOOKS_KEY = SequentialLooks.KEY;

    /** The most looks recorded in env.csv ({@link #LOOKS_KEY}), 1 when none. */
    static int looks(ResultsFolder run) {
        return SequentialLooks.of(run.env());
    }

    /** compare.csv rows ({@link Schemas#COMPARE}) for every cell of a target that has a base counterpart. */
    static List<Row> compare(ResultsFolder run, double threshold) {
        return compare(run, threshold, looks(run));
    }

    /** As above, with each of {@code looks} looks at 5 % / looks (Bonferroni). */
    static List<Row> compare(ResultsFolder run, double threshold, int looks) {
        Cells cells = run.cells();
        double level = SequentialLooks.level(looks);
        List<Row.Builder> out = new ArrayList<>();
        List<RunComparison.Tested> tested = new ArrayList<>();
        for (Cells.Key k : cells.keys()) {
            Cells.Key b = new Cells.Key(k.scenario(), Targets.BASE_PREFIX + k.target(), k.connections(), k.rate(), k.idle());
            if (k.target().startsWith(Targets.BASE_PREFIX) || cells.repeats(b).isEmpty()) {
                continue;
            }
            for (Figure f : Figure.of(k.scenario())) {
                Map<Long, Double> base = byRound(cells, b, f.column());
                Map<Long, Double> next = byRound(cells, k, f.column());
                Row.Builder r = Row.builder(Schemas.COMPARE).put("scenario", k.scenario()).put("target", k.target())
                        .put("connections", k.connections()).put("rate", k.rate()).put("idle", k.idle())
                        .put("figure", f.column()).put("base", median(base)).put("base_n", base.size())
                        .put("new", median(next)).put("new_n", next.size()).put("regression", false);
                double[] logs = logRatios(next, base);
                String notJudged = logs.length >= 2 ? null : "too few paired rounds (" + logs.length
                        + " with a value on both sides; 2 or more needed; base: " + why(cells, b, f.column()) + "; new: "
                        + why(cells, k, f.column()) + ")";
                if (notJudged != null) {
                    out.add(r.put("verdict", notJudged));
                    continue;
                }
                Intervals.Ratio ratio = PairedIntervals.ofLogRatios(logs, logs.length, level);
                r.put("ratio", ratio.point()).put("ci_low", ratio.low()).put("ci_high", ratio.high());
                boolean up = ratio.low() > 1;
                boolean down = ratio.high() < 1;
                String verdict = !up && !down ? RunComparison.SAME : up == f.higherIsBetter() ? RunComparison.FASTER
                        : RunComparison.SLOWER;
                double pWorse = Math.min(1, looks * (f.higherIsBetter() ? PairedIntervals.pBeyondLogRatios(logs, 1 - threshold, false)
                        : PairedIntervals.pBeyondLogRatios(logs, 1 + threshold, true)));
                r.put("verdict", verdict).put("p_worse", String.format(Locale.ROOT, "%.3g", pWorse));
                out.add(r);
                tested.add(new RunComparison.Tested(r, pWorse));
            }
        }
        RunComparison.holm(tested);
        return out.stream().map(Row.Builder::build).toList();
    }

    /** The figure of each ok round of a cell, by round (NaN and missing values left out). */
    private static Map<Long, Double> byRound(Cells cells, Cells.Key k, String column) {
        Map<Long, Double> v = new TreeMap<>();
        for (Row r : cells.ok(k)) {
            double x = r.num(column);
            if (Double.isFinite(x)) {
                v.put(Math.round(r.num("repeat")), x);
            }
        }
        return v;
    }

    /**
     * Why one side of a cell gives few values of a figure: the statuses of its rounds that are not judged,
     * and its judged rounds without a value above 0 (a stalled round answers nothing: no req/s to divide).
     */
    static String why(Cells cells, Cells.Key k, String column) {
        List<String> parts = new ArrayList<>();
        String excluded = cells.whyEmpty(k);
        if (!excluded.isEmpty()) {
            parts.add(excluded);
        }
        List<Row> ok = cells.ok(k);
        Map<String, Long> without = ok.stream().filter(r -> !(r.num(column) > 0))
                .collect(Collectors.groupingBy(r -> Cells.status(r).toString(), TreeMap::new, Collectors.counting()));
        if (!without.isEmpty()) {
            long n = without.values().stream().mapToLong(Long::longValue).sum();
            parts.add(n + " of " + ok.size() + " judged rounds without " + column + " above 0 ("
                    + without.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
        }
        return parts.isEmpty() ? "all ok" : String.join("; ", parts);
    }

    private static double[] logRatios(Map<Long, Double> next, Map<Long, Double> base) {
        return next.entrySet().stream().filter(e -> base.containsKey(e.getKey()) && e.getValue() > 0 && base.get(e.getKey()) > 0)
                .mapToDouble(e -> Math.log(e.getValue() / base.get(e.getKey()))).toArray();
    }

    private static double median(Map<Long, Double> v) {
        return Intervals.median(v.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
}
