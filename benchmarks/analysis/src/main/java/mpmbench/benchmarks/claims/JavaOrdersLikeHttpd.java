package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.PairedIntervals;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 7: our Java models order like the real httpd MPMs. For every scenario level where all six
 * ran, each pair of models (prefork–worker, prefork–event, worker–event) is placed by requests/s on each
 * side ({@link #order}): faster or slower when the ratio's 95 % interval lies beyond {@link Claims#TIE}
 * (or below its inverse), or when one answered nothing in every repeat and the other's interval lies
 * above 0 (a stall); a tie when the interval lies within [1 / {@link Claims#TIE}, {@link Claims#TIE}]
 * (equivalent: no difference as large as 10 %, the margin compare's {@code equivalent} uses); undecided
 * otherwise (an interval across a margin, or a single repeat: no interval).
 *
 * <p>Only pairs decided on both sides say anything about the claim, and they agree when both sides say
 * the same: both faster, both slower, or both tied. A decided tie against a clear order is a
 * disagreement (httpd's three MPMs serving /hello within 10 % of each other while java-prefork is clearly
 * slower than java-worker is not "the same order"). An undecided pair agrees with nothing and disagrees
 * with nothing: counting it as agreement (as this claim once did: 24/24 "agree" with 3 pairs ordered on
 * both sides) made the claim hold on noise; before 2026-12-07 a decided tie was treated like an undecided
 * pair, which left the claim inconclusive in every run, since httpd's MPMs tie at hello.
 *
 * <p>The claim is about all the pairs compared: it holds when at least 3/4 of them agree, counting an
 * undecided pair as a disagreement, does not hold when fewer than 3/4 could agree even if every undecided
 * pair agreed, and is inconclusive between: the share of all pairs placed alike lies in [agree, agree +
 * undecided] / pairs, written as the ratio's interval (the point is the share among the decided pairs).
 * Until 2026-12-07 the verdict was the share among the decided pairs alone, and so turned with which
 * pairs a run happened to decide: 5 of 5 held in one run of `full`'s claims design, 7 of 12 did not hold
 * in the run before it.
 */
final class JavaOrdersLikeHttpd implements Claim {

    /** Where one model of a pair stands against the other. */
    enum Order {
        FASTER, SLOWER, TIE, UNDECIDED
    }

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
                        Order oj = order(j.get("java-" + ma), j.get("java-" + mb), run.level());
                        Order oh = order(h.get("httpd-" + ma), h.get("httpd-" + mb), run.level());
                        pairs++;
                        if (oj != Order.UNDECIDED && oh != Order.UNDECIDED) {
                            clear++;
                            agree += oj == oh ? 1 : 0;
                        }
                    }
                }
            }
        }
        String metric = "rps order of prefork, worker, event";
        String threshold = "at least 3/4 of the model pairs placed alike (faster or slower: interval beyond 10 %; "
                + "tied: interval within 10 %), a pair undecided on a side counted against (holds) or for (does not hold)";
        if (pairs == 0) {
            return List.of(ClaimRow.notMeasured("7", "java-vs-httpd", "all", TITLE, metric, "", threshold,
                    "no scenario level where all six of java-/httpd- prefork, worker, event ran"
                            + (missing.isEmpty() ? " (none of hello, churn, idle-keepalive, large ran for java-prefork)"
                            : ": " + String.join("; ", missing))));
        }
        String values = agree + "/" + clear + " pairs decided on both sides agree (" + (pairs - clear)
                + " of " + pairs + " undecided on a side) over " + String.join(" ", seen);
        int undecided = pairs - clear;
        Verdict v = agree * 4 >= pairs * 3 ? Verdict.HOLDS
                : (agree + undecided) * 4 < pairs * 3 ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
        Intervals.Ratio share = clear == 0 ? null : new Intervals.Ratio((double) agree / clear,
                (double) agree / pairs, (double) (agree + undecided) / pairs);
        String open = v != Verdict.INCONCLUSIVE ? "" : String.format(Locale.ROOT,
                "%d of %d pairs agree and %d are undecided; 3/4 needs %d", agree, pairs, undecided, (pairs * 3 + 3) / 4);
        String note = open + (missing.isEmpty() ? "" : (open.isEmpty() ? "" : "; ") + "left out: " + String.join("; ", missing));
        return List.of(ClaimRow.of("7", "java-vs-httpd", "all", TITLE, metric, values, threshold, share, v, 0, note));
    }

    /**
     * a against b: {@link Order#FASTER} or {@link Order#SLOWER} when the paired ratio's interval lies
     * beyond {@link Claims#TIE} or below its inverse, {@link Order#TIE} when it lies within both, else
     * {@link Order#UNDECIDED} (also with one repeat: no interval). A model that answered nothing in every
     * repeat (a stall: claim 4's prefork and worker under idle connections) has no ratio to anyone, but it
     * is the clearest order there is: slower than one whose own interval lies above 0, tied with another
     * stalled one.
     */
    static Order order(double[] a, double[] b, double level) {
        Intervals.Estimate ea = Intervals.estimate(a, level);
        Intervals.Estimate eb = Intervals.estimate(b, level);
        if (ea.n() < 2 || eb.n() < 2) {
            return Order.UNDECIDED;
        }
        if (stalled(a) || stalled(b)) {
            return stalled(a) && stalled(b) ? Order.TIE : stalled(b) && ea.low() > 0 ? Order.FASTER
                    : stalled(a) && eb.low() > 0 ? Order.SLOWER : Order.UNDECIDED;
        }
        Intervals.Ratio r = PairedIntervals.byRound(a, b, 0, level);
        if (Double.isNaN(r.low()) || Double.isNaN(r.high())) {
            return Order.UNDECIDED;
        }
        if (r.low() > Claims.TIE) {
            return Order.FASTER;
        }
        if (r.high() < 1 / Claims.TIE) {
            return Order.SLOWER;
        }
        return r.low() >= 1 / Claims.TIE && r.high() <= Claims.TIE ? Order.TIE : Order.UNDECIDED;
    }

    /** Every repeat with a value answered nothing. */
    private static boolean stalled(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).allMatch(v -> v == 0);
    }
}
