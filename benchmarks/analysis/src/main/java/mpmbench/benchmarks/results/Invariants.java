package mpmbench.benchmarks.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every row of summary.csv must keep to be physically possible, written once: each
 * {@link Rule} has a short name (the word in the {@code violations} column) and a one-line
 * explanation. A row that breaks one becomes {@link Status#INVALID}: {@code violations} names the
 * rules ({@code ;}-separated), {@code reason} gives the numbers and the status it had; it is never
 * judged by a claim or {@code compare} and report.md lists it. The suite calls {@link #apply} when a
 * run finishes; {@link ResultsFolder} applies them to every folder it reads (so report, compare and
 * {@code mpmbench verify} see older runs through the same rules). A rule whose columns a row does not
 * have (an older schema, a closed-model row) does not apply to it. {@link #ENV_LOAD} is a rule of the
 * folder (its env.csv), not of a row: it never makes a row invalid. {@link #DUET_CPU_WITHIN_CORES} is a rule of
 * two rows, the pair duet.csv names ({@code suite --duet}): both are marked. Stateless and thread-safe.
 */
public final class Invariants {

    /** An invariant: its name in the {@code violations} column and what it asks, in one line. */
    public record Rule(String name, String explanation) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A rule a row (or env.csv) broke, with the numbers that break it, e.g. "cpu_us_per_req -152.5". */
    public record Breach(Rule rule, String detail) {
        @Override
        public String toString() {
            return rule.name() + ": " + detail;
        }
    }

    public static final Rule NON_NEGATIVE = new Rule("non-negative",
            "no count, time, size, rate or share is below 0 (requests, errors, latencies, CPU, context switches, memory, fds...)");
    public static final Rule CPU_WITHIN_CORES = new Rule("cpu-within-cores",
            "cpu_us_per_req × rps is at most the CPUs the target may use (its taskset list when pinned, else every core) "
                    + "× 1e6 µs/s, + " + pct(Invariants.CPU_TOLERANCE));
    public static final Rule DUET_CPU_WITHIN_CORES = new Rule("duet-cpu-within-cores",
            "the two rows of a duet (duet.csv: java-X and base:java-X at the same time on the same pinned CPUs) "
                    + "together: the sum of cpu_us_per_req × rps is at most those CPUs × 1e6 µs/s, + "
                    + pct(Invariants.CPU_TOLERANCE) + " + the share of a window the other's did not overlap");
    public static final Rule OK_HAS_REQUESTS = new Rule("ok-has-requests",
            "an ok or unsettled row completed requests (a target that answered none while requests waited is stalled)");
    public static final Rule PERCENTILES_MONOTONIC = new Rule("percentiles-monotonic",
            "p50_ms ≤ p90_ms ≤ p99_ms ≤ p999_ms ≤ max_ms");
    public static final Rule P999_SAMPLES = new Rule("p999-samples",
            "p999_ms only from at least " + Schemas.P999_MIN_SAMPLES + " samples in the window");
    public static final Rule REQUESTS_ACCOUNTED = new Rule("requests-accounted",
            "open model: requests + request errors (" + String.join(" + ", Schemas.REQUEST_ERRORS)
                    + ") + unsent + unanswered = scheduled");
    public static final Rule OK_ACHIEVED_RATE = new Rule("ok-achieved-rate",
            "an ok or unsettled open-model row completed at least " + Numbers.short3(Schemas.SATURATED_BELOW_PCT)
                    + " % of its offered rate (else it is saturated)");
    public static final Rule ENV_LOAD = new Rule("env-load-recorded",
            "env.csv of schema 3 or later records load_avg_start, load_avg_end and steal_pct");

    /** The rules of a row, in the order they are checked and listed. */
    public static final List<Rule> ROW_RULES = List.of(NON_NEGATIVE, CPU_WITHIN_CORES, OK_HAS_REQUESTS,
            PERCENTILES_MONOTONIC, P999_SAMPLES, REQUESTS_ACCOUNTED, OK_ACHIEVED_RATE);

    /** Every rule: the rows' and then the folder's. */
    public static final List<Rule> ALL = List.of(NON_NEGATIVE, CPU_WITHIN_CORES, DUET_CPU_WITHIN_CORES, OK_HAS_REQUESTS,
            PERCENTILES_MONOTONIC, P999_SAMPLES, REQUESTS_ACCOUNTED, OK_ACHIEVED_RATE, ENV_LOAD);

    /** CPU per request × requests/s may pass the target's CPUs by this share: the clocks' and samples' jitter. */
    public static final double CPU_TOLERANCE = 0.02;

    /** summary.csv's columns that hold words, not numbers: every other column must not be negative. */
    private static final Set<String> TEXT = Set.of("scenario", "target", "path", "keepalive", "status", "reason",
            "violations", "settled", "cpu_method");

    /** env.csv's keys a run of schema 3 or later records about the machine's load ({@link #ENV_LOAD}). */
    public static final List<String> ENV_LOAD_KEYS = List.of("load_avg_start", "load_avg_end", "steal_pct");

    private static final List<String> PERCENTILES = List.of("p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms");

    private Invariants() {
    }

    /**
     * The rows with every row that breaks a rule marked {@code invalid} (the others as they are), in
     * order. {@code env} is env.csv as key → value: it gives the CPUs the targets could use
     * ({@link TargetCpus}). A row already invalid keeps its violations and gains any new one.
     */
    public static List<Row> apply(List<Row> rows, Map<String, String> env) {
        double cpus = TargetCpus.of(env);
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(mark(r, check(r, cpus)));
        }
        return out;
    }

    /**
     * As {@link #apply(List, Map)} with env.csv as its rows ({@link Schemas#ENV}: key, value), the
     * way the suite holds it: call it on summary.csv's rows before writing them when a run finishes.
     */
    public static List<Row> apply(List<Row> rows, List<Row> env) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        env.forEach(r -> m.put(r.text("key"), r.text("value")));
        return apply(rows, m);
    }

    /**
     * As {@link #apply(List, Map)}, and {@link #DUET_CPU_WITHIN_CORES} over the pairs {@code duets} names
     * (duet.csv's rows, {@link Schemas#DUET}; empty: none): both rows of a pair whose summed CPU passes the
     * CPUs they shared are marked. A pair whose windows' overlap is unknown, or with a row missing or not
     * measured, is not checked.
     */
    public static List<Row> apply(List<Row> rows, Map<String, String> env, List<Row> duets) {
        List<Row> out = new ArrayList<>(apply(rows, env));
        double cpus = TargetCpus.of(env);
        for (Row d : duets) {
            int a = pairRow(out, d, d.text("target"));
            int b = pairRow(out, d, d.text("base_target"));
            double overlap = num(d, "overlap_pct") / 100;
            if (a < 0 || b < 0 || Double.isNaN(overlap)) {
                continue;
            }
            double usedA = num(out.get(a), "cpu_us_per_req") * num(out.get(a), "rps") / 1e6;
            double usedB = num(out.get(b), "cpu_us_per_req") * num(out.get(b), "rps") / 1e6;
            // beyond the overlap a window may have had the CPUs to itself (the other's generator not yet, or no longer, sending)
            double allowed = cpus * (1 + CPU_TOLERANCE + (1 - overlap));
            if (usedA + usedB > allowed) {
                Breach breach = new Breach(DUET_CPU_WITHIN_CORES, d.text("target") + " " + n(usedA) + " + "
                        + d.text("base_target") + " " + n(usedB) + " = " + n(usedA + usedB) + " CPUs at the same time; the "
                        + "pair may use " + n(cpus) + " (windows overlapping " + n(overlap * 100) + " %)");
                out.set(a, mark(out.get(a), List.of(breach)));
                out.set(b, mark(out.get(b), List.of(breach)));
            }
        }
        return out;
    }

    /** As {@link #apply(List, Map, List)} with env.csv as its rows, the way the suite holds it. */
    public static List<Row> apply(List<Row> rows, List<Row> env, List<Row> duets) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        env.forEach(r -> m.put(r.text("key"), r.text("value")));
        return apply(rows, m, duets);
    }

    /** The index of the measured summary.csv row of {@code target} in duet.csv's row {@code d}'s cell and repeat; -1 when none. */
    private static int pairRow(List<Row> rows, Row d, String target) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.text("target").equals(target) && r.text("scenario").equals(d.text("scenario"))
                    && num(r, "connections") == num(d, "connections") && num(r, "rate") == num(d, "rate")
                    && num(r, "idle") == num(d, "idle") && num(r, "repeat") == num(d, "repeat")
                    && (r.text("status").isEmpty() || Status.of(r.text("status")).measured())) {
                return i;
            }
        }
        return -1;
    }

    /** The rules a summary.csv row breaks, given the CPUs its target could use (NaN: unknown, that rule is skipped). */
    public static List<Breach> check(Row r, double targetCpus) {
        Status status = r.text("status").isEmpty() ? Status.OK : Status.of(r.text("status"));
        List<Breach> out = new ArrayList<>();
        if (!status.measured()) {
            return out;
        }
        nonNegative(r, out);
        double requests = num(r, "requests");
        double rps = num(r, "rps");
        double rate = num(r, "rate");
        double cpu = num(r, "cpu_us_per_req") * rps / 1e6;
        if (cpu > targetCpus * (1 + CPU_TOLERANCE)) {
            out.add(new Breach(CPU_WITHIN_CORES, "cpu_us_per_req " + n(num(r, "cpu_us_per_req")) + " × rps " + n(rps)
                    + " = " + n(cpu) + " CPUs; the target may use " + n(targetCpus)));
        }
        if (status.served() && requests <= 0) {
            out.add(new Breach(OK_HAS_REQUESTS, status + " with requests " + n(requests)));
        }
        monotonic(r, out);
        double samples = requests + orZero(r, "unsent") + orZero(r, "unanswered");
        if (!Double.isNaN(num(r, "p999_ms")) && samples < Schemas.P999_MIN_SAMPLES) {
            out.add(new Breach(P999_SAMPLES, "p999_ms " + n(num(r, "p999_ms")) + " from " + n(samples) + " samples"));
        }
        double scheduled = num(r, "scheduled");
        if (rate > 0 && !Double.isNaN(scheduled) && !Double.isNaN(requests)) {
            double errors = Schemas.REQUEST_ERRORS.stream().mapToDouble(c -> orZero(r, c)).sum();
            double sum = requests + errors + orZero(r, "unsent") + orZero(r, "unanswered");
            if (Math.round(sum) != Math.round(scheduled)) {
                out.add(new Breach(REQUESTS_ACCOUNTED, "requests " + n(requests) + " + request errors " + n(errors)
                        + " + unsent " + n(orZero(r, "unsent")) + " + unanswered " + n(orZero(r, "unanswered")) + " = "
                        + n(sum) + ", scheduled " + n(scheduled)));
            }
        }
        if (status.served() && rate > 0 && rps < Schemas.SATURATED_BELOW_PCT / 100 * rate) {
            out.add(new Breach(OK_ACHIEVED_RATE, status + " at rps " + n(rps) + " of rate " + n(rate) + " ("
                    + n(100 * rps / rate) + " %)"));
        }
        return out;
    }

    /** The folder's own rule: what env.csv of its schema must record (none before schema 3). */
    public static List<Breach> checkEnv(Map<String, String> env, int schema) {
        if (schema < 3) {
            return List.of();
        }
        List<String> missing = ENV_LOAD_KEYS.stream()
                .filter(k -> Double.isNaN(Row.parse(env.getOrDefault(k, "")))).toList();
        return missing.isEmpty() ? List.of()
                : List.of(new Breach(ENV_LOAD, "env.csv lacks " + String.join(", ", missing)));
    }

    /** The rule of a name, or null. */
    public static Rule rule(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** The rule names of a row's {@code violations} column, in order; empty when none. */
    public static List<String> violations(Row r) {
        String v = r.text("violations");
        return v.isEmpty() ? List.of() : List.of(v.split(";"));
    }

    private static Row mark(Row r, List<Breach> found) {
        // a row marked before (by the suite, or read twice) keeps its words: only new rules are added
        List<Breach> breaches = found.stream().filter(b -> !violations(r).contains(b.rule().name())).toList();
        if (breaches.isEmpty()) {
            return r;
        }
        Set<String> names = new LinkedHashSet<>(violations(r));
        breaches.forEach(b -> names.add(b.rule().name()));
        List<String> columns = new ArrayList<>(r.cells().keySet());
        for (String c : List.of("status", "reason", "violations")) {
            if (!columns.contains(c)) {
                columns.add(c);
            }
        }
        String was = r.text("status");
        String reason = breaches.stream().map(Breach::toString).collect(Collectors.joining("; "));
        if (!was.equals(Status.INVALID.text())) {
            reason += " (was " + (was.isEmpty() ? Status.OK.text() : was)
                    + (r.text("reason").isEmpty() ? "" : ": " + r.text("reason")) + ")";
        } else if (!r.text("reason").isEmpty()) {
            reason = r.text("reason") + "; " + reason;
        }
        return Row.builder(columns).putAll(r).put("status", Status.INVALID.text()).put("reason", reason)
                .put("violations", String.join(";", names)).build();
    }

    private static void nonNegative(Row r, List<Breach> out) {
        List<String> negative = new ArrayList<>();
        r.cells().forEach((column, text) -> {
            if (!TEXT.contains(column) && !text.isEmpty()
                    && Arrays.stream(text.split(";")).mapToDouble(Row::parse).anyMatch(v -> v < 0)) {
                negative.add(column + " " + text);
            }
        });
        if (!negative.isEmpty()) {
            out.add(new Breach(NON_NEGATIVE, String.join(", ", negative)));
        }
    }

    private static void monotonic(Row r, List<Breach> out) {
        String last = null;
        double lastV = Double.NaN;
        List<String> broken = new ArrayList<>();
        for (String p : PERCENTILES) {
            double v = num(r, p);
            if (Double.isNaN(v)) {
                continue;
            }
            if (last != null && v < lastV) {
                broken.add(last + " " + n(lastV) + " > " + p + " " + n(v));
            }
            last = p;
            lastV = v;
        }
        if (!broken.isEmpty()) {
            out.add(new Breach(PERCENTILES_MONOTONIC, String.join(", ", broken)));
        }
    }

    /** A column's number; NaN when the row lacks the column (an older schema) or the cell is empty. */
    private static double num(Row r, String column) {
        return r.has(column) ? r.num(column) : Double.NaN;
    }

    private static double orZero(Row r, String column) {
        double v = num(r, column);
        return Double.isNaN(v) ? 0 : v;
    }

    private static String n(double v) {
        return Numbers.short3(v);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
