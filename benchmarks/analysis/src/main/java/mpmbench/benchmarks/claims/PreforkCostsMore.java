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
 * <p><b>Equal load decides.</b> At each target's own saturation the cost per request mixes in batching
 * (a busier event loop reads more requests per wake-up), the generator's ceiling and the target's speed:
 * prefork at 20k req/s and event at 40k req/s are not doing the same work. So 1a and 1b are also read in
 * {@code equal-load} (every model of a family at one open-model rate, half the lowest of their hello
 * knees, chosen by the suite from the run), a row of their own with its level ({@code c16-r9300}); when
 * the run has that scenario, its row decides the claim (like with like) and the saturation row is shown
 * beside it, each row's note saying which it is. A run without {@code equal-load} has the saturation rows
 * only, as before.
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
            new PreforkCostsMore("1a", "Prefork costs more memory than worker and event", Scenarios.EQUAL_LOAD, "pss_mb",
                    false),
            new PreforkCostsMore("1b", "Prefork costs more CPU per request than worker and event", Scenarios.HELLO,
                    "cpu_us_per_req", true),
            new PreforkCostsMore("1b", "Prefork costs more CPU per request than worker and event", Scenarios.EQUAL_LOAD,
                    "cpu_us_per_req", false),
            new PreforkCostsMore("1c", "Prefork starts slower than worker and event", Scenarios.STARTUP, "full_capacity_ms",
                    false));

    @Override
    public List<String> scenariosRead() {
        return List.of(scenario);
    }

    /** Notes of the two readings of 1a and 1b when the run has both. */
    static final String DECIDES = "decides: equal load, every model at its family's one rate (like with like); ";
    static final String SHOWN = "; shown beside equal load, which decides: at each target's own saturation "
            + "batching, the generator's ceiling and the target's speed mix into the cost";

    @Override
    public List<Row> evaluate(RunData run) {
        boolean equalLoad = scenario.equals(Scenarios.EQUAL_LOAD);
        boolean hasEqualLoad = run.cells().keys().stream().anyMatch(k -> k.scenario().equals(Scenarios.EQUAL_LOAD));
        if (equalLoad && !hasEqualLoad) {
            return List.of(); // not run: the saturation row stands alone, as in runs before equal-load
        }
        List<Long> levels = run.cells().levels(Scenarios.HELLO, Cells.Key::connections, column);
        Long conns = topHello && !levels.isEmpty() ? levels.getLast() : null;
        String metric = column + ", " + scenario + (topHello ? " at " + (conns == null ? "the top level (not run)"
                : conns + " connections") : "");
        boolean costClaim = topHello || equalLoad; // 1a and 1b, not 1c
        String threshold = String.format(Locale.ROOT, "prefork > %.2f x max(worker, event)", Claims.MORE);
        List<Row> out = new ArrayList<>();
        for (String f : Claims.FAMILIES) {
            Map<String, double[]> v = ClaimRow.perModel(run, f, scenario, column, conns, null);
            String level = ClaimRow.level(run, f, scenario, conns, null);
            String missing = ClaimRow.missing(run, v, scenario, conns, null);
            if (!missing.isEmpty()) {
                out.add(ClaimRow.notMeasured(id, f, level, title, metric + (equalLoad ? rateOf(run, f) : ""),
                        ClaimRow.values(v), threshold, equalLoad ? DECIDES + missing : missing));
                continue;
            }
            double[] p = v.get(Targets.name(f, Targets.PREFORK));
            RatioCheck c = RatioCheck.all(Side.ABOVE, RatioCheck.of(p, v.get(Targets.name(f, Targets.WORKER)), Side.ABOVE, Claims.MORE, run.level()),
                    RatioCheck.of(p, v.get(Targets.name(f, Targets.EVENT)), Side.ABOVE, Claims.MORE, run.level()));
            String note = "prefork / max(worker, event) = " + ClaimRow.ratioText(c.ratio());
            String rate = equalLoad ? rateOf(run, f) : "";
            out.add(ClaimRow.of(id, f, level, title, metric + rate, ClaimRow.values(v), threshold, c,
                    equalLoad ? DECIDES + note : costClaim && hasEqualLoad ? note + SHOWN : note));
        }
        return out;
    }

    /** " at 9300 req/s": the rate a family's equal-load cells were offered, "" when none ran. */
    private static String rateOf(RunData run, String family) {
        for (String m : RunData.MODELS) {
            Cells.Key k = run.cells().find(Scenarios.EQUAL_LOAD, Targets.name(family, m), null, null);
            if (k != null && k.rate() > 0) {
                return " at " + k.rate() + " req/s";
            }
        }
        return "";
    }
}
