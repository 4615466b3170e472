package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mpmbench.benchmarks.report.ReportBuilder;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * Runs a {@link SuitePlan}. With fresh instances ({@code full}): round 1 of every scenario and target,
 * then round 2 and so on, a new target instance per scenario and round, so drift in the machine hits
 * every target alike. Otherwise ({@code quick}): one instance per scenario and target, whose levels
 * each settle once and are then measured in as many windows as there are repeats. A level always
 * settles first ({@link SteadyState}). A cell that fails is recorded with its reason and the run goes
 * on; summary.csv and samples.csv are rewritten after every target so an interrupted run keeps what it
 * has. The {@code startup} cells are timed on the first launches of each target for other scenarios
 * (one per repeat), so they cost no launch of their own unless too few launches happen. At the end a
 * short micro pass runs when the plan asks ({@link MicroPass}: full by default), then the report
 * (cells, claims, charts, report.md) is built from the CSV files.
 */
public final class SuiteRunner {

    private final SuitePlan plan;
    private final PrintStream err;
    private final TargetLauncher launcher;
    private final List<Row> summary = new ArrayList<>();
    private final List<Row> samples = new ArrayList<>();
    /** Startup cells recorded so far per target: one per launch, up to the plan's repeats. */
    private final Map<String, Integer> startups = new HashMap<>();

    public SuiteRunner(SuitePlan plan, PrintStream err) {
        this.plan = plan;
        this.err = err;
        this.launcher = new TargetLauncher(plan);
    }

    public Path run(String runId, List<String> args) throws IOException, InterruptedException {
        Path out = plan.out();
        Path latency = out.resolve("latency");
        Files.createDirectories(latency);
        Files.createDirectories(plan.runBase());
        plan.runBase().toFile().setReadable(true, false);
        plan.runBase().toFile().setExecutable(true, false);
        CsvTables.write(out.resolve("env.csv"), Schemas.ENV, EnvInfo.collect(plan, runId, args, launcher));
        List<SuitePlan.Cell> cells = plan.cells();
        ProgressBar bar = new ProgressBar(err, System.console() != null && System.console().isTerminal(), cells.size(),
                cells.stream().mapToDouble(plan::estimateSeconds).sum());
        CellRunner runner = new CellRunner(plan, latency);
        boolean onlyStartup = plan.scenarios().size() == 1 && startupScenario() != null;
        int rounds = plan.freshInstances() ? plan.repeats() : 1;
        int windows = plan.freshInstances() ? 1 : plan.repeats();
        for (int round = 1; round <= rounds; round++) {
            for (Scenario s : plan.scenarios()) {
                if (s.kind() == ScenarioKind.STARTUP && !onlyStartup) {
                    continue; // recorded from the launches for other scenarios, or at the end
                }
                for (TargetSpec t : plan.targets()) {
                    runTarget(runner, s, t, round, windows, bar);
                    writeCsv(out);
                }
            }
        }
        Scenario startup = startupScenario();
        if (startup != null) {
            for (TargetSpec t : plan.targets()) {
                while (startups.getOrDefault(t.name(), 0) < plan.repeats() && !skipped(startup, t, bar)) {
                    runTarget(runner, startup, t, 1, 1, bar);
                }
            }
            writeCsv(out);
        }
        bar.end();
        try {
            Files.deleteIfExists(plan.runBase()); // only when every run directory was removed
        } catch (IOException kept) {
            err.println("mpmbench suite: run directories of targets that did not start are kept in " + plan.runBase());
        }
        if (plan.micro()) {
            recordMicro(out, MicroPass.run(plan, out, err));
        }
        ReportBuilder.build(out);
        return out;
    }

    /** Adds the micro pass's status to env.csv (key {@code micro}) for report.md. */
    private void recordMicro(Path out, String status) {
        try {
            List<Row> env = new ArrayList<>(CsvTables.read(out.resolve("env.csv")));
            env.add(Row.builder(Schemas.ENV).put("key", "micro").put("value", status).build());
            CsvTables.write(out.resolve("env.csv"), Schemas.ENV, env);
        } catch (IOException e) {
            err.println("mpmbench suite: cannot record the micro pass in env.csv: " + e.getMessage());
        }
    }

    /** Why a scenario cannot run on a target here, or null when it can. */
    private String skipReason(Scenario s, TargetSpec t) {
        String path = t.pathFor(s);
        Optional<String> missing = TargetLauncher.unavailable(t, plan.serverJar());
        if (missing.isPresent()) {
            return missing.get();
        }
        if (path == null) {
            return s.name() + " needs " + s.endpoint() + ", which " + t.name() + " does not serve (static files only)";
        }
        if ((s.kind() == ScenarioKind.CRASH || s.kind() == ScenarioKind.STARTUP) && !t.launched()) {
            return s.name() + " needs a target the suite starts";
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
        startups.put(t.name(), plan.repeats());
        return true;
    }

    /**
     * One instance of a target for one scenario: launched, its startup cell recorded when one is still
     * due, each level run in {@code windows} repeats from {@code repeat}, then stopped.
     */
    private void runTarget(CellRunner runner, Scenario s, TargetSpec t, int repeat, int windows, ProgressBar bar)
            throws InterruptedException {
        String path = t.pathFor(s);
        String skip = skipReason(s, t);
        if (skip != null) {
            for (Level l : s.levels()) {
                for (int w = 0; w < windows; w++) {
                    SuitePlan.Cell c = new SuitePlan.Cell(s, t, l, repeat + w);
                    record(CellResult.notRun(c, path, "skipped", skip), c, bar);
                }
            }
            return;
        }
        RunningTarget target;
        try {
            target = launcher.start(t);
        } catch (IOException | RuntimeException e) {
            for (Level l : s.levels()) {
                for (int w = 0; w < windows; w++) {
                    SuitePlan.Cell c = new SuitePlan.Cell(s, t, l, repeat + w);
                    record(CellResult.notRun(c, path, "failed", t.name() + " did not start: " + e.getMessage()), c, bar);
                }
            }
            return;
        }
        try (target) {
            runLevels(runner, s, t, repeat, windows, target, bar);
        } finally {
            deleteRunDir(target);
        }
    }

    private void runLevels(CellRunner runner, Scenario s, TargetSpec t, int repeat, int windows, RunningTarget target,
                           ProgressBar bar) throws InterruptedException {
        String path = t.pathFor(s);
        Scenario startup = startupScenario();
        int done = startups.getOrDefault(t.name(), 0);
        if (startup != null && done < plan.repeats()) {
            startups.put(t.name(), done + 1);
            SuitePlan.Cell sc = new SuitePlan.Cell(startup, t, startup.levels().getFirst(), done + 1);
            record(runner.startup(sc, target), sc, bar);
            if (s == startup) {
                return;
            }
        }
        String knee = null;
        for (Level l : s.levels()) {
            SuitePlan.Cell c = new SuitePlan.Cell(s, t, l, repeat);
            if (knee != null) {
                for (int w = 0; w < windows; w++) {
                    SuitePlan.Cell cw = new SuitePlan.Cell(s, t, l, repeat + w);
                    record(CellResult.notRun(cw, path, "skipped", knee), cw, bar);
                }
                continue;
            }
            List<Row> level = new ArrayList<>();
            runner.run(c, windows, target, path, r -> {
                level.add(r.summary());
                record(r, new SuitePlan.Cell(s, t, l, Integer.parseInt(r.summary().text("repeat"))), bar);
            });
            if (s.kind() == ScenarioKind.RATE_SWEEP && level.stream().filter(r -> pastKnee(r, l)).count() * 2 > level.size()) {
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
    private static void deleteRunDir(RunningTarget target) {
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
     * The sweep stops after a level whose p99 passed the SLO, with errors, or that fell 10 % short of its
     * rate in most of its repeats (a generator-bound or unsettled repeat counts by its figures).
     */
    static boolean pastKnee(Row r, Level level) {
        if (r.text("status").equals("failed") || r.text("status").equals("skipped")) {
            return true;
        }
        return r.num("p99_ms") > Scenarios.SLO_P99_MS || r.num("errors") > 0 || r.num("rps") < 0.9 * level.rate();
    }

    private void record(CellResult result, SuitePlan.Cell c, ProgressBar bar) {
        summary.add(result.summary());
        samples.addAll(result.samples());
        String status = result.summary().text("status");
        bar.cellDone(c.id() + (status.equals("ok") ? "" : " " + status + ": " + result.summary().text("reason")),
                plan.estimateSeconds(c));
    }

    private void writeCsv(Path out) {
        try {
            CsvTables.write(out.resolve("summary.csv"), Schemas.SUMMARY, summary);
            CsvTables.write(out.resolve("cells.csv"), Schemas.CELLS, new Cells(summary).table());
            CsvTables.write(out.resolve("samples.csv"), Schemas.SAMPLES, samples);
        } catch (IOException e) {
            err.println("mpmbench suite: cannot write results to " + out + ": " + e.getMessage());
        }
    }
}
