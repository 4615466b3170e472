package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 7: our Java models order like the real httpd MPMs. For every scenario level where all six
 * ran, each pair of models (prefork–worker, prefork–event, worker–event) is ordered by requests/s on
 * each side: a clear order when the ratio's 95 % interval lies beyond {@link Claims#TIE} (or below its
 * inverse), a tie otherwise. A pair disagrees only when both sides have a clear order and the orders
 * differ; the claim holds when at least 3/4 of the pairs agree.
 */
final class JavaOrdersLikeHttpd implements Claim {

    private static final String TITLE = "Our Java models order like the real httpd MPMs in the same scenarios";
    private static final List<String> SCENARIOS = List.of("hello", "churn", "idle-keepalive", "large");

    @Override
    public List<Row> evaluate(RunData run) {
        int agree = 0;
        int pairs = 0;
        int clear = 0;
        List<String> seen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            boolean idle = scenario.equals("idle-keepalive");
            for (Cells.Key k : run.cells().keys()) {
                if (!k.scenario().equals(scenario) || !k.target().equals("java-prefork")) {
                    continue;
                }
                Long conns = idle ? null : k.connections();
                Long idleLevel = idle ? k.idle() : null;
                Map<String, double[]> j = ClaimRow.perModel(run, "java", scenario, "rps", conns, idleLevel);
                Map<String, double[]> h = ClaimRow.perModel(run, "httpd", scenario, "rps", conns, idleLevel);
                String gap = (ClaimRow.missing(run, j, scenario, conns, idleLevel) + " "
                        + ClaimRow.missing(run, h, scenario, conns, idleLevel)).trim();
                if (!gap.isEmpty()) {
                    missing.add(gap);
                    continue;
                }
                seen.add(scenario + "@" + k.level());
                for (int a = 0; a < 3; a++) {
                    for (int b = a + 1; b < 3; b++) {
                        String ma = RunData.MODELS.get(a);
                        String mb = RunData.MODELS.get(b);
                        int oj = order(j.get("java-" + ma), j.get("java-" + mb));
                        int oh = order(h.get("httpd-" + ma), h.get("httpd-" + mb));
                        pairs++;
                        clear += oj != 0 && oh != 0 ? 1 : 0;
                        agree += oj == 0 || oh == 0 || oj == oh ? 1 : 0;
                    }
                }
            }
        }
        String metric = "rps order of prefork, worker, event";
        String threshold = "at least 3/4 of the model pairs in the same order (a pair whose interval does not clear 10 % is a tie)";
        if (pairs == 0) {
            return List.of(ClaimRow.notMeasured("7", "java-vs-httpd", TITLE, metric, "", threshold,
                    "no scenario level where all six of java-/httpd- prefork, worker, event ran"
                            + (missing.isEmpty() ? " (none of hello, churn, idle-keepalive, large ran for java-prefork)"
                            : ": " + String.join("; ", missing))));
        }
        String values = agree + "/" + pairs + " pairs agree (" + clear + " with a clear order on both sides) over "
                + String.join(" ", seen);
        Intervals.Ratio share = new Intervals.Ratio((double) agree / pairs, Double.NaN, Double.NaN);
        return List.of(ClaimRow.of("7", "java-vs-httpd", TITLE, metric, values, threshold, share,
                agree * 4 >= pairs * 3 ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, 0,
                missing.isEmpty() ? "" : "left out: " + String.join("; ", missing)));
    }

    /** +1 when a is clearly faster than b, -1 when clearly slower, 0 for a tie. */
    private static int order(double[] a, double[] b) {
        Intervals.Ratio r = Intervals.ratio(a, b);
        if (Double.isNaN(r.low())) {
            r = new Intervals.Ratio(r.point(), r.point(), r.point()); // one repeat: the point decides
        }
        if (r.low() > Claims.TIE) {
            return 1;
        }
        if (r.high() < 1 / Claims.TIE) {
            return -1;
        }
        return 0;
    }
}
