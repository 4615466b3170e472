package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.claims.RatioCheck.Side;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 2, "prefork is the more stable": a SIGKILLed prefork child loses at most
 * {@link Claims#CRASH_FRACTION} × the requests a killed worker or event child loses, and those lose
 * some. Lost = {@code err_read + err_write + err_closed} (requests lost with their connection; timeouts
 * are the load's, not the kill's). Both parts from intervals: the ratio's (Fieller), and "they lose
 * some" from worker's and event's own interval of lost requests ({@link RatioCheck#aboveZero}), never from a
 * median.
 */
final class CrashContainment implements Claim {

    static final ToDoubleFunction<Row> LOST = r -> r.num("err_read") + r.num("err_write") + r.num("err_closed");

    private static final String TITLE = "A crash in prefork fails fewer requests than a crash in worker or event";
    private static final String METRIC = "err_read + err_write + err_closed in the crash run (its busiest child SIGKILLed)";

    @Override
    public List<String> scenariosRead() {
        return List.of(Scenarios.CRASH);
    }

    @Override
    public List<Row> evaluate(RunData run) {
        String threshold = String.format(Locale.ROOT, "prefork <= %.1f x min(worker, event), and they fail some",
                Claims.CRASH_FRACTION);
        List<Row> out = new ArrayList<>();
        for (String f : Claims.FAMILIES) {
            Map<String, double[]> v = new LinkedHashMap<>();
            for (String m : RunData.MODELS) {
                Cells.Key k = run.cells().find(Scenarios.CRASH, Targets.name(f, m), null, null);
                v.put(Targets.name(f, m), k == null ? new double[0] : run.cells().values(k, LOST));
            }
            String missing = ClaimRow.missing(run, v, Scenarios.CRASH, null, null);
            String level = ClaimRow.level(run, f, Scenarios.CRASH, null, null);
            if (!missing.isEmpty()) {
                out.add(ClaimRow.notMeasured("2", f, level, TITLE, METRIC, ClaimRow.values(v), threshold, missing));
                continue;
            }
            double[] w = v.get(Targets.name(f, Targets.WORKER));
            double[] e = v.get(Targets.name(f, Targets.EVENT));
            double[] p = v.get(Targets.name(f, Targets.PREFORK));
            RatioCheck c = RatioCheck.all(Side.BELOW, RatioCheck.of(p, w, Side.BELOW, Claims.CRASH_FRACTION, run.level()),
                    RatioCheck.of(p, e, Side.BELOW, Claims.CRASH_FRACTION, run.level()));
            Verdict some = RatioCheck.all(Side.ABOVE, RatioCheck.aboveZero(w, run.level()), RatioCheck.aboveZero(e, run.level())).verdict();
            String note = "prefork / min(worker, event) = " + ClaimRow.ratioText(c.ratio());
            if (some == Verdict.DOES_NOT_HOLD) {
                out.add(ClaimRow.of("2", f, level, TITLE, METRIC, ClaimRow.values(v), threshold, c.ratio(),
                        Verdict.DOES_NOT_HOLD, 0, note + "; worker or event lost no request (interval [0, 0])"));
            } else if (some == Verdict.INCONCLUSIVE && c.verdict() != Verdict.DOES_NOT_HOLD) {
                out.add(ClaimRow.of("2", f, level, TITLE, METRIC, ClaimRow.values(v), threshold, c.ratio(),
                        Verdict.INCONCLUSIVE, 0, note + "; whether worker and event lose any request is not decided"
                                + " (their interval reaches 0)"));
            } else {
                out.add(ClaimRow.of("2", f, level, TITLE, METRIC, ClaimRow.values(v), threshold, c, note));
            }
        }
        return out;
    }
}
