package mpmbench.benchmarks.catalogue;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How a run of {@code suite --baseline} measures the two builds of a model, written once for the suite
 * (which runs it and records it in env.csv) and for the claims, {@code compare} and the report (which read
 * it back): {@value #SEQUENTIAL}, {@code java-X} and {@code base:java-X} one after the other in each round
 * (ABBA), or {@value #DUET} ({@code suite --baseline REF --duet}): both at the same time, as two fresh
 * instances pinned to the same target core(s), each loaded by its own generator on the generator core(s),
 * their measured windows starting together after one fixed warm-up (Bulej et al., ICPE 2020, "Duet
 * benchmarking"; the prototype in {@code results/duet-2026-12-06/}). Whatever slows the machine in that
 * window slows both, so their ratio answers "is B slower than A on the same core"; neither row is that
 * target's own speed (the kernel splits the core between them).
 *
 * <p>Only the closed-model load scenarios over plain HTTP without held connections run as a duet
 * ({@link #sequentialBecause} says why each other one stays sequential); the peers (httpd, nginx) run
 * alone, as in every run. env.csv: {@value #KEY} ({@value #DUET} or {@value #SEQUENTIAL}),
 * {@value #DUET_SCENARIOS_KEY} (the run's scenarios measured as a duet, comma-separated),
 * {@value #SEQUENTIAL_SCENARIOS_KEY} (the others, each with why) and {@value #DUET_WARMUP_KEY}.
 * Stateless.
 */
public final class Design {

    /** env.csv's key: {@value #DUET} or {@value #SEQUENTIAL}; absent in runs before it (sequential). */
    public static final String KEY = "design";
    /** The two builds one after the other in each round, ABBA: every run before {@code --duet}. */
    public static final String SEQUENTIAL = "sequential";
    /** The two builds at the same time on the same core ({@code --duet}). */
    public static final String DUET = "duet";
    /** env.csv's key: the scenarios of the run measured as a duet, comma-separated. */
    public static final String DUET_SCENARIOS_KEY = "duet_scenarios";
    /** env.csv's key: the scenarios of a duet run that stayed sequential, each {@code name (why)}, {@code ;}-separated. */
    public static final String SEQUENTIAL_SCENARIOS_KEY = "duet_sequential";
    /** env.csv's key: the fixed warm-up before every duet window, s (no settling in a duet). */
    public static final String DUET_WARMUP_KEY = "duet_warmup_s";

    private Design() {
    }

    /**
     * Why a scenario stays sequential in a run with {@code --duet}, or null when it runs as a duet (the
     * closed-model load scenarios over plain HTTP without held connections: hello, churn, slow-backend,
     * cpu, large).
     */
    public static String sequentialBecause(Scenario s) {
        if (s.kind() == ScenarioKind.STARTUP) {
            return "a launch is timed alone: two JVMs starting on one core would time each other";
        }
        if (s.kind() == ScenarioKind.CRASH || s.kind() == ScenarioKind.GRACEFUL_RESTART) {
            return "the recovery after the fault is measured against the target's own rate; a partner on the core "
                    + "would take the CPU the fault frees";
        }
        if (s.kind() == ScenarioKind.SLOW_CLIENTS) {
            return "trickling connections deny one server's capacity; a partner on the core would halve it";
        }
        if (s.kind() == ScenarioKind.RATE_SWEEP || s.name().equals(Scenarios.EQUAL_LOAD)
                || s.levels().stream().anyMatch(l -> l.rate() > 0)) {
            return "open model at a fixed offered rate: on a shared core each target's latency would hold the "
                    + "other's queue, and the knee would be the pair's";
        }
        if (s.levels().stream().anyMatch(l -> l.idle() > 0)) {
            return "the level is N idle connections on the machine and the memory they take; a pair would hold 2N";
        }
        if (s.transport().tls()) {
            return "runs on an instance over HTTPS of its own; not measured as a duet yet";
        }
        return null;
    }

    /** Whether a scenario runs as a duet in a run with {@code --duet}. */
    public static boolean duet(Scenario s) {
        return sequentialBecause(s) == null;
    }

    /** Whether a target is one of a duet's pair: a model of ours, {@code java-X} or {@code base:java-X} (not a peer). */
    public static boolean paired(String target) {
        return target.startsWith(Targets.BASE_PREFIX) || target.startsWith(Targets.JAVA + "-");
    }

    /** Whether env.csv says the run used the duet design. */
    public static boolean isDuet(Map<String, String> env) {
        return DUET.equals(env.getOrDefault(KEY, ""));
    }

    /** The scenarios env.csv says were measured as a duet; empty for a sequential run (or one before the key). */
    public static Set<String> duetScenarios(Map<String, String> env) {
        if (!isDuet(env)) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(env.getOrDefault(DUET_SCENARIOS_KEY, "").split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).forEach(out::add);
        return out;
    }

    /** Whether a cell of a scenario and target was measured as a duet, given {@link #duetScenarios}. */
    public static boolean duetCell(Set<String> duetScenarios, String scenario, String target) {
        return duetScenarios.contains(scenario) && paired(target);
    }

    /** One line for report.md and compare.md: the design env.csv names ({@value #SEQUENTIAL} when none). */
    public static String describe(Map<String, String> env) {
        if (!isDuet(env)) {
            return SEQUENTIAL + ": each base:java-X and its java-X one after the other in every round (ABBA)";
        }
        String seq = env.getOrDefault(SEQUENTIAL_SCENARIOS_KEY, "");
        return DUET + ": " + env.getOrDefault(DUET_SCENARIOS_KEY, "") + " measured with java-X and base:java-X at the "
                + "same time on the same core(s), each with its own load generator, windows starting together after a "
                + "fixed warm-up of " + env.getOrDefault(DUET_WARMUP_KEY, "?") + " s (their ratio is \"B against A on a "
                + "shared core\", neither row is a target's own speed)" + (seq.isEmpty() ? "" : "; sequential (ABBA): " + seq);
    }
}
