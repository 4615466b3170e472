package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.PairedIntervals;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 7: our Java models order like the real httpd MPMs. For every scenario level where all six
 * ran, each pair of models (prefork–worker, prefork–event, worker–event) is ordered by requests/s on
 * each side: a clear order when the ratio's 95 % interval lies beyond {@link Claims#TIE} (or below its
 * inverse), undecided otherwise (a tie, a straddling interval, or a single repeat: no interval). Only
 * pairs ordered on both sides say anything about the claim: a tie on one side agrees with no order and
 * disagrees with none, so counting it as agreement (as this claim once did: 24/24 "agree" with 3 pairs
 * ordered on both sides) makes the claim hold on noise. The claim holds when at least 3/4 of the pairs
 * ordered on both sides agree, does not hold when fewer do, and is inconclusive with fewer than
 * {@link #MIN_ORDERED} such pairs.
 */
final class JavaOrdersLikeHttpd implements Claim {

    /** Fewer pairs ordered on both sides than this decide nothing. */
    static final int MIN_ORDERED = 3;

    private static final String TITLE = "Our Java models order like the real httpd MPMs in the same scenarios";
    private static final List<String> SCENARIOS = List.of(Scenarios.HELLO, Scenarios.CHURN, Scenarios.IDLE_KEEPALIVE, Scenarios.LARGE);

    @Override
    public List<String> scenariosRead() {
        return SCENARIOS;
    }

    @Override
    public List<Row> evaluate(RunData run) {
        int agree = 0;
        int pairs = 0;
        int clear = 0;
        List<String> seen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            boolean idle = scenario.equals(Scenarios.IDLE_KEEPALIVE);
            for (Cells.Key k : run.cells().keys()) {
                if (!k.scenario().equals(scenario) || !k.target().equals(Targets.name(Targets.JAVA, Targets.PREFORK))) {
                    continue;
                }
                Long conns = idle ? null : k.connections();
                Long idleLevel = idle ? k.idle() : null;
                Map<String, double[]> j = ClaimRow.perModel(run, Targets.JAVA, scenario, "rps", conns, idleLevel);
                Map<String, double[]> h = ClaimRow.perModel(run, Targets.HTTPD, scenario, "rps", conns, idleLevel);
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
                        int oj = order(j.get("java-" + ma), j.get("java-" + mb), run.level());
                        int oh = order(h.get("httpd-" + ma), h.get("httpd-" + mb), run.level());
                        pairs++;
                        if (oj != 0 && oh != 0) {
                            clear++;
                            agree += oj == oh ? 1 : 0;
                        }
                    }
                }
            }
        }
        String metric = "rps order of prefork, worker, event";
        String threshold = "at least 3/4 of the model pairs ordered on both sides (interval beyond 10 %) in the same order, "
                + "at least " + MIN_ORDERED + " such pairs";
        if (pairs == 0) {
            return List.of(ClaimRow.notMeasured("7", "java-vs-httpd", "all", TITLE, metric, "", threshold,
                    "no scenario level where all six of java-/httpd- prefork, worker, event ran"
                            + (missing.isEmpty() ? " (none of hello, churn, idle-keepalive, large ran for java-prefork)"
                            : ": " + String.join("; ", missing))));
        }
        String values = agree + "/" + clear + " pairs ordered on both sides agree (" + (pairs - clear)
                + " of " + pairs + " undecided on a side) over " + String.join(" ", seen);
        Verdict v = clear < MIN_ORDERED ? Verdict.INCONCLUSIVE
                : agree * 4 >= clear * 3 ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD;
        Intervals.Ratio share = clear == 0 ? null : new Intervals.Ratio((double) agree / clear, Double.NaN, Double.NaN);
        String note = (clear < MIN_ORDERED ? "fewer than " + MIN_ORDERED + " pairs ordered on both sides" : "")
                + (missing.isEmpty() ? "" : (clear < MIN_ORDERED ? "; " : "") + "left out: " + String.join("; ", missing));
        return List.of(ClaimRow.of("7", "java-vs-httpd", "all", TITLE, metric, values, threshold, share, v, 0, note));
    }

    /** +1 when a is clearly faster than b, -1 when clearly slower, 0 when undecided (one repeat: no interval). */
    private static int order(double[] a, double[] b, double level) {
        Intervals.Ratio r = PairedIntervals.byRound(a, b, 0, level);
        if (Double.isNaN(r.low()) || Double.isNaN(r.high())) {
            return 0;
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
