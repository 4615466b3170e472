package mpmbench.benchmarks.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.IntervalText;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** Builds claims.csv rows ({@link Schemas#CLAIMS}) and the text of their values. */
final class ClaimRow {

    private ClaimRow() {
    }

    static Row of(String id, String family, String level, String title, String metric, String values,
                  String threshold, RatioCheck check, String note) {
        return of(id, family, level, title, metric, values, threshold, check.ratio(), check.verdict(),
                check.verdict() == Verdict.INCONCLUSIVE ? check.repeatsNeeded() : 0, note);
    }

    static Row of(String id, String family, String level, String title, String metric, String values,
                  String threshold, Intervals.Ratio ratio, Verdict verdict, int repeatsNeeded, String note) {
        Row.Builder b = Row.builder(Schemas.CLAIMS).put("claim", id).put("family", family).put("level", level)
                .put("title", title).put("metric", metric).put("values", values).put("threshold", threshold)
                .put("verdict", verdict.text()).put("note", note);
        if (ratio != null) {
            b.put("ratio", bound(ratio.point())).put("ratio_ci_low", bound(ratio.low()))
                    .put("ratio_ci_high", bound(ratio.high()));
            if (!Double.isNaN(ratio.low())) {
                b.put("ratio_method", ratio.method().text());
            }
        }
        if (repeatsNeeded > 0) {
            b.put("repeats_needed", repeatsNeeded);
        }
        return b.build();
    }

    static Row notMeasured(String id, String family, String level, String title, String metric, String values,
                           String threshold, String why) {
        return of(id, family, level, title, metric, values, threshold, null, Verdict.NOT_MEASURED, 0, why);
    }

    /**
     * A bound as claims.csv writes it: an unbounded Fieller interval is {@code inf}/{@code -inf}, written
     * here rather than left to the number format, so that it is never an empty ("not measured") cell.
     */
    static Object bound(double d) {
        return Double.isInfinite(d) ? num(d) : (Object) d;
    }

    /** "java-prefork=41.2 [39.8, 42.6] (n=3); ...": each target's median with its interval. */
    static String values(Map<String, double[]> byTarget) {
        return byTarget.entrySet().stream().map(e -> e.getKey() + "=" + estimate(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** "41.200 [39.800, 42.600] (n=3)", a low bound stopped at 0 marked ({@link IntervalText}); "n/a" without values. */
    static String estimate(double[] v) {
        return IntervalText.withRepeats(Intervals.estimate(v), ClaimRow::num);
    }

    /** "1.23 [1.10, 1.37]", "0.373 [0.000*, 1.340]" (low bound clipped at 0), or "1.23" without bounds. */
    static String ratioText(Intervals.Ratio r) {
        return num(r.point()) + (Double.isNaN(r.low()) ? "" : " [" + num(r.low())
                + (Intervals.clippedAtZero(r.low(), r.high()) ? IntervalText.CLIPPED : "") + ", " + num(r.high()) + "]");
    }

    static String num(double d) {
        return Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%.3f", d);
    }

    /** The targets of a family's models, e.g. java-prefork, java-worker, java-event. */
    static Map<String, double[]> perModel(RunData run, String family, String scenario, String column, Long connections,
                                          Long idle) {
        Map<String, double[]> v = new LinkedHashMap<>();
        for (String m : RunData.MODELS) {
            v.put(Targets.name(family, m), run.values(scenario, Targets.name(family, m), column, connections, idle));
        }
        return v;
    }

    /**
     * The level of the cells a family's claim reads ("c256", "c16-i2000"): that of the first of its
     * models' cells that ran; "" when none did.
     */
    static String level(RunData run, String family, String scenario, Long connections, Long idle) {
        for (String m : RunData.MODELS) {
            Cells.Key k = run.cells().find(scenario, Targets.name(family, m), connections, idle);
            if (k != null) {
                return k.level();
            }
        }
        return "";
    }

    /** Targets with no value, with why: "no ok result for java-prefork hello c256: generator-bound (3 of 3)". */
    static String missing(RunData run, Map<String, double[]> v, String scenario, Long connections, Long idle) {
        List<String> m = v.entrySet().stream().filter(e -> Intervals.estimate(e.getValue()).n() == 0)
                .map(e -> run.whyEmpty(scenario, e.getKey(), connections, idle)).toList();
        return m.isEmpty() ? "" : "no ok result for " + String.join("; ", m);
    }
}
