package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.claims.RatioCheck.Side;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.PairedIntervals;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 6, "under CPU-bound work the models converge": no target's requests/s on {@code /cpu} above
 * {@link Claims#CONVERGE} × another's (java adds java-virtual). The httpd peers serve {@code /cpu} through
 * mod_lua (the same loop, {@code scripts/peers/cpu.lua}; about 18× our cost per round in Lua's
 * interpreter), so each family is compared within itself.
 *
 * <p><b>Why every pair, and Holm.</b> Taking the fastest and the slowest median and testing their
 * ratio as if that pair had been chosen in advance overstates the spread (the extremes of four noisy
 * medians are further apart than the true extremes) and can miss a pair that does not converge. So
 * every ordered pair a/b of the measured targets is tested (12 for four targets):
 * <ul>
 *   <li><b>holds</b> when every pair's 95 % interval lies at or below the threshold: each of them
 *       must be shown, so no correction is needed (an intersection–union test is at the level of its
 *       parts);</li>
 *   <li><b>does not hold</b> when Holm's step-down over the pairs' one-sided p-values of "a/b is above
 *       the threshold" ({@link PairedIntervals#pBeyondByRound}) rejects at least one at 2.5 % (the one side of the
 *       95 % intervals everywhere else): the correction for having looked at every pair, the extremes
 *       included;</li>
 *   <li><b>inconclusive</b> otherwise.</li>
 * </ul>
 * The ratio shown is the pair that decides: the one Holm rejects with the smallest p-value, else the
 * pair whose interval reaches highest.
 */
final class CpuConvergence implements Claim {

    /** One-sided family-wise level of the "does not hold" test: the upper side of a 95 % interval. */
    static final double ALPHA = alpha(Intervals.LEVEL);

    /** The one-sided level that goes with two-sided intervals at {@code level} ({@link RunData#level}). */
    static double alpha(double level) {
        return (1 - level) / 2;
    }

    private static final String TITLE = "Under CPU-bound work the models converge: bounded by the cores, not the model";

    private record Pair(String a, String b, RatioCheck check, double p) {
    }

    @Override
    public List<String> scenariosRead() {
        return List.of(Scenarios.CPU);
    }

    @Override
    public List<Row> evaluate(RunData run) {
        String threshold = String.format(Locale.ROOT, "max / min rps <= %.2f over every pair (Holm)", Claims.CONVERGE);
        List<Row> out = new ArrayList<>();
        for (String f : Claims.FAMILIES) {
            Map<String, double[]> v = ClaimRow.perModel(run, f, Scenarios.CPU, "rps", null, null);
            if (f.equals(Targets.JAVA)) {
                String virtual = Targets.name(f, Targets.VIRTUAL);
                v.put(virtual, run.values(Scenarios.CPU, virtual, "rps", null, null));
            }
            String level = ClaimRow.level(run, f, Scenarios.CPU, null, null);
            List<String> measured = v.keySet().stream().filter(t -> Intervals.estimate(v.get(t)).n() > 0).toList();
            if (measured.size() < 2) {
                out.add(ClaimRow.notMeasured("6", f, level, TITLE, "rps, cpu", ClaimRow.values(v), threshold,
                        ClaimRow.missing(run, v, Scenarios.CPU, null, null)));
                continue;
            }
            List<Pair> pairs = new ArrayList<>();
            for (String a : measured) {
                for (String b : measured) {
                    if (!a.equals(b)) {
                        double p = PairedIntervals.pBeyondByRound(v.get(a), v.get(b), Claims.CONVERGE, true);
                        pairs.add(new Pair(a, b, RatioCheck.of(v.get(a), v.get(b), Side.BELOW, Claims.CONVERGE, run.level()), p));
                    }
                }
            }
            out.add(verdict(f, level, v, threshold, pairs, alpha(run.level())));
        }
        return out;
    }

    private static Row verdict(String f, String level, Map<String, double[]> v, String threshold, List<Pair> pairs,
                               double alpha) {
        List<Pair> rejected = holm(pairs, alpha);
        Pair shown;
        Verdict verdict;
        if (!rejected.isEmpty()) {
            shown = rejected.getFirst();
            verdict = Verdict.DOES_NOT_HOLD;
        } else {
            shown = pairs.stream().max(Comparator.comparingDouble(p -> highOrInfinity(p.check()))).orElseThrow();
            verdict = pairs.stream().allMatch(p -> p.check().verdict() == Verdict.HOLDS) ? Verdict.HOLDS
                    : Verdict.INCONCLUSIVE;
        }
        String note = shown.a() + " / " + shown.b() + " = " + ClaimRow.ratioText(shown.check().ratio())
                + String.format(Locale.ROOT, " (%d pairs, Holm; smallest p of a pair above %.2f = %s)", pairs.size(),
                Claims.CONVERGE,
                pairs.stream().mapToDouble(Pair::p).filter(p -> !Double.isNaN(p)).min().stream()
                        .mapToObj(p -> String.format(Locale.ROOT, "%.2g", p)).findFirst().orElse("n/a"));
        return ClaimRow.of("6", f, level, TITLE, "rps, cpu", ClaimRow.values(v), threshold, shown.check().ratio(),
                verdict, verdict == Verdict.INCONCLUSIVE ? shown.check().repeatsNeeded() : 0, note);
    }

    /**
     * Holm's step-down at {@code alpha} ({@link #ALPHA} in a run of one look): the pairs by ascending p-value, the i-th (from 0) rejected
     * while p ≤ α / (m − i); the rejected ones, smallest p first. A NaN p-value (one repeat) is never
     * rejected but counts in m.
     */
    private static List<Pair> holm(List<Pair> pairs, double alpha) {
        List<Pair> sorted = pairs.stream().sorted(Comparator.comparingDouble(
                p -> Double.isNaN(p.p()) ? Double.POSITIVE_INFINITY : p.p())).toList();
        List<Pair> rejected = new ArrayList<>();
        int m = sorted.size();
        for (int i = 0; i < m && sorted.get(i).p() <= alpha / (m - i); i++) {
            rejected.add(sorted.get(i));
        }
        return rejected;
    }

    private static double highOrInfinity(RatioCheck c) {
        return Double.isNaN(c.ratio().high()) ? Double.POSITIVE_INFINITY : c.ratio().high();
    }
}
