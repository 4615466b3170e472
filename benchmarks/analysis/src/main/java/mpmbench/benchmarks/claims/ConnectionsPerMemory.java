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
 * Claim 3: worker and event hold at least {@link Claims#CONNS_PER_MB} × the simultaneous connections
 * per MiB of PSS that prefork holds. Connections held = the idle ones answered and not closed, plus the
 * active ones. The metric depends on the idle level (httpd-prefork's few processes hold 300 idle
 * connections on little memory; at 2,000 and 10,000 its MaxRequestWorkers caps what it holds), so the
 * claim is decided at every idle-keepalive level the run has, one row per level, named in
 * {@code level}: a quick run (300 idle) and a full one (300, 2,000, 10,000) share the 300 row and
 * cannot contradict each other silently.
 */
final class ConnectionsPerMemory implements Claim {

    static final ToDoubleFunction<Row> SERVED = r -> Math.max(0, r.num("idle_answered") - r.num("idle_closed"))
            + r.num("connections");

    private static final String TITLE = "Worker and event hold more simultaneous connections than prefork for the same memory";

    @Override
    public List<String> scenariosRead() {
        return List.of(Scenarios.IDLE_KEEPALIVE);
    }

    @Override
    public List<Row> evaluate(RunData run) {
        List<Long> levels = run.cells().levels(Scenarios.IDLE_KEEPALIVE, Cells.Key::idle).stream().filter(l -> l > 0).toList();
        String threshold = String.format(Locale.ROOT, "worker and event >= %.1f x prefork", Claims.CONNS_PER_MB);
        List<Row> out = new ArrayList<>();
        for (String f : Claims.FAMILIES) {
            if (levels.isEmpty()) {
                out.add(ClaimRow.notMeasured("3", f, "", TITLE, metric(null), "", threshold,
                        "no idle-keepalive level with idle connections ran"));
            }
            for (Long idle : levels) {
                out.add(evaluate(run, f, idle, threshold));
            }
        }
        return out;
    }

    private static Row evaluate(RunData run, String f, long idle, String threshold) {
        Map<String, double[]> v = new LinkedHashMap<>();
        for (String m : RunData.MODELS) {
            Cells.Key k = run.cells().find(Scenarios.IDLE_KEEPALIVE, Targets.name(f, m), null, idle);
            v.put(Targets.name(f, m), k == null ? new double[0] : run.cells().byRound(k, r -> SERVED.applyAsDouble(r) / r.num("pss_mb")));
        }
        String level = ClaimRow.level(run, f, Scenarios.IDLE_KEEPALIVE, null, idle);
        String missing = ClaimRow.missing(run, v, Scenarios.IDLE_KEEPALIVE, null, idle);
        if (!missing.isEmpty()) {
            return ClaimRow.notMeasured("3", f, level, TITLE, metric(idle), ClaimRow.values(v), threshold, missing);
        }
        double[] p = v.get(Targets.name(f, Targets.PREFORK));
        RatioCheck c = RatioCheck.all(Side.ABOVE, RatioCheck.of(v.get(Targets.name(f, Targets.WORKER)), p, Side.ABOVE, Claims.CONNS_PER_MB, run.level()),
                RatioCheck.of(v.get(Targets.name(f, Targets.EVENT)), p, Side.ABOVE, Claims.CONNS_PER_MB, run.level()));
        return ClaimRow.of("3", f, level, TITLE, metric(idle), ClaimRow.values(v), threshold, c,
                "min(worker, event) / prefork = " + ClaimRow.ratioText(c.ratio()));
    }

    private static String metric(Long idle) {
        return "(idle_answered - idle_closed + active connections) / pss_mb, idle-keepalive at "
                + (idle == null ? "an idle level (none run)" : idle + " idle");
    }
}
