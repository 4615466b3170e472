package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.claims.RatioCheck.Side;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 4, "event handles keep-alive best": with idle keep-alive connections held open (the level
 * nearest {@link #IDLE_NEAR}), event's active clients get at least {@link Claims#KEEPALIVE} × the
 * requests/s of worker's and prefork's, and at least {@link Claims#KEEPALIVE_OF_HELLO} of event's own
 * hello throughput at the same active connections (it keeps serving, not trickling). Read at that one
 * level, the one the claim is about, named in claims.csv's {@code level} ({@code c16-i300}).
 */
final class KeepAliveUnderIdle implements Claim {

    /** The idle level this claim reads: the run's nearest to it. */
    static final long IDLE_NEAR = 300;

    private static final String TITLE = "With many idle keep-alive connections event keeps serving new clients where "
            + "worker and prefork stall";

    @Override
    public List<String> scenariosRead() {
        return List.of(Scenarios.IDLE_KEEPALIVE, Scenarios.HELLO);
    }

    @Override
    public List<Row> evaluate(RunData run) {
        Long idle = run.cells().levels(Scenarios.IDLE_KEEPALIVE, Cells.Key::idle).stream().filter(l -> l > 0)
                .min((a, b) -> Long.compare(Math.abs(a - IDLE_NEAR), Math.abs(b - IDLE_NEAR))).orElse(null);
        String metric = "rps of the active clients, idle-keepalive at " + (idle == null ? "the top level (not run)" : idle + " idle");
        String threshold = String.format(Locale.ROOT, "event >= %.0f %% of its hello rps at the same active connections "
                + "and >= %.1f x max(worker, prefork)", Claims.KEEPALIVE_OF_HELLO * 100, Claims.KEEPALIVE);
        List<Row> out = new ArrayList<>();
        for (String f : Claims.FAMILIES) {
            Map<String, double[]> v = ClaimRow.perModel(run, f, Scenarios.IDLE_KEEPALIVE, "rps", null, idle);
            String level = idle == null ? "" : ClaimRow.level(run, f, Scenarios.IDLE_KEEPALIVE, null, idle);
            String missing = idle == null ? "no idle-keepalive level with idle connections ran"
                    : ClaimRow.missing(run, v, Scenarios.IDLE_KEEPALIVE, null, idle);
            if (!missing.isEmpty()) {
                out.add(ClaimRow.notMeasured("4", f, level, TITLE, metric, ClaimRow.values(v), threshold, missing));
                continue;
            }
            double[] ev = v.get(Targets.name(f, Targets.EVENT));
            Cells.Key idleCell = run.cells().find(Scenarios.IDLE_KEEPALIVE, Targets.name(f, Targets.EVENT), null, idle);
            double[] hello = run.values(Scenarios.HELLO, Targets.name(f, Targets.EVENT), "rps", idleCell.connections(), null);
            RatioCheck ofHello = hello.length > 0 ? RatioCheck.of(ev, hello, Side.ABOVE, Claims.KEEPALIVE_OF_HELLO, run.level())
                    : RatioCheck.aboveZero(ev, run.level()); // without a hello cell: event's interval must lie above 0 req/s
            RatioCheck c = RatioCheck.all(Side.ABOVE,
                    RatioCheck.of(ev, v.get(Targets.name(f, Targets.PREFORK)), Side.ABOVE, Claims.KEEPALIVE, run.level()),
                    RatioCheck.of(ev, v.get(Targets.name(f, Targets.WORKER)), Side.ABOVE, Claims.KEEPALIVE, run.level()));
            RatioCheck both = combine(c, ofHello);
            String helloNote = hello.length == 0 ? "no hello result of " + f + "-event at " + idleCell.connections()
                    + " connections (" + run.whyEmpty(Scenarios.HELLO, Targets.name(f, Targets.EVENT), idleCell.connections(), null)
                    + "): event must serve more than 0 req/s instead"
                    : String.format(Locale.ROOT, "event served %.0f %% of its hello rps (ratio %s)",
                    100 * Intervals.median(ev) / Intervals.median(hello), ClaimRow.ratioText(ofHello.ratio()));
            out.add(ClaimRow.of("4", f, level, TITLE, metric, ClaimRow.values(v), threshold, both,
                    "event / max(worker, prefork) = " + ClaimRow.ratioText(c.ratio()) + "; " + helloNote));
        }
        return out;
    }

    /** Both parts must hold; the ratio shown is the one against worker and prefork. */
    private static RatioCheck combine(RatioCheck models, RatioCheck ofHello) {
        if (models.verdict() == Verdict.DOES_NOT_HOLD || ofHello.verdict() == Verdict.DOES_NOT_HOLD) {
            return new RatioCheck(models.ratio(), Verdict.DOES_NOT_HOLD, 0);
        }
        if (models.verdict() == Verdict.HOLDS && ofHello.verdict() == Verdict.HOLDS) {
            return models;
        }
        int needed = models.verdict() == Verdict.INCONCLUSIVE ? models.repeatsNeeded() : 0;
        if (ofHello.verdict() == Verdict.INCONCLUSIVE) {
            needed = needed == 0 && models.verdict() == Verdict.INCONCLUSIVE ? 0
                    : ofHello.repeatsNeeded() == 0 ? 0 : Math.max(needed, ofHello.repeatsNeeded());
        }
        return new RatioCheck(models.ratio(), Verdict.INCONCLUSIVE, needed);
    }
}
