package mpmbench.benchmarks.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.ScenarioKind;
import mpmbench.benchmarks.catalogue.SuiteKind;
import mpmbench.loadgen.SteadyState;

/**
 * Everything a suite run does, validated in one place; built from the command line
 * ({@link SuiteMain}) or from code (tests).
 *
 * @param suite       quick or full (the levels of each scenario)
 * @param targets     in run order
 * @param scenarios   in run order
 * @param repeats     runs of each cell
 * @param duration    measured window of each load run
 * @param warmup      load before the measured window, kept out of the histograms
 * @param out         the results folder
 * @param root        the repository root: {@code server/target/mpmbench-server.jar} and
 *                    {@code loadgen/target/mpmbench-loadgen.jar} are found under it
 * @param java        the java binary (JDK 25) that runs the server and the load generator
 * @param sets        {@code --set Directive=value} given to java-X and httpd-X alike
 * @param pinTarget   command prefix pinning the target, e.g. {@code taskset -c 0}; empty: not pinned
 * @param pinLoad     command prefix pinning the load generator
 * @param runBase     directory for the targets' run directories (configs, docroots, logs)
 * @param micro       run a short JMH micro pass after the scenarios ({@link MicroPass}; full by default)
 * @param settleCap   the longest a level's settling phase may run ({@link SteadyState}); zero: no
 *                    settling phase, only the fixed warm-up (how the suite measured before it had one)
 * @param scenariosShareInstance each round starts a target once and runs every scenario on it, those
 *                    that leave it changed last ({@link #LAST}: slow-clients, graceful-restart, crash),
 *                    else a fresh instance per scenario and round; a repeat is always a fresh instance,
 *                    rounds interleaved
 * @param remote      the load-generator agents and the url= targets' host ({@link Remote#NONE}: all here)
 * @param generator   the load generator of the measured cells ({@code --generator}; {@link LoadGenerator#LOADGEN}: ours)
 * @param baseline    the base build of {@code --baseline} whose {@code base:java-X} targets are among {@code targets};
 *                    null when there is none. With one, rounds alternate the target order (ABBA, {@link #targetsInRound});
 *                    with {@code --duet} ({@link Baseline#duet}) the duet cells run both builds at once ({@link #duetCell})
 * @param profile     Linux perf over every measured window of a target on this machine ({@code --profile}, {@link CellProfile})
 */
public record SuitePlan(SuiteKind suite, List<TargetSpec> targets, List<Scenario> scenarios, int repeats,
                        Duration duration, Duration warmup, Path out, Path root, String java,
                        Map<String, String> sets, List<String> pinTarget, List<String> pinLoad, Path runBase,
                        boolean micro, Duration settleCap, boolean scenariosShareInstance, Remote remote,
                        LoadGenerator generator, Baseline baseline, boolean profile) {

    public SuitePlan {
        targets = List.copyOf(targets);
        // slow-clients leaves spawned children, graceful-restart a new generation, crash a replacement: on a
        // shared instance they go last, so no other scenario measures what they left
        scenarios = scenariosShareInstance ? scenarios.stream()
                .sorted(Comparator.comparing(x -> LAST.indexOf(x.kind()))).toList()
                : List.copyOf(scenarios);
        sets = Map.copyOf(sets);
        pinTarget = List.copyOf(pinTarget);
        pinLoad = List.copyOf(pinLoad);
        if (targets.isEmpty() || scenarios.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: no targets or no scenarios");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1, not " + repeats);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative() || !settleCap.isZero() && (settleCap.toMillis() < 2000L * SteadyState.WINDOW_S
                || settleCap.compareTo(warmup) < 0)) {
            throw new IllegalArgumentException("--warmup must not be negative and --settle-max 0 (no settling) or at least "
                    + 2 * SteadyState.WINDOW_S + "s (two windows of the steady-state rule) and at least --warmup");
        }
    }

    /** A plan without a base build, not profiled. */
    public SuitePlan(SuiteKind suite, List<TargetSpec> targets, List<Scenario> scenarios, int repeats,
                     Duration duration, Duration warmup, Path out, Path root, String java,
                     Map<String, String> sets, List<String> pinTarget, List<String> pinLoad, Path runBase,
                     boolean micro, Duration settleCap, boolean scenariosShareInstance, Remote remote,
                     LoadGenerator generator) {
        this(suite, targets, scenarios, repeats, duration, warmup, out, root, java, sets, pinTarget, pinLoad, runBase,
                micro, settleCap, scenariosShareInstance, remote, generator, null, false);
    }

    /** A plan measured with our load generator, without a base build, not profiled. */
    public SuitePlan(SuiteKind suite, List<TargetSpec> targets, List<Scenario> scenarios, int repeats,
                     Duration duration, Duration warmup, Path out, Path root, String java,
                     Map<String, String> sets, List<String> pinTarget, List<String> pinLoad, Path runBase,
                     boolean micro, Duration settleCap, boolean scenariosShareInstance, Remote remote) {
        this(suite, targets, scenarios, repeats, duration, warmup, out, root, java, sets, pinTarget, pinLoad, runBase,
                micro, settleCap, scenariosShareInstance, remote, LoadGenerator.LOADGEN);
    }

    /** The kinds that leave an instance changed, in the order they run last on a shared one (others: -1, first). */
    static final List<ScenarioKind> LAST = List.of(ScenarioKind.SLOW_CLIENTS, ScenarioKind.GRACEFUL_RESTART,
            ScenarioKind.CRASH);

    /** Time from one graceful restart to the next in {@code graceful-restart}, and from the last one to the end. */
    public static final Duration RESTART_SPACING = Duration.ofSeconds(3);

    /** Graceful restarts in one {@code graceful-restart} run: 3 in full, 2 in quick (when named). */
    public int restarts() {
        return suite == SuiteKind.FULL ? 3 : 2;
    }

    /**
     * How long {@code graceful-restart} measures: a 1 s baseline, then {@link #restarts()} restarts
     * {@link #RESTART_SPACING} apart, the last one followed by as much (at least the plan's duration).
     */
    public Duration gracefulDuration() {
        Duration d = Duration.ofSeconds(1).plus(RESTART_SPACING.multipliedBy(restarts()));
        return duration.compareTo(d) >= 0 ? duration : d;
    }

    public Path serverJar() {
        return root.resolve("server/target/mpmbench-server.jar");
    }

    /** The server jar a java target runs: the base build's for {@code base:java-X}, else this build's. */
    public Path serverJar(TargetSpec t) {
        return t.base() && baseline != null ? baseline.serverJar() : serverJar();
    }

    /** How the targets are ordered within a round, for env.csv's {@code target_order}. */
    public String targetOrder() {
        return baseline == null ? "as listed in every round"
                : "ABBA: odd rounds as listed, even rounds reversed (each base:java-X beside its java-X)"
                + (duet() ? "; a duet starts java-X first in odd rounds, base:java-X first in even ones" : "");
    }

    /** {@code --duet}: the duet scenarios run java-X and base:java-X at the same time on one core ({@link DuetInstances}). */
    public boolean duet() {
        return baseline != null && baseline.duet();
    }

    /** Whether a cell of {@code s} on {@code t} is measured as a duet: {@link #duet()}, a duet scenario, a model of ours. */
    public boolean duetCell(Scenario s, TargetSpec t) {
        return duet() && mpmbench.benchmarks.catalogue.Design.duet(s) && t.kind() == TargetSpec.Kind.JAVA;
    }

    /**
     * The warm-up before a duet window, the same fixed one for both generators (no settling: each would end
     * its warm-up at its own moment and the windows would not start together): {@code --warmup} when settling
     * is off ({@code --settle-max 0}), else at least {@link #DUET_WARMUP}, in place of settling.
     */
    public Duration duetWarmup() {
        return settleCap.isZero() || warmup.compareTo(DUET_WARMUP) >= 0 ? warmup : DUET_WARMUP;
    }

    /** A duet's warm-up in place of settling: about what a fresh java-X takes to settle at hello's 16 connections. */
    public static final Duration DUET_WARMUP = Duration.ofSeconds(5);

    /** This plan as a duet's cells run it: the fixed {@link #duetWarmup()}, no settling phase. */
    public SuitePlan forDuet() {
        return new SuitePlan(suite, targets, scenarios, repeats, duration, duetWarmup(), out, root, java, sets, pinTarget,
                pinLoad, runBase, micro, Duration.ZERO, scenariosShareInstance, remote, generator, baseline, profile);
    }

    /**
     * The duet of {@code next} (a java-X) in round {@code round}: {@code [first, second]}, the order the two are
     * started and their generators launched in, as {@link #targetsInRound} orders them (java-X first in odd
     * rounds, base:java-X first in even ones).
     */
    public List<TargetSpec> duetOrder(TargetSpec next, int round) {
        TargetSpec base = targets.stream().filter(t -> t.name().equals(Baseline.PREFIX + next.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(next.name() + " has no base build in this plan"));
        return targetsInRound(round).indexOf(next) < targetsInRound(round).indexOf(base) ? List.of(next, base)
                : List.of(base, next);
    }

    /**
     * The targets in the order round {@code round} (from 1) runs them: as listed, or with a base build
     * reversed in even rounds (ABBA), so that neither build always runs first and time's drift cancels
     * in the paired ratios.
     */
    public List<TargetSpec> targetsInRound(int round) {
        return baseline != null && round % 2 == 0 ? targets.reversed() : targets;
    }

    public Path loadgenJar() {
        return root.resolve("loadgen/target/mpmbench-loadgen.jar");
    }

    /** The longest warm-up of a cell: the settle cap, or the fixed warm-up without settling. */
    public Duration maxWarmup() {
        return settleCap.isZero() ? warmup : settleCap;
    }

    /** How long the crash scenario measures: at least 4 s (the kill comes after the first measured second), so recovery can be seen. */
    public Duration crashDuration() {
        return duration.compareTo(Duration.ofSeconds(4)) >= 0 ? duration : Duration.ofSeconds(4);
    }

    /**
     * Every cell, in run order: round (repeat) first, so drift in the machine hits every target alike;
     * then target and scenario when scenarios share an instance, else scenario and target; then level.
     */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            if (scenariosShareInstance) {
                for (TargetSpec t : targetsInRound(r)) {
                    for (Scenario s : scenarios) {
                        addLevels(cells, s, t, r);
                    }
                }
            } else {
                for (Scenario s : scenarios) {
                    for (TargetSpec t : targetsInRound(r)) {
                        addLevels(cells, s, t, r);
                    }
                }
            }
        }
        return cells;
    }

    private static void addLevels(List<Cell> cells, Scenario s, TargetSpec t, int r) {
        for (Level l : s.levels()) {
            cells.add(new Cell(s, t, l, r));
        }
    }

    /**
     * A rough cost of a cell in seconds, for the progress bar's ETA before any cell ran: a launch (about
     * 2 s) with the first level of an instance, a warm-up of about 6 s, the window, a JVM start.
     */
    public double estimateSeconds(Cell c) {
        boolean firstOfInstance = c.scenario().levels().indexOf(c.level()) == 0
                && (!scenariosShareInstance || scenarios.stream().filter(s -> s.kind() != ScenarioKind.STARTUP)
                        .findFirst().map(s -> s == c.scenario()).orElse(true));
        double launch = firstOfInstance && c.target().launched() ? 2 : 0;
        double settle = settleCap.isZero() ? warmup.toMillis() / 1000.0 : 6;
        return launch + switch (c.scenario().kind()) {
            case STARTUP -> 0.0;
            case CRASH -> settle + crashDuration().toMillis() / 1000.0 + 1;
            case GRACEFUL_RESTART -> settle + gracefulDuration().toMillis() / 1000.0 + 2;
            default -> settle + duration.toMillis() / 1000.0 + 1 + (c.level().idle() > 0 ? 1.5 : 0);
        };
    }

    /** One (scenario, target, level, repeat). */
    public record Cell(Scenario scenario, TargetSpec target, Level level, int repeat) {
        public String id() {
            return scenario.name() + "_" + target.name().replaceAll("[^A-Za-z0-9.-]", "_") + "_" + level.label()
                    + "_r" + repeat;
        }
    }
}
