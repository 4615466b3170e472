package mpmbench.benchmarks.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * Compares two results folders cell by cell (scenario, target, level) and figure by figure
 * ({@link Figure}): the ratio new / base of the medians of their ok repeats, with the 95 % interval of
 * the ratio of their means (Fieller, {@link Intervals#ratio}: repeats are few, so neither a bootstrap
 * over 3 values nor a Mann–Whitney test, whose smallest two-sided p with 3 against 3 is 0.1, can say
 * anything at 95 %). A change is significant when the interval excludes 1: {@code faster} or
 * {@code slower} (for latencies and CPU per request, lower is faster). A {@code regression} is a figure
 * worse by more than the threshold with the family-wise error of the whole comparison at 5 %: the
 * one-sided test of "worse by more than the threshold" ({@link Intervals#pBeyond}) for every judged
 * figure, then Holm's step-down over all of them. A quick run has about 90 figures: asking each only
 * that its 95 % interval exclude 1 and its median pass the threshold raised 4 false regressions in an
 * A/A pair of quick runs (5 % of 88 tests, as it must), and asking each that its whole interval clear
 * the threshold still raised one in a planted-regression run on an untouched target. Cells in one run only, cells whose repeats were not
 * all judged on one side (generator-bound, invalid, saturated, failed, skipped...) and cells with fewer than 2 ok
 * repeats on a side are listed with why, never judged and never dropped.
 */
public final class RunComparison {

    public static final String FASTER = "faster";
    public static final String SLOWER = "slower";
    public static final String SAME = "no significant change";

    private RunComparison() {
    }

    /** The family-wise error rate of a comparison's regressions: all of its figures together. */
    public static final double FAMILY_ALPHA = 0.05;

    /** compare.csv rows ({@link Schemas#COMPARE}): the base's cells in order, then the new run's own. */
    public static List<Row> compare(ResultsFolder base, ResultsFolder next, double threshold) {
        Set<Cells.Key> keys = new LinkedHashSet<>(base.cells().keys());
        keys.addAll(next.cells().keys());
        List<Row.Builder> out = new ArrayList<>();
        List<Tested> tested = new ArrayList<>();
        for (Cells.Key k : keys) {
            boolean inBase = !base.cells().repeats(k).isEmpty();
            boolean inNew = !next.cells().repeats(k).isEmpty();
            if (!inBase || !inNew) {
                out.add(row(k, "").put("verdict", inBase ? "only in base" : "only in new").put("regression", false));
                continue;
            }
            for (Figure f : Figure.of(k.scenario())) {
                double[] b = base.cells().values(k, r -> r.num(f.column()));
                double[] n = next.cells().values(k, r -> r.num(f.column()));
                Row.Builder r = row(k, f.column()).put("base", Intervals.median(b)).put("base_n", Intervals.estimate(b).n())
                        .put("new", Intervals.median(n)).put("new_n", Intervals.estimate(n).n()).put("regression", false);
                String notJudged = notJudged(base, next, k, b, n);
                if (notJudged != null) {
                    out.add(r.put("verdict", notJudged));
                    continue;
                }
                // two runs: unpaired (FigureJudgment pairs builds measured in the same rounds of one run)
                FigureJudgment j = FigureJudgment.of(b, n, f.higherIsBetter(), threshold, false);
                Intervals.Ratio ratio = j.ratio();
                double pWorse = j.pWorse();
                r.put("ratio", ratio.point()).put("ci_low", ratio.low()).put("ci_high", ratio.high());
                r.put("verdict", j.verdict()).put("p_worse", Double.isNaN(pWorse) ? "" : String.format(Locale.ROOT, "%.3g", pWorse));
                out.add(r);
                tested.add(new Tested(r, Double.isNaN(pWorse) ? 1 : pWorse));
            }
        }
        holm(tested);
        return out.stream().map(Row.Builder::build).toList();
    }

    /** A judged figure's row and its {@code p_worse}. */
    record Tested(Row.Builder row, double p) {
    }

    /**
     * Holm's step-down over the judged figures: sorted by {@code p_worse}, the k-th smallest (k from 0
     * of m) is a regression while every p up to it is at most {@link #FAMILY_ALPHA} / (m − k).
     */
    static void holm(List<Tested> tested) {
        List<Tested> sorted = tested.stream().sorted(Comparator.comparingDouble(Tested::p)).toList();
        int m = sorted.size();
        boolean rejecting = true;
        for (int k = 0; k < m; k++) {
            Tested t = sorted.get(k);
            rejecting = rejecting && t.p() <= FAMILY_ALPHA / (m - k);
            t.row().put("regression", rejecting && t.row().get("verdict").equals(SLOWER));
        }
    }

    /** Why a figure of a cell is listed but not judged, or null when it is judged. */
    private static String notJudged(ResultsFolder base, ResultsFolder next, Cells.Key k, double[] b, double[] n) {
        String side = unjudged(base.cells(), k, "base");
        if (side == null) {
            side = unjudged(next.cells(), k, "new");
        }
        if (side != null) {
            return side;
        }
        int nb = Intervals.estimate(b).n();
        int nn = Intervals.estimate(n).n();
        if (nb == 0 || nn == 0) {
            // an older schema lacks the column, or no repeat had the figure
            return "not measured in " + (nb == 0 && nn == 0 ? "either" : nb == 0 ? "base" : "new");
        }
        if (nb < 2 || nn < 2) {
            return "too few repeats (base " + nb + ", new " + nn + "; 2 or more needed)";
        }
        return null;
    }

    /** "generator-bound in new (2 of 3)" when a side has repeats that are not ok, else null. */
    private static String unjudged(Cells cells, Cells.Key k, String side) {
        if (cells.ok(k).size() == cells.repeats(k).size()) {
            return null;
        }
        return cells.whyEmpty(k) + " in " + side;
    }

    /** How many figures were judged (have a ratio); 0 means the comparison has no verdict. */
    public static long judged(List<Row> rows) {
        return rows.stream().filter(r -> !r.text("ratio").isEmpty()).count();
    }

    /** Whether any row is a regression beyond the threshold. */
    public static boolean regressed(List<Row> rows) {
        return rows.stream().anyMatch(r -> r.text("regression").equals("true"));
    }

    private static Row.Builder row(Cells.Key k, String figure) {
        return Row.builder(Schemas.COMPARE).put("scenario", k.scenario()).put("target", k.target())
                .put("connections", k.connections()).put("rate", k.rate()).put("idle", k.idle()).put("figure", figure);
    }
}
