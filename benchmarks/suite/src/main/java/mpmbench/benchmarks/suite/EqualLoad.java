package mpmbench.benchmarks.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.results.Status;

/**
 * {@code equal-load}'s rate, chosen from the run's own knees: for each family of targets (java, httpd,
 * nginx; a base build's models are of their family, so both builds get the same rate), each target's
 * knee is its best median hello requests/s in the run (the closed model's saturation) over the levels it
 * ran with at least {@link Scenarios#EQUAL_LOAD_CONNECTIONS} connections, or at its most connections when it
 * ran none that many (judged repeats, or when a target has none, its generator-bound and disturbed ones, whose
 * requests/s it at least reached: a lower bound of its knee, so the rate stays one it sustained), and the family's rate is {@link Scenarios#EQUAL_LOAD_FRACTION} of the lowest
 * knee, rounded down to two significant digits: a rate every target of the family sustained twice over,
 * so that CPU and memory per request compare like with like (claims 1a and 1b), not each model's own
 * peak, where batching, the generator's ceiling and the target's speed mix into the cost.
 *
 * <p>Why not the best level of all: a knee must be one the target reaches with the connections equal-load
 * opens. One connection is one prefork child and no contention: java-prefork's best hello was 22,904 req/s
 * at 1 connection and about 7,500 at 256 (full run of 2026-12-06, results/claims-2026-12-06/), and at 64
 * connections the rate chosen from its c1, 11,000 req/s, saturated it in 3 of 3 repeats (1,366–2,235 req/s
 * served), so claim 1b's equal-load row had nothing to read. (Equal-load opens 16 connections since
 * 2026-12-07: {@link Scenarios#EQUAL_LOAD_CONNECTIONS}.)
 *
 * <p>Why after the rounds and not when the scenario's first cell comes up: on a shared instance a round
 * runs every scenario of one target before the next target's hello, so the first equal-load cell would
 * see one knee. The suite runs the equal-load cells in rounds of their own after the plan's rounds
 * (fresh instances, interleaved like the others), with the rate of each family fixed for the run;
 * env.csv says how it was chosen ({@code equal_load_rate_FAMILY}) and summary.csv's {@code rate} holds
 * it. A family none of whose targets has a hello median gets no rate: its cells are skipped, saying so.
 * Stateless.
 */
final class EqualLoad {

    /**
     * A family's rate.
     *
     * @param family the targets' family ({@link TargetSpec#family})
     * @param rate   requests/s offered to every target of the family
     * @param why    env.csv's account: the lowest knee and whose, and the targets without a hello median
     */
    record Rate(String family, long rate, String why) {
    }

    private EqualLoad() {
    }

    /** The rate of each family of {@code targets} that has a hello median in {@code cells}, in the targets' order. */
    static Map<String, Rate> rates(List<TargetSpec> targets, Cells cells) {
        Map<String, List<TargetSpec>> byFamily = new LinkedHashMap<>();
        targets.forEach(t -> byFamily.computeIfAbsent(t.family(), f -> new ArrayList<>()).add(t));
        Map<String, Rate> rates = new LinkedHashMap<>();
        byFamily.forEach((family, members) -> {
            double lowest = Double.POSITIVE_INFINITY;
            String at = null;
            List<String> none = new ArrayList<>();
            for (TargetSpec t : members) {
                boolean judged = knee(cells, t.name(), true) != null;
                Cells.Key best = knee(cells, t.name(), judged);
                if (best == null) {
                    none.add(t.name());
                    continue;
                }
                double k = Intervals.median(rps(cells, best, judged));
                if (k < lowest) {
                    lowest = k;
                    at = best.target() + " at " + best.level() + (judged ? "" : ", from repeats not judged: a lower bound");
                }
            }
            if (at != null) {
                long rate = roundDown(lowest * Scenarios.EQUAL_LOAD_FRACTION);
                rates.put(family, new Rate(family, rate, String.format(Locale.ROOT,
                        "%d req/s at %d connections: %.0f %% of the lowest hello knee of %s, %.0f req/s (%s)%s", rate,
                        Scenarios.EQUAL_LOAD_CONNECTIONS, Scenarios.EQUAL_LOAD_FRACTION * 100, family, lowest, at,
                        none.isEmpty() ? "" : "; no hello median: " + String.join(", ", none))));
            }
        });
        return rates;
    }

    /**
     * A target's hello cell with the highest median requests/s, of its judged repeats ({@code judged}) or of
     * its generator-bound and disturbed ones, among its levels of at least {@link Scenarios#EQUAL_LOAD_CONNECTIONS}
     * connections, or at its most connections when it has none that many; null when none has one.
     */
    static Cells.Key knee(Cells cells, String target, boolean judged) {
        long most = cells.keys().stream().filter(k -> k.scenario().equals(Scenarios.HELLO) && k.target().equals(target))
                .filter(k -> rps(cells, k, judged).length > 0).mapToLong(Cells.Key::connections).max().orElse(0);
        long least = Math.min(most, Scenarios.EQUAL_LOAD_CONNECTIONS);
        Cells.Key best = null;
        double highest = Double.NEGATIVE_INFINITY;
        for (Cells.Key k : cells.keys()) {
            if (!k.scenario().equals(Scenarios.HELLO) || !k.target().equals(target) || k.connections() < least) {
                continue;
            }
            double m = Intervals.median(rps(cells, k, judged));
            if (m > highest) {
                highest = m;
                best = k;
            }
        }
        return best;
    }

    /** A cell's requests/s of its judged repeats, or of its generator-bound and disturbed ones with requests/s above 0. */
    private static double[] rps(Cells cells, Cells.Key k, boolean judged) {
        if (judged) {
            return cells.values(k, "rps");
        }
        return cells.repeats(k).stream().filter(r -> LOWER_BOUNDS.contains(Cells.status(r)) && r.num("rps") > 0)
                .mapToDouble(r -> r.num("rps")).toArray();
    }

    /** The statuses whose requests/s the target at least reached though the row is not judged. */
    private static final java.util.Set<Status> LOWER_BOUNDS = java.util.Set.of(Status.GENERATOR_BOUND, Status.DISTURBED);

    /** Down to two significant digits (9347 → 9300, 812 → 810), at least 1. */
    static long roundDown(double rate) {
        if (!(rate >= 1)) {
            return 1;
        }
        double unit = Math.pow(10, Math.max(0, Math.floor(Math.log10(rate)) - 1));
        return Math.max(1, (long) (Math.floor(rate / unit) * unit));
    }

    /** {@code equal-load} at {@code rate}: its one level, open model. */
    static Scenario at(Scenario equalLoad, long rate) {
        return new Scenario(equalLoad.name(), equalLoad.description(), equalLoad.kind(), equalLoad.javaPath(),
                equalLoad.peerPath(), equalLoad.keepAlive(), List.of(new Level(Scenarios.EQUAL_LOAD_CONNECTIONS, rate, 0)));
    }

    /** env.csv's rows: {@code equal_load_rate_FAMILY} per family with a rate. */
    static List<Row> envRows(Map<String, Rate> rates) {
        return rates.values().stream().map(r -> Row.builder(Schemas.ENV).put("key", "equal_load_rate_" + r.family())
                .put("value", r.why()).build()).toList();
    }

    /** Why a target's equal-load cells are skipped when its family has no rate. */
    static String noRate(TargetSpec t) {
        return Scenarios.EQUAL_LOAD + " needs a hello median of a " + t.family()
                + " target in this run (none ok, or hello not run): no rate to offer";
    }
}
