package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.claims.RatioCheck.Side;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 6, "under CPU-bound work the models converge": the fastest target's requests/s on
 * {@code /cpu} at most {@link Claims#CONVERGE} × the slowest's (java adds java-virtual). The peers
 * serve static files only, so the httpd family is not measured.
 */
final class CpuConvergence implements Claim {

    private static final String TITLE = "Under CPU-bound work the models converge: bounded by the cores, not the model";

    @Override
    public List<Row> evaluate(RunData run) {
        String threshold = String.format(Locale.ROOT, "max / min rps <= %.2f", Claims.CONVERGE);
        List<Row> out = new ArrayList<>();
        for (String f : Claims.FAMILIES) {
            Map<String, double[]> v = ClaimRow.perModel(run, f, "cpu", "rps", null, null);
            if (f.equals("java")) {
                v.put("java-virtual", run.values("cpu", "java-virtual", "rps", null, null));
            }
            List<Map.Entry<String, double[]>> measured = v.entrySet().stream()
                    .filter(e -> Intervals.estimate(e.getValue()).n() > 0)
                    .sorted(Comparator.comparingDouble(e -> Intervals.median(e.getValue()))).toList();
            if (measured.size() < 2) {
                out.add(ClaimRow.notMeasured("6", f, TITLE, "rps, cpu", ClaimRow.values(v), threshold,
                        f.equals("httpd") ? "the peers serve static files only (no /cpu)"
                                : ClaimRow.missing(run, v, "cpu", null, null)));
                continue;
            }
            Map.Entry<String, double[]> min = measured.getFirst();
            Map.Entry<String, double[]> max = measured.getLast();
            RatioCheck c = RatioCheck.of(max.getValue(), min.getValue(), Side.BELOW, Claims.CONVERGE);
            out.add(ClaimRow.of("6", f, TITLE, "rps, cpu", ClaimRow.values(v), threshold, c,
                    max.getKey() + " / " + min.getKey() + " = " + ClaimRow.ratioText(c.ratio())));
        }
        return out;
    }
}
