package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import mpmbench.benchmarks.claims.RatioCheck.Side;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 3: worker and event hold at least {@link Claims#CONNS_PER_MB} × the simultaneous connections
 * per MiB of PSS that prefork holds, at the run's highest idle-keepalive level. Connections held = the
 * idle ones answered and not closed, plus the active ones.
 */
final class ConnectionsPerMemory implements Claim {

    static final ToDoubleFunction<Row> SERVED = r -> Math.max(0, r.num("idle_answered") - r.num("idle_closed"))
            + r.num("connections");

    private static final String TITLE = "Worker and event hold more simultaneous connections than prefork for the same memory";

    @Override
    public List<Row> evaluate(RunData run) {
        List<Long> levels = run.cells().levels("idle-keepalive", Cells.Key::idle);
        Long idle = levels.isEmpty() ? null : levels.getLast();
        String metric = "(idle_answered - idle_closed + active connections) / pss_mb, idle-keepalive at "
                + (idle == null ? "the top level (not run)" : idle + " idle");
        String threshold = String.format(Locale.ROOT, "worker and event >= %.1f x prefork", Claims.CONNS_PER_MB);
        List<Row> out = new ArrayList<>();
        for (String f : Claims.FAMILIES) {
            Map<String, double[]> v = new LinkedHashMap<>();
            for (String m : RunData.MODELS) {
                Cells.Key k = idle == null ? null : run.cells().find("idle-keepalive", f + "-" + m, null, idle);
                v.put(f + "-" + m, k == null ? new double[0] : run.cells().values(k, r -> SERVED.applyAsDouble(r) / r.num("pss_mb")));
            }
            String missing = ClaimRow.missing(run, v, "idle-keepalive", null, idle);
            if (!missing.isEmpty()) {
                out.add(ClaimRow.notMeasured("3", f, TITLE, metric, ClaimRow.values(v), threshold, missing));
                continue;
            }
            double[] p = v.get(f + "-prefork");
            RatioCheck c = RatioCheck.all(Side.ABOVE, RatioCheck.of(v.get(f + "-worker"), p, Side.ABOVE, Claims.CONNS_PER_MB),
                    RatioCheck.of(v.get(f + "-event"), p, Side.ABOVE, Claims.CONNS_PER_MB));
            out.add(ClaimRow.of("3", f, TITLE, metric, ClaimRow.values(v), threshold, c,
                    "min(worker, event) / prefork = " + ClaimRow.ratioText(c.ratio())));
        }
        return out;
    }
}
