package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.claims.RatioCheck.Side;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;

/**
 * Claims 1a–1c, "prefork has the bigger overhead": prefork's figure above {@link Claims#MORE} × both
 * worker's and event's (the ratio shown is prefork / max(worker, event), the one that decides). 1a and
 * 1b are about the cost under load, so they are read at the run's highest hello level with a value of
 * their figure (256 connections in full, 16 in quick), which claims.csv's {@code level} names: two runs
 * agree on them only at the same level. 1a's memory counts from generator-bound repeats too (the
 * target's memory at the load it got, {@link Cells#counts}); 1b's CPU per request does not.
 *
 * @param id        1a, 1b or 1c
 * @param title     the claim in words
 * @param scenario  where the figure is read
 * @param column    the summary.csv column compared
 * @param topHello  read at the highest hello connection level of the run (else the scenario's only level)
 */
record PreforkCostsMore(String id, String title, String scenario, String column, boolean topHello) implements Claim {

    static final List<PreforkCostsMore> ALL = List.of(
            new PreforkCostsMore("1a", "Prefork costs more memory than worker and event", Scenarios.HELLO, "pss_mb", true),
            new PreforkCostsMore("1b", "Prefork costs more CPU per request than worker and event", Scenarios.HELLO,
                    "cpu_us_per_req", true),
            new PreforkCostsMore("1c", "Prefork starts slower than worker and event", Scenarios.STARTUP, "full_capacity_ms",
                    false));

    @Override
    public List<String> scenariosRead() {
        return List.of(scenario);
    }

    @Override
    public List<Row> evaluate(RunData run) {
        List<Long> levels = run.cells().levels(Scenarios.HELLO, Cells.Key::connections, column);
        Long conns = topHello && !levels.isEmpty() ? levels.getLast() : null;
        String metric = column + ", " + scenario + (topHello ? " at " + (conns == null ? "the top level (not run)"
                : conns + " connections") : "");
        String threshold = String.format(Locale.ROOT, "prefork > %.2f x max(worker, event)", Claims.MORE);
        List<Row> out = new ArrayList<>();
        for (String f : Claims.FAMILIES) {
            Map<String, double[]> v = ClaimRow.perModel(run, f, scenario, column, conns, null);
            String level = ClaimRow.level(run, f, scenario, conns, null);
            String missing = ClaimRow.missing(run, v, scenario, conns, null);
            if (!missing.isEmpty()) {
                out.add(ClaimRow.notMeasured(id, f, level, title, metric, ClaimRow.values(v), threshold, missing));
                continue;
            }
            double[] p = v.get(Targets.name(f, Targets.PREFORK));
            RatioCheck c = RatioCheck.all(Side.ABOVE, RatioCheck.of(p, v.get(Targets.name(f, Targets.WORKER)), Side.ABOVE, Claims.MORE, run.level()),
                    RatioCheck.of(p, v.get(Targets.name(f, Targets.EVENT)), Side.ABOVE, Claims.MORE, run.level()));
            out.add(ClaimRow.of(id, f, level, title, metric, ClaimRow.values(v), threshold, c,
                    "prefork / max(worker, event) = " + ClaimRow.ratioText(c.ratio())));
        }
        return out;
    }
}
