package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.ScenarioKind;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.report.ReportBuilder;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Invariants;
import mpmbench.benchmarks.results.RateSweep;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.telemetry.MachineCpu;

/**
 * Runs a {@link SuitePlan} in rounds: round 1 of every target, then round 2 and so on, a fresh target
 * instance per round (per scenario and round too in {@code full}), so drift in the machine hits every
 * target alike and an instance's own luck is in the repeats' spread. Every level warms up until the
 * target is steady ({@link SteadyState}) and is measured once per round. A cell that fails is recorded
 * with its reason and the run goes on; summary.csv and samples.csv are rewritten after every instance
 * so an interrupted run keeps what it has. The {@code startup} cells are timed on the first launches
 * of each target for other scenarios (one per repeat), so they cost no launch of their own unless too
 * few launches happen. At the end a short micro pass runs when the plan asks ({@link MicroPass}: full
 * by default), then the report (cells, claims, charts, report.md) is built from the CSV files.
 */
public final class SuiteRunner {

    private final SuitePlan plan;
    private final PrintStream err;
    private final TargetLauncher launcher;
    private final List<Row> summary = new ArrayList<>();
    private final List<Row> samples = new ArrayList<>();
    /** Startup cells recorded so far per target: one per launch, up to {@link #startupsDue}. */
    private final Map<String, Integer> startups = new HashMap<>();
    /** Start-up cells a target is to have by now: the plan's repeats, more in rounds --until-decided adds for them. */
    private final Map<String, Integer> startupsDue = new HashMap<>();
    /**
     * Launches a target with an open start-up claim gets in each round {@code --until-decided} adds. A launch
     * costs about a second, a load cell tens, and a start-up time is noisy against the claim's margin: on
     * 2026-12-07 httpd's three models started in 22–47 ms, a ratio of 1.03 against the threshold of 1.10 with
     * ±20 % after 9 launches each (results/claims-2026-12-07-third). One launch per round left claim 1c open
     * at the budget's end while the load cells decided.
     */
    static final int STARTUP_LAUNCHES_PER_ROUND = 8;
    /** The instance being measured, for the shutdown hook: a suite stopped by a signal stops it too. */
    private volatile RunningTarget live;
    /** {@code --duet}'s pairs ({@link DuetInstances}); null without it. */
    private volatile DuetInstances duet;

    /** env.csv's rows: the CPUs a target may use, for the invariants every write applies. */
    private List<Row> env = List.of();
    private final QuietWait quiet;
    /** {@code --until-decided}: rounds added for undecided figures; null when not asked. */
    private final UntilDecided untilDecided;
    private final long startNs = System.nanoTime();

    public SuiteRunner(SuitePlan plan, PrintStream err) {
        this(plan, err, Duration.ZERO);
    }

    /** @param waitQuiet the longest wait for a quiet machine before each target instance (zero: none) */
    public SuiteRunner(SuitePlan plan, PrintStream err, Duration waitQuiet) {
        this(plan, err, waitQuiet, null);
    }

    /** @param untilDecided {@code --until-decided}'s rule (needs a plan with a baseline), or null */
    public SuiteRunner(SuitePlan plan, PrintStream err, Duration waitQuiet, UntilDecided untilDecided) {
        this.plan = plan;
        this.err = err;
        this.launcher = new TargetLauncher(plan);
        this.quiet = new QuietWait(waitQuiet, err);
        this.untilDecided = untilDecided;
    }

    public Path run(String runId, List<String> args) throws IOException, InterruptedException {
        Path out = plan.out();
        Path latency = out.resolve("latency");
        List<SuitePlan.Cell> cells = plan.cells();
        try (TargetHost host = TargetHost.open(plan)) { // a target host that cannot be read stops the run here
            Files.createDirectories(latency);
            Files.createDirectories(plan.runBase());
            plan.runBase().toFile().setReadable(true, false);
            plan.runBase().toFile().setExecutable(true, false);
            MachineCpu start = machineNow();
            env = EnvInfo.collect(plan, runId, args, launcher);
            if (untilDecided != null) {
                env.add(Row.builder(Schemas.ENV).put("key", mpmbench.benchmarks.compare.Decisions.LOOKS_KEY)
                        .put("value", untilDecided.looks(plan.repeats())).build());
                env.add(Row.builder(Schemas.ENV).put("key", "until_decided")
                        .put("value", untilDecided.describe(plan.repeats())).build());
            }
            env.addAll(launcher.prepareAotCaches()); // before the first cell: no measured start builds it
            env.add(Row.builder(Schemas.ENV).put("key", "loadgen_aot_cache") // ours' too (GeneratorAotCache)
                    .put("value", mpmbench.loadgen.GeneratorAotCache.make(plan.java(), plan.loadgenJar(), err)).build());
            quiet.await();
            for (String[] kv : host.describe()) {
                env.add(Row.builder(Schemas.ENV).put("key", kv[0]).put("value", kv[1]).build());
            }
            CsvTables.write(out.resolve("env.csv"), Schemas.ENV, env);
            if (plan.duet()) {
                duet = new DuetInstances(plan, launcher, new CellRunner(plan.forDuet(), latency, host.proc()));
            }
            runCells(out, latency, cells, new CellRunner(plan, latency, host.proc()));
            if (plan.micro()) {
                recordEnv(out, List.of(Row.builder(Schemas.ENV).put("key", "micro")
                        .put("value", MicroPass.run(plan, out, err)).build()));
            }
            recordEnv(out, EnvInfo.atEnd(start, latency, launcher.serverTlsEngines()));
        }
        ReportBuilder.build(out);
        return out;
    }

    private void runCells(Path out, Path latency, List<SuitePlan.Cell> cells, CellRunner runner)
            throws InterruptedException {
        ProgressBar bar = new ProgressBar(err, System.console() != null && System.console().isTerminal(), cells.size(),
                cells.stream().mapToDouble(plan::estimateSeconds).sum());
        // SIGTERM or Ctrl-C: the target started last (or being started) is stopped with the suite (its
        // load-generator runs end by themselves), and the CSV files written after each instance keep what
        // was measured.
        Thread stopLive = Thread.ofPlatform().unstarted(() -> {
            List<RunningTarget> stop = new ArrayList<>();
            DuetInstances pairs = duet;
            if (pairs != null) {
                stop.addAll(pairs.running()); // a duet's two instances
            }
            RunningTarget t = live != null ? live : launcher.launching();
            if (t != null && !stop.contains(t)) {
                stop.add(t);
            }
            for (RunningTarget s : stop) {
                err.println("\nmpmbench suite: stopped early; stopping " + s.spec().name()
                        + "; what was measured is in " + out + " ('mpmbench report " + out + "' draws it)");
                s.close();
            }
        });
        Runtime.getRuntime().addShutdownHook(stopLive);
        try {
            measureAll(out, runner, bar);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopLive);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
        bar.end();
        launcher.deleteCertificate(); // the tls-* scenarios' key leaves with the run
        try {
            Files.deleteIfExists(plan.runBase()); // only when every run directory was removed
        } catch (IOException kept) {
            err.println("mpmbench suite: run directories of targets that did not start are kept in " + plan.runBase());
        }
    }

    /** Every round of every target and scenario, then the start-up cells still due. */
    private void measureAll(Path out, CellRunner runner, ProgressBar bar) throws InterruptedException {
        boolean onlyStartup = plan.scenarios().size() == 1 && startupScenario() != null;
        // recorded from the launches for other scenarios, or at the end
        List<Scenario> measured = plan.scenarios().stream()
                .filter(s -> onlyStartup || s.kind() != ScenarioKind.STARTUP)
                .filter(s -> !s.name().equals(Scenarios.EQUAL_LOAD)).toList(); // its rate comes from these rounds
        Scenario equalLoad = plan.scenarios().stream().filter(s -> s.name().equals(Scenarios.EQUAL_LOAD)).findFirst()
                .orElse(null);
        for (int round = 1; round <= plan.repeats(); round++) {
            if (plan.scenariosShareInstance()) {
                for (TargetSpec t : plan.targetsInRound(round)) {
                    runTarget(runner, measured, t, round, bar);
                    writeCsv(out);
                }
            } else {
                for (Scenario s : measured) {
                    for (TargetSpec t : plan.targetsInRound(round)) {
                        runTarget(runner, List.of(s), t, round, bar);
                        writeCsv(out);
                    }
                }
            }
        }
        Map<String, EqualLoad.Rate> rates = Map.of();
        if (equalLoad != null) {
            rates = EqualLoad.rates(plan.targets(), new Cells(Invariants.apply(summary, env)));
            recordEnv(out, EqualLoad.envRows(rates));
            runEqualLoad(out, runner, bar, equalLoad, rates);
        }
        if (untilDecided != null) {
            List<Scenario> more = new ArrayList<>(measured);
            if (equalLoad != null) {
                more.add(equalLoad);
            }
            Map<String, EqualLoad.Rate> r = rates;
            addRounds(out, runner, bar, more, (s, t) -> s != equalLoad ? s
                    : r.containsKey(t.family()) ? EqualLoad.at(s, r.get(t.family()).rate()) : null);
        }
        Scenario startup = startupScenario();
        if (startup != null) {
            for (TargetSpec t : plan.targets()) {
                while (startups.getOrDefault(t.name(), 0) < startupsDue(t) && !skipped(startup, t, bar)) {
                    runInstance(runner, List.of(startup), t, 1, bar);
                }
            }
            writeCsv(out);
        }
    }

    /**
     * {@code equal-load}'s rounds, after the plan's ({@link EqualLoad}): each target at its family's rate, a
     * fresh instance per round, in the rounds' order; a target whose family has no rate is skipped, saying why.
     */
    private void runEqualLoad(Path out, CellRunner runner, ProgressBar bar, Scenario equalLoad,
                              Map<String, EqualLoad.Rate> rates) throws InterruptedException {
        for (int round = 1; round <= plan.repeats(); round++) {
            for (TargetSpec t : plan.targetsInRound(round)) {
                EqualLoad.Rate rate = rates.get(t.family());
                if (rate == null) {
                    notRun(equalLoad, t, round, "skipped", EqualLoad.noRate(t), bar);
                } else {
                    runInstance(runner, List.of(EqualLoad.at(equalLoad, rate.rate())), t, round, bar);
                }
                writeCsv(out);
            }
        }
    }

    /**
     * {@code --until-decided}: rounds only for the cells an inconclusive claim reads or with an undecided
     * figure (both builds, ABBA), looking at the data when the rounds have doubled ({@link UntilDecided#nextLook}),
     * until nothing is left, the budget is spent (the next look comes then) or the cells have the most
     * repeats; then decided.csv.
     */
    private void addRounds(Path out, CellRunner runner, ProgressBar bar, List<Scenario> measured,
                           java.util.function.BiFunction<Scenario, TargetSpec, Scenario> resolve)
            throws InterruptedException {
        int looks = untilDecided.looks(plan.repeats());
        UntilDecided.Tracker tracker = new UntilDecided.Tracker();
        UntilDecided.Look now = new UntilDecided.Look(List.of(), List.of());
        // only the scenarios the rounds run can get another round, and the start-up cells: launches of their own
        // time them (claim 1c; before 2026-12-07 they were left at the plan's repeats, undecided and unsaid)
        java.util.Set<String> runnable = new java.util.HashSet<>(measured.stream().map(Scenario::name).toList());
        Scenario startup = startupScenario();
        boolean ownLaunch = startup != null && !measured.contains(startup); // else the rounds' launches time it
        if (startup != null) {
            runnable.add(startup.name());
        }
        int rounds = plan.repeats();
        for (int look = 1; ; look++) {
            try {
                now = untilDecided.look(out, plan.repeats());
            } catch (IOException e) {
                err.println("mpmbench suite: --until-decided cannot read " + out + ": " + e.getMessage());
                return;
            }
            tracker.saw(now);
            java.util.Set<String> undecided = new java.util.LinkedHashSet<>(UntilDecided.undecidedCells(now));
            undecided.removeIf(c -> !runnable.contains(c.substring(0, c.indexOf('|'))));
            if (undecided.isEmpty() || rounds >= untilDecided.maxRepeats() || spent() || look >= looks) {
                err.println("mpmbench suite: --until-decided: " + (undecided.isEmpty() ? "every claim and figure decided"
                        : undecided.size() + " cell(s) undecided, " + (spent() ? "the budget is spent"
                        : "at the most repeats")) + " after round " + rounds + " (look " + look + " of at most " + looks + ")");
                break;
            }
            int next = untilDecided.nextLook(rounds);
            err.println("mpmbench suite: --until-decided: look " + look + " after round " + rounds + ": "
                    + undecided.size() + " cell(s) undecided; rounds " + (rounds + 1) + "-" + next + " for them");
            while (rounds < next && !spent()) {
                rounds++;
                for (TargetSpec t : plan.targetsInRound(rounds)) {
                    String name = t.base() ? t.name().substring(Baseline.PREFIX.length()) : t.name();
                    if (startup != null && undecided.contains(startup.name() + "|" + name) && skipReason(startup, t) == null) {
                        startupsDue.put(t.name(), startupsDue(t) + STARTUP_LAUNCHES_PER_ROUND);
                        // launches of their own, timed, then stopped; without ownLaunch the round's instance times one more
                        int launches = ownLaunch ? STARTUP_LAUNCHES_PER_ROUND : STARTUP_LAUNCHES_PER_ROUND - 1;
                        for (int i = 0; i < launches; i++) {
                            bar.extend(1, plan.estimateSeconds(new SuitePlan.Cell(startup, t, startup.levels().getFirst(), 0)));
                            runInstance(runner, List.of(startup), t, rounds, bar);
                            writeCsv(out);
                        }
                    }
                    List<Scenario> open = measured.stream().filter(s -> undecided.contains(s.name() + "|" + name))
                            .map(s -> resolve.apply(s, t)).filter(java.util.Objects::nonNull).toList();
                    if (!open.isEmpty()) {
                        List<SuitePlan.Cell> cells = open.stream().flatMap(s -> s.levels().stream()
                                .map(l -> new SuitePlan.Cell(s, t, l, 0))).toList();
                        bar.extend(cells.size(), cells.stream().mapToDouble(plan::estimateSeconds).sum());
                        runTarget(runner, open, t, rounds, bar);
                        writeCsv(out);
                    }
                }
            }
        }
        try {
            tracker.write(out, now, looks);
        } catch (IOException e) {
            err.println("mpmbench suite: cannot write decided.csv: " + e.getMessage());
        }
    }

    /** Whether {@code --until-decided}'s budget (none: never) has been taken by the run. */
    private boolean spent() {
        return !untilDecided.budget().isZero() && System.nanoTime() - startNs >= untilDecided.budget().toNanos();
    }

    /** Adds rows to env.csv (the micro pass's status, the load and steal at the end) for report.md and verify. */
    private void recordEnv(Path out, List<Row> rows) {
        try {
            List<Row> all = new ArrayList<>(CsvTables.read(out.resolve("env.csv")));
            all.addAll(rows);
            CsvTables.write(out.resolve("env.csv"), Schemas.ENV, all);
            env = all;
        } catch (IOException e) {
            err.println("mpmbench suite: cannot add to env.csv: " + e.getMessage());
        }
    }

    private static MachineCpu machineNow() {
        try {
            return MachineCpu.read();
        } catch (IOException e) {
            return null;
        }
    }

    /** Why a scenario cannot run on a target here, or null when it can. */
    private String skipReason(Scenario s, TargetSpec t) {
        String path = t.pathFor(s);
        Optional<String> missing = TargetLauncher.unavailable(t, plan.serverJar(t));
        if (missing.isPresent()) {
            return missing.get();
        }
        String generator = plan.generator().unsupported(s);
        if (generator != null) {
            return generator;
        }
        if (path == null) {
            String serves = t.kind() == TargetSpec.Kind.HTTPD ? "static files, and /cpu through mod_lua" : "static files only";
            return s.name() + " needs " + s.endpoint() + ", which " + t.name() + " does not serve (" + serves + ")";
        }
        if ((s.kind() == ScenarioKind.CRASH || s.kind() == ScenarioKind.STARTUP
                || s.kind() == ScenarioKind.GRACEFUL_RESTART) && !t.launched()) {
            return s.name() + " needs a target the suite starts";
        }
        if (s.transport().tls() && !t.launched()) {
            return s.name() + " needs a target the suite starts over HTTPS (url= is reached over http:// as given)";
        }
        return null;
    }

    /** Records the startup cells of a target that cannot start as skipped; true when it did. */
    private boolean skipped(Scenario startup, TargetSpec t, ProgressBar bar) {
        String skip = skipReason(startup, t);
        if (skip == null) {
            return false;
        }
        for (int r = startups.getOrDefault(t.name(), 0) + 1; r <= plan.repeats(); r++) {
            SuitePlan.Cell c = new SuitePlan.Cell(startup, t, startup.levels().getFirst(), r);
            record(CellResult.notRun(c, t.pathFor(startup), "skipped", skip), c, bar);
        }
        startups.put(t.name(), Math.max(plan.repeats(), startupsDue(t)));
        return true;
    }

    /**
     * A target's cells of {@code scenarios} in round {@code round}: with {@code --duet} its duet scenarios
     * ({@link SuitePlan#duetCell}) run with its pair's other build as a duet ({@link DuetInstances}), once per
     * round, when the round reaches the first of the two ({@link SuitePlan#duetOrder}); the others as
     * {@link #runInstance}, alone.
     */
    private void runTarget(CellRunner runner, List<Scenario> scenarios, TargetSpec t, int round, ProgressBar bar)
            throws InterruptedException {
        DuetInstances pairs = duet;
        List<Scenario> together = pairs == null ? List.of() : scenarios.stream().filter(s -> plan.duetCell(s, t)).toList();
        List<Scenario> alone = scenarios.stream().filter(s -> !together.contains(s)).toList();
        if (!together.isEmpty()) {
            TargetSpec next = t.base() ? plan.targets().stream()
                    .filter(x -> x.name().equals(t.name().substring(Baseline.PREFIX.length()))).findFirst().orElseThrow() : t;
            if (plan.duetOrder(next, round).getFirst().equals(t)) {
                quiet.await();
                pairs.run(together, next, round, (r, c) -> record(r, c, bar));
            }
        }
        if (!alone.isEmpty()) {
            runInstance(runner, alone, t, round, bar);
        }
    }

    /**
     * The instances of a target for {@code scenarios}: one over plain HTTP for those over HTTP, then one
     * over HTTPS for the {@code tls-*} ones ({@link Scenario#transport()}), each as {@link #runOneInstance}.
     */
    private void runInstance(CellRunner runner, List<Scenario> scenarios, TargetSpec t, int round, ProgressBar bar)
            throws InterruptedException {
        for (boolean tls : new boolean[] {false, true}) {
            List<Scenario> group = scenarios.stream().filter(s -> s.transport().tls() == tls).toList();
            if (!group.isEmpty()) {
                runOneInstance(runner, group, t, round, bar, tls);
            }
        }
    }

    /**
     * One instance of a target for {@code scenarios}, in their order, over HTTPS when {@code tls}:
     * launched unless none of them can run on it, its startup cell recorded when one is still due (on a
     * plain HTTP launch only: a startup is timed as the scenario says, to the first 200 over HTTP), each
     * level of each scenario measured as repeat {@code round}, then stopped. Scenarios it cannot run are
     * recorded as skipped.
     */
    private void runOneInstance(CellRunner runner, List<Scenario> scenarios, TargetSpec t, int round, ProgressBar bar,
                                boolean tls) throws InterruptedException {
        List<Scenario> runnable = new ArrayList<>();
        for (Scenario s : scenarios) {
            String skip = skipReason(s, t);
            if (skip == null) {
                runnable.add(s);
            } else {
                notRun(s, t, round, "skipped", skip, bar);
            }
        }
        if (runnable.isEmpty()) {
            return;
        }
        quiet.await();
        RunningTarget target;
        try {
            target = launcher.start(t, tls);
        } catch (IOException | RuntimeException e) {
            for (Scenario s : runnable) {
                notRun(s, t, round, "failed", t.name() + " did not start: " + e.getMessage(), bar);
                if (s.kind() == ScenarioKind.STARTUP) {
                    startups.put(t.name(), Integer.MAX_VALUE); // no more launches to time
                }
            }
            return;
        }
        live = target;
        try (target) {
            if (!tls) {
                recordStartup(runner, t, target, bar);
            }
            String gone = null;
            for (Scenario s : runnable) {
                if (s.kind() == ScenarioKind.STARTUP) {
                    continue;
                }
                if (gone != null) {
                    notRun(s, t, round, "skipped", gone, bar);
                    continue;
                }
                runLevels(runner, s, t, round, target, bar);
                if (target.process() != null && !target.process().isAlive()) {
                    gone = t.name() + " exited during an earlier cell of this instance";
                }
            }
        } finally {
            live = null;
            deleteRunDir(target);
        }
    }

    private void notRun(Scenario s, TargetSpec t, int round, String status, String reason, ProgressBar bar) {
        for (Level l : s.levels()) {
            SuitePlan.Cell c = new SuitePlan.Cell(s, t, l, round);
            record(CellResult.notRun(c, t.pathFor(s), status, reason), c, bar);
        }
    }

    /** The startup cell of this launch, when the target still has fewer than the plan's repeats. */
    private void recordStartup(CellRunner runner, TargetSpec t, RunningTarget target, ProgressBar bar) {
        Scenario startup = startupScenario();
        int done = startups.getOrDefault(t.name(), 0);
        if (startup != null && done < startupsDue(t)) {
            startups.put(t.name(), done + 1);
            SuitePlan.Cell sc = new SuitePlan.Cell(startup, t, startup.levels().getFirst(), done + 1);
            record(runner.startup(sc, target), sc, bar);
        }
    }

    /** The start-up cells {@code t} is to have by now ({@link #startupsDue}). */
    private int startupsDue(TargetSpec t) {
        return startupsDue.getOrDefault(t.name(), plan.repeats());
    }

    /** Each level of {@code s} on a running instance; a rate sweep stops after its knee. */
    private void runLevels(CellRunner runner, Scenario s, TargetSpec t, int round, RunningTarget target,
                           ProgressBar bar) throws InterruptedException {
        String path = t.pathFor(s);
        String knee = null;
        for (Level l : s.levels()) {
            SuitePlan.Cell c = new SuitePlan.Cell(s, t, l, round);
            if (knee != null) {
                record(CellResult.notRun(c, path, "skipped", knee), c, bar);
                continue;
            }
            CellResult r = runner.run(c, target, path);
            record(r, c, bar);
            if (s.kind() == ScenarioKind.RATE_SWEEP && pastKnee(r.summary())) {
                knee = "past the knee at " + (long) l.rate() + " req/s";
            }
            if (target.process() != null && !target.process().isAlive()) {
                knee = t.name() + " exited during the previous cell";
            }
        }
    }

    /**
     * Removes a stopped target's run directory (config, docroot, logs). A target that did not start
     * keeps its directory, named in the cell's reason.
     */
    static void deleteRunDir(RunningTarget target) {
        if (target.runDir() == null) {
            return;
        }
        try (var walk = Files.walk(target.runDir())) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left behind under the run base in /tmp; harmless
        }
    }

    private Scenario startupScenario() {
        return plan.scenarios().stream().filter(x -> x.kind() == ScenarioKind.STARTUP).findFirst().orElse(null);
    }

    /**
     * A round's sweep stops after a level that was not sustained ({@link RateSweep#sustained}; a
     * generator-bound or unsettled repeat counts by its figures).
     */
    static boolean pastKnee(Row r) {
        return !RateSweep.sustained(r, Scenarios.SLO_P99_MS);
    }

    private void record(CellResult result, SuitePlan.Cell c, ProgressBar bar) {
        summary.add(result.summary());
        samples.addAll(result.samples());
        String status = result.summary().text("status");
        bar.cellDone(c.id() + result.progressNote()
                        + (status.equals("ok") ? "" : " " + status + ": " + result.summary().text("reason")),
                plan.estimateSeconds(c));
    }

    private void writeCsv(Path out) {
        try {
            // nothing impossible is written: a row that breaks an invariant is invalid, with the rule
            List<Row> pairs = duet == null ? List.of() : duet.windows(); // duet.csv: the pairs measured together
            CsvTables.write(out.resolve("summary.csv"), Schemas.SUMMARY, Invariants.apply(summary, env, pairs));
            CsvTables.write(out.resolve("samples.csv"), Schemas.SAMPLES, samples);
        } catch (IOException e) {
            err.println("mpmbench suite: cannot write results to " + out + ": " + e.getMessage());
        }
    }
}
