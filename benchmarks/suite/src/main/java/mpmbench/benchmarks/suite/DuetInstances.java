package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mpmbench.benchmarks.catalogue.Design;
import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * {@code suite --baseline REF --duet}: one round of a model's duet scenarios
 * ({@link mpmbench.benchmarks.catalogue.Design#duet}) with both builds at the same time (Bulej et al., ICPE 2020,
 * "Duet benchmarking"; the prototype and its numbers in {@code results/duet-2026-12-06/}). {@code java-X} and
 * {@code base:java-X} are started as two fresh instances, both pinned to the target core(s) (the plan's one
 * taskset list), in the order {@link SuitePlan#duetOrder} gives (alternating by round); then each level runs
 * both cells at once, each on a thread of its own with its own load generator pinned to the generator
 * core(s), launched together through {@link DuetPair}'s barrier with the same fixed warm-up
 * ({@link SuitePlan#forDuet}: no settling), so that both measured windows start at the same instant and last
 * the same time. Each row is built as alone ({@link CellRunner}): CPU per request from the target's own
 * cgroup over its own window, memory and threads sampled per target. Both rows get the round as their
 * repeat, so {@code compare DIR} pairs them by round as it pairs sequential ones. duet.csv gets one row per
 * level: who started first and both windows' instants ({@link Schemas#DUET}).
 *
 * <p>Launches of a duet time no startup cell (the second starts beside the first): the startup cells come from
 * the sequential instances or from launches of their own at the end. Used by the suite's one thread; the two
 * measuring threads live inside {@link #run}.
 */
final class DuetInstances {

    /** Where a cell's result goes: the suite's record (summary.csv, samples.csv, the progress bar). */
    interface Recorder {
        void record(CellResult result, SuitePlan.Cell cell);
    }

    private final SuitePlan plan;
    private final TargetLauncher launcher;
    private final CellRunner runner;
    private final Path duetCsv;
    private final List<Row> windows = new ArrayList<>();
    /** The pair's instances while they run, for the suite's shutdown hook. */
    private final RunningTarget[] live = new RunningTarget[2];

    /**
     * @param plan     the run's plan ({@link SuitePlan#duet()})
     * @param launcher starts the targets
     * @param runner   measures a cell: one made on {@link SuitePlan#forDuet()}
     */
    DuetInstances(SuitePlan plan, TargetLauncher launcher, CellRunner runner) {
        this.plan = plan;
        this.launcher = launcher;
        this.runner = runner;
        this.duetCsv = plan.out().resolve("duet.csv");
    }

    /**
     * Checks the flags {@code --duet} comes with; throws IllegalArgumentException naming the flag, one line.
     *
     * @param baseline  {@code --baseline} was given
     * @param generator {@code --generator}'s value, or null
     * @param agents    {@code --agents} was given
     * @param profile   {@code --profile} was given
     * @param pinned    targets and load generators are pinned to separate cores (two cores or more, no {@code --no-pin})
     */
    static void check(boolean baseline, String generator, boolean agents, boolean profile, boolean pinned) {
        if (!baseline) {
            throw new IllegalArgumentException("--duet runs the two builds of --baseline at the same time: give "
                    + "--baseline REF (a git revision or a built tree) with it");
        }
        if (generator != null && !generator.strip().equals(LoadGenerator.LOADGEN.name())) {
            throw new IllegalArgumentException("--duet measures with our load generator (its window lines start and "
                    + "end both windows together): drop --generator " + generator);
        }
        if (agents) {
            throw new IllegalArgumentException("--duet loads both targets from this machine's generator core: drop --agents");
        }
        if (profile) {
            throw new IllegalArgumentException("--duet shares the target core between two builds, and perf on it would "
                    + "see both: drop --profile");
        }
        if (!pinned) {
            throw new IllegalArgumentException("--duet pins both targets to one core and both load generators to "
                    + "another: it needs 2 cores or more and no --no-pin");
        }
    }

    /**
     * env.csv's rows of the design (key, value; none without {@code --baseline}): {@link Design#KEY}, and for a
     * duet the scenarios measured as one, those that stayed sequential with why, and the fixed warm-up.
     */
    static List<String[]> envRows(SuitePlan plan) {
        if (plan.baseline() == null) {
            return List.of();
        }
        if (!plan.duet()) {
            return java.util.Collections.singletonList(new String[] {Design.KEY, Design.SEQUENTIAL});
        }
        String together = String.join(",", plan.scenarios().stream().filter(Design::duet).map(Scenario::name).toList());
        String alone = String.join("; ", plan.scenarios().stream().filter(x -> !Design.duet(x))
                .map(x -> x.name() + " (" + Design.sequentialBecause(x) + ")").toList());
        return List.of(new String[] {Design.KEY, Design.DUET}, new String[] {Design.DUET_SCENARIOS_KEY, together},
                new String[] {Design.SEQUENTIAL_SCENARIOS_KEY, alone},
                new String[] {Design.DUET_WARMUP_KEY, Double.toString(plan.duetWarmup().toMillis() / 1000.0)});
    }

    /** The instances of a duet now running (none: empty), for the shutdown hook. */
    synchronized List<RunningTarget> running() {
        List<RunningTarget> out = new ArrayList<>();
        for (RunningTarget t : live) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private synchronized void setLive(int i, RunningTarget t) {
        live[i] = t;
    }

    /**
     * Round {@code round} of {@code scenarios} (duet ones, in order) for {@code next} (a java-X) and its
     * base:java-X: both started, every level measured as a duet, both stopped. A build whose jar is missing
     * skips both sides' cells, a target that does not start fails its cells and skips its partner's (not
     * measured alone), a target that exits skips the pair's later levels.
     */
    void run(List<Scenario> scenarios, TargetSpec next, int round, Recorder record) throws InterruptedException {
        List<TargetSpec> order = plan.duetOrder(next, round);
        for (TargetSpec t : order) {
            Optional<String> missing = TargetLauncher.unavailable(t, plan.serverJar(t));
            if (missing.isPresent()) {
                notRun(scenarios, order, round, "skipped", "skipped", "a duet needs both builds: " + missing.get(),
                        record);
                return;
            }
        }
        RunningTarget[] running = new RunningTarget[2];
        try {
            for (int i = 0; i < 2; i++) {
                try {
                    running[i] = launcher.start(order.get(i), false);
                    setLive(i, running[i]);
                } catch (IOException | RuntimeException e) {
                    String why = order.get(i).name() + " did not start: " + e.getMessage();
                    notRun(scenarios, order, round, i == 0 ? "failed" : "skipped", i == 1 ? "failed" : "skipped",
                            why + " (a duet's cells are not measured alone)", record);
                    return;
                }
            }
            String gone = null;
            for (Scenario s : scenarios) {
                for (Level l : s.levels()) {
                    SuitePlan.Cell[] cells = {new SuitePlan.Cell(s, order.get(0), l, round),
                            new SuitePlan.Cell(s, order.get(1), l, round)};
                    if (gone != null) {
                        for (SuitePlan.Cell c : cells) {
                            record.record(CellResult.notRun(c, c.target().pathFor(s), "skipped", gone), c);
                        }
                        continue;
                    }
                    DuetPair pair = new DuetPair(plan.duetWarmup().plus(plan.duration()).plus(REPORT_SLACK));
                    CellResult[] results = level(cells, running, pair);
                    record.record(results[0], cells[0]);
                    record.record(results[1], cells[1]);
                    windows.add(windowRow(cells[0], pair));
                    writeWindows();
                    for (RunningTarget t : running) {
                        if (t.process() != null && !t.process().isAlive()) {
                            gone = t.spec().name() + " exited during an earlier duet cell of this pair";
                        }
                    }
                }
            }
        } finally {
            for (int i = 1; i >= 0; i--) {
                if (running[i] != null) {
                    running[i].close();
                    SuiteRunner.deleteRunDir(running[i]);
                }
                setLive(i, null);
            }
        }
    }

    /** One level's two cells measured at once, each on a thread of its own; results in the cells' order. */
    private CellResult[] level(SuitePlan.Cell[] cells, RunningTarget[] running, DuetPair pair)
            throws InterruptedException {
        CellResult[] results = new CellResult[2];
        DuetPair.Side[] sides = {pair.first(), pair.second()};
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int side = i;
            String path = cells[side].target().pathFor(cells[side].scenario());
            threads[i] = Thread.ofPlatform().name("duet-" + cells[side].target().name()).start(() -> {
                try {
                    results[side] = runner.run(cells[side], running[side], path, sides[side]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results[side] = CellResult.notRun(cells[side], path, "failed", "interrupted");
                } catch (RuntimeException e) {
                    results[side] = CellResult.notRun(cells[side], path, "failed", "the duet's cell failed: " + e);
                } finally {
                    sides[side].leave();
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        return results;
    }

    /** duet.csv's row of a level: who started first, both windows' instants and their overlap. */
    private static Row windowRow(SuitePlan.Cell first, DuetPair pair) {
        boolean newFirst = !first.target().base();
        DuetPair.Side next = newFirst ? pair.first() : pair.second();
        DuetPair.Side base = newFirst ? pair.second() : pair.first();
        String name = newFirst ? first.target().name() : first.target().name().substring(Baseline.PREFIX.length());
        Row.Builder r = Row.builder(Schemas.DUET).put("scenario", first.scenario().name()).put("target", name)
                .put("base_target", Baseline.PREFIX + name)
                .put("connections", first.level().connections()).put("rate", first.level().rate())
                .put("idle", first.level().idle()).put("repeat", first.repeat()).put("first", first.target().name());
        putWindow(r, "new", next);
        putWindow(r, "base", base);
        double overlap = overlapPct(next.windowStartMs(), next.windowEndMs(), base.windowStartMs(), base.windowEndMs());
        return r.put("overlap_pct", overlap).build();
    }

    private static void putWindow(Row.Builder r, String side, DuetPair.Side s) {
        if (s.windowStartMs() > 0) {
            r.put(side + "_window_start_ms", s.windowStartMs());
        }
        if (s.windowEndMs() > 0) {
            r.put(side + "_window_end_ms", s.windowEndMs());
        }
    }

    /** The time two windows were both open in % of the longer one; NaN when an instant is missing (0). */
    static double overlapPct(long aStart, long aEnd, long bStart, long bEnd) {
        if (aStart <= 0 || aEnd <= 0 || bStart <= 0 || bEnd <= 0) {
            return Double.NaN;
        }
        long longer = Math.max(aEnd - aStart, bEnd - bStart);
        long both = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
        return longer <= 0 ? Double.NaN : 100.0 * Math.max(0, both) / longer;
    }

    /** duet.csv's rows so far: the pairs for the duet invariant ({@code Invariants.apply}). */
    List<Row> windows() {
        return List.copyOf(windows);
    }

    private void writeWindows() {
        try {
            CsvTables.write(duetCsv, Schemas.DUET, windows);
        } catch (IOException e) {
            // summary.csv holds the figures; duet.csv only the windows' instants
        }
    }

    /** Both targets' cells of every level recorded as not run, the first started with one status, the second with the other. */
    private static void notRun(List<Scenario> scenarios, List<TargetSpec> order, int round, String firstStatus,
                               String secondStatus, String reason, Recorder record) {
        for (Scenario s : scenarios) {
            for (Level l : s.levels()) {
                for (int i = 0; i < 2; i++) {
                    SuitePlan.Cell c = new SuitePlan.Cell(s, order.get(i), l, round);
                    record.record(CellResult.notRun(c, order.get(i).pathFor(s), i == 0 ? firstStatus : secondStatus,
                            reason), c);
                }
            }
        }
    }

    /** How long a duet's report wait may take at most beyond the window: the generators' drain and exit. */
    static final Duration REPORT_SLACK = Duration.ofSeconds(100);
}
