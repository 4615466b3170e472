package mpmbench.benchmarks.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * summary.csv's repeats grouped by cell (scenario, target, level), in the order the cells first
 * appear: the look-ups of claims and {@code compare}, and the rows of cells.csv. Repeats with status
 * {@code ok}, {@code unsettled} (measured; its drift widens the interval, and its status stays
 * visible) and {@code stalled} (the target answered nothing: 0 req/s is its result) give values; the
 * others ({@link Status#judged} is false: saturated, generator-bound, disturbed, invalid, failed,
 * skipped) do not, and are kept to say why a cell has fewer. The one place a cell's median, interval and spread are computed
 * ({@link #table}, with {@link Intervals}). Immutable.
 */
public final class Cells {

    /** One cell of a run: a scenario, a target and a load level. */
    public record Key(String scenario, String target, long connections, long rate, long idle) {

        public static Key of(Row r) {
            return new Key(r.text("scenario"), r.text("target"), whole(r, "connections"), whole(r, "rate"),
                    whole(r, "idle"));
        }

        /** The level as in file names: {@code c16}, {@code c64-r8000}, {@code c16-i300}. */
        public String level() {
            return "c" + connections + (rate > 0 ? "-r" + rate : "") + (idle > 0 ? "-i" + idle : "");
        }

        @Override
        public String toString() {
            return scenario + " " + target + " " + level();
        }

        private static long whole(Row r, String column) {
            double v = r.num(column);
            return Double.isNaN(v) ? 0 : Math.round(v);
        }
    }

    private final Map<Key, List<Row>> byKey = new LinkedHashMap<>();

    public Cells(List<Row> summary) {
        for (Row r : summary) {
            byKey.computeIfAbsent(Key.of(r), k -> new ArrayList<>()).add(r);
        }
    }

    public List<Key> keys() {
        return List.copyOf(byKey.keySet());
    }

    /** Every repeat of a cell, whatever its status; empty for a cell the run does not have. */
    public List<Row> repeats(Key k) {
        return byKey.getOrDefault(k, List.of());
    }

    /** The repeats of a cell that give values: the {@link Status#judged} ones. */
    public List<Row> ok(Key k) {
        return repeats(k).stream().filter(Cells::judged).toList();
    }

    /** A value of each repeat of a cell that gives values (NaN where a repeat has none). */
    public double[] values(Key k, ToDoubleFunction<Row> value) {
        return ok(k).stream().mapToDouble(value).toArray();
    }

    /**
     * The columns that are facts of the target itself at the load it got, its memory, and which of the
     * handshakes it was offered it resumed ({@code tls_handshakes}, {@code tls_resumed}: whether the
     * process that took a reconnect knows the session does not depend on who set the pace): they count
     * from every repeat that measured the target ({@link Status#targetMeasured}: a generator-bound
     * repeat's too), every other column from the judged repeats only.
     */
    public static final List<String> TARGET_FACTS = List.of("rss_mb", "pss_mb", "tls_handshakes", "tls_resumed");

    /** Whether a repeat gives a value of {@code column}: judged, or for {@link #TARGET_FACTS} measured the target. */
    public static boolean counts(Row r, String column) {
        return TARGET_FACTS.contains(column) ? status(r).targetMeasured() : status(r).judged();
    }

    /** {@code column} in each repeat of a cell that gives it ({@link #counts}; NaN where a repeat has none). */
    public double[] values(Key k, String column) {
        return repeats(k).stream().filter(r -> counts(r, column)).mapToDouble(r -> r.num(column)).toArray();
    }

    /**
     * {@code column} by round: element r − 1 is repeat r's value (repeat r of every target ran in round
     * r, {@link PairedIntervals}), NaN where that repeat gives none ({@link #counts}) or did not run; an
     * empty array when no repeat gives a value. The values are those of {@link #values(Key, String)}.
     */
    public double[] byRound(Key k, String column) {
        return byRound(repeats(k).stream().filter(r -> counts(r, column)).toList(), r -> r.num(column));
    }

    /** {@link #values(Key, ToDoubleFunction)} by round, as {@link #byRound(Key, String)}. */
    public double[] byRound(Key k, ToDoubleFunction<Row> value) {
        return byRound(ok(k), value);
    }

    /** A row whose repeat is not a whole number from 1 up, or repeats a round already seen, goes after the last round. */
    private static double[] byRound(List<Row> repeats, ToDoubleFunction<Row> value) {
        int rounds = repeats.stream().mapToDouble(r -> r.num("repeat")).filter(d -> d >= 1 && d == Math.rint(d))
                .mapToInt(d -> (int) d).max().orElse(0);
        List<Double> v = new ArrayList<>(java.util.Collections.nCopies(rounds, Double.NaN));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Row r : repeats) {
            double round = r.num("repeat");
            if (round >= 1 && round == Math.rint(round) && seen.add((int) round)) {
                v.set((int) round - 1, value.applyAsDouble(r));
            } else {
                v.add(value.applyAsDouble(r));
            }
        }
        double[] out = v.stream().mapToDouble(Double::doubleValue).toArray();
        return java.util.Arrays.stream(out).anyMatch(Double::isFinite) ? out : new double[0];
    }

    /** {@code column}'s median and interval over the repeats of a cell that give it ({@link #counts}). */
    public Intervals.Estimate estimate(Key k, String column) {
        return Intervals.estimate(values(k, column));
    }

    /**
     * The cell of a scenario and target at the given active connections and idle connections (null:
     * any; the first match in run order), or null when the run has no such cell.
     */
    public Key find(String scenario, String target, Long connections, Long idle) {
        return byKey.keySet().stream().filter(k -> k.scenario().equals(scenario) && k.target().equals(target))
                .filter(k -> connections == null || k.connections() == connections)
                .filter(k -> idle == null || k.idle() == idle).findFirst().orElse(null);
    }

    /** The distinct values of a level column ({@code connections}, {@code idle}) among a scenario's ok cells, ascending. */
    public List<Long> levels(String scenario, Function<Key, Long> column) {
        return byKey.keySet().stream().filter(k -> k.scenario().equals(scenario) && !ok(k).isEmpty()).map(column)
                .distinct().sorted().toList();
    }

    /** As {@link #levels(String, Function)}, among the cells with a repeat that gives {@code figure} ({@link #counts}). */
    public List<Long> levels(String scenario, Function<Key, Long> column, String figure) {
        return byKey.keySet().stream().filter(k -> k.scenario().equals(scenario)
                && repeats(k).stream().anyMatch(r -> counts(r, figure))).map(column).distinct().sorted().toList();
    }

    /** Why a cell gives no value: "not run" or its repeats' statuses and reasons, e.g. "generator-bound (3 of 3)". */
    public String whyEmpty(Key k) {
        if (k == null || repeats(k).isEmpty()) {
            return "not run";
        }
        Map<Status, Long> statuses = repeats(k).stream().filter(r -> !judged(r))
                .collect(Collectors.groupingBy(Cells::status, LinkedHashMap::new, Collectors.counting()));
        return statuses.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " of " + repeats(k).size() + ")")
                .collect(Collectors.joining(", "));
    }

    /** cells.csv: one row per cell ({@link Schemas#CELLS}). */
    public List<Row> table() {
        List<Row> out = new ArrayList<>();
        for (Key k : byKey.keySet()) {
            out.add(row(k));
        }
        return out;
    }

    private Row row(Key k) {
        List<Row> all = repeats(k);
        List<Row> ok = ok(k);
        Row first = all.getFirst();
        Row.Builder b = Row.builder(Schemas.CELLS);
        for (String c : List.of("scenario", "target", "path", "keepalive", "connections", "rate", "idle")) {
            b.put(c, first.text(c));
        }
        List<Row> loaded = all.stream().filter(r -> !r.text("settled").isEmpty()).toList();
        long settled = loaded.stream().filter(r -> r.text("settled").equals("true")).count();
        b.put("repeats", ok.size() + "/" + all.size()).put("settled", loaded.isEmpty() ? "" : settled + "/" + loaded.size());
        if (ok.isEmpty()) {
            Status status = all.stream().collect(Collectors.groupingBy(Cells::status, LinkedHashMap::new,
                    Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            return b.put("status", status).put("reason", reasons(all)).build();
        }
        String drift = drift(ok);
        b.put("status", cellStatus(ok))
                .put("reason", drift.isEmpty() ? reasons(all) : reasons(all).isEmpty() ? drift : reasons(all) + "; " + drift);
        for (String f : Schemas.FIGURES) {
            Intervals.Estimate e = Intervals.estimate(values(k, r -> r.num(f)));
            b.put(f, e.median()).put(f + "_ci_low", e.low()).put(f + "_ci_high", e.high()).put(f + "_cv", e.cv());
        }
        for (String m : Schemas.MEDIANS) {
            // a summary.csv of an older schema lacks the later columns: they stay empty
            b.put(m, Intervals.median(values(k, r -> r.has(m) ? r.num(m) : Double.NaN)));
        }
        return b.build();
    }

    /**
     * A cell's status from its judged repeats: {@code stalled} when the target stalled in any (claim
     * 4's finding, with the repeats' statuses in the reason), else {@code ok} when all were ok, else
     * {@code unsettled}.
     */
    static Status cellStatus(List<Row> judged) {
        if (judged.stream().anyMatch(r -> status(r) == Status.STALLED)) {
            return Status.STALLED;
        }
        return judged.stream().allMatch(r -> status(r) == Status.OK) ? Status.OK : Status.UNSETTLED;
    }

    /** Above this max/min, requests/s that only rise (or only fall) from repeat to repeat are a drift. */
    static final double DRIFT = 1.2;

    /**
     * "repeats drift: 28804 → 37195 → 45487 req/s" when the repeats' requests/s move one way only, by
     * more than {@link #DRIFT} overall: the target was still warming up (or running down) while it was
     * measured, which an interval alone does not say. "" otherwise.
     */
    static String drift(List<Row> repeats) {
        double[] v = repeats.stream().mapToDouble(r -> r.num("rps")).filter(d -> d > 0).toArray();
        if (v.length < 3) {
            return "";
        }
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < v.length; i++) {
            up &= v[i] > v[i - 1];
            down &= v[i] < v[i - 1];
        }
        double lo = java.util.Arrays.stream(v).min().orElseThrow();
        double hi = java.util.Arrays.stream(v).max().orElseThrow();
        if (!(up || down) || hi / lo <= DRIFT) {
            return "";
        }
        return "repeats drift: " + String.join(" → ", java.util.Arrays.stream(v).mapToObj(Numbers::short3).toList())
                + " req/s (still warming up or running down while measured)";
    }

    /** The distinct reasons of a cell's repeats, with the repeats that gave each: "r2: failed: ...". */
    private static String reasons(List<Row> repeats) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (Row r : repeats) {
            String why = status(r) == Status.OK ? r.text("reason")
                    : r.text("status") + (r.text("reason").isEmpty() ? "" : ": " + r.text("reason"));
            if (!why.isEmpty()) {
                by.computeIfAbsent(why, x -> new ArrayList<>()).add("r" + r.text("repeat"));
            }
        }
        return by.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().getFirst()))
                .map(e -> String.join(",", e.getValue()) + ": " + e.getKey()).collect(Collectors.joining("; "));
    }

    /** Whether a repeat (or a cells.csv row) gives values: its status is {@link Status#judged}. */
    public static boolean judged(Row r) {
        return status(r).judged();
    }

    /**
     * A summary.csv or cells.csv row's status.
     *
     * @throws IllegalArgumentException when its {@code status} is not one of {@link Status}
     *                                  ({@link ResultsFolder} refuses such a file when it reads it)
     */
    public static Status status(Row r) {
        return Status.of(r.text("status"));
    }

    /** A value for the report: the median with its interval, "78073 [0*, 161499]" ({@link IntervalText}), or "". */
    public static String withInterval(Row cell, String figure) {
        return IntervalText.of(cell.num(figure), cell.num(figure + "_ci_low"), cell.num(figure + "_ci_high"),
                Numbers::short3);
    }
}
