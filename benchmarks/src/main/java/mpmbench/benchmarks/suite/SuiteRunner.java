package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mpmbench.benchmarks.report.CsvTables;
import mpmbench.benchmarks.report.ReportBuilder;
import mpmbench.benchmarks.report.Row;
import mpmbench.benchmarks.report.Schemas;

/**
 * Runs a {@link SuitePlan}: for each scenario, each target and each repeat, a new target instance
 * (so one cell's leftovers don't leak into the next), its levels one after another, then the target
 * is stopped. A cell that fails is recorded with its reason and the run goes on; summary.csv and
 * samples.csv are rewritten after every target so an interrupted run keeps what it has. The
 * {@code startup} cells are timed on the first launch of each target (and repeat) for another
 * scenario, so they cost no launch of their own unless startup is all that runs. At the end
 * a short micro pass runs when the plan asks ({@link MicroPass}: full by default), then the report
 * (claims, charts, report.md) is built from the CSV files.
 */
public final class SuiteRunner {

    private final SuitePlan plan;
    private final PrintStream err;
    private final TargetLauncher launcher;
    private final List<Row> summary = new ArrayList<>();
    private final List<Row> samples = new ArrayList<>();
    /** (target#repeat) whose startup cell is recorded: from the first launch of that target and repeat. */
    private final java.util.Set<String> startupDone = new java.util.HashSet<>();

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
        for (Scenario s : plan.scenarios()) {
            if (s.kind() == ScenarioKind.STARTUP && plan.scenarios().size() > 1) {
                continue; // recorded from the next launch of each target, or at the end
            }
            for (TargetSpec t : plan.targets()) {
                for (int r = 1; r <= plan.repeats(); r++) {
                    runTarget(runner, s, t, r, bar);
                }
                writeCsv(out);
            }
        }
        Scenario startup = startupScenario();
        if (startup != null) {
            for (TargetSpec t : plan.targets()) {
                for (int r = 1; r <= plan.repeats(); r++) {
                    if (!startupDone.contains(t.name() + "#" + r)) {
                        runTarget(runner, startup, t, r, bar);
                    }
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

    private void runTarget(CellRunner runner, Scenario s, TargetSpec t, int repeat, ProgressBar bar)
            throws InterruptedException {
        List<SuitePlan.Cell> cells = s.levels().stream().map(l -> new SuitePlan.Cell(s, t, l, repeat)).toList();
        String path = t.pathFor(s);
        Optional<String> missing = TargetLauncher.unavailable(t, plan.serverJar());
        String skip = missing.orElse(path == null
                ? s.name() + " needs " + s.endpoint() + ", which " + t.name() + " does not serve (static files only)"
                : s.kind() == ScenarioKind.CRASH && !t.launched() ? "crash needs a target the suite started" : null);
        if (skip == null && s.kind() == ScenarioKind.STARTUP && !t.launched()) {
            skip = "startup needs a target the suite starts";
        }
        if (skip != null) {
            for (SuitePlan.Cell c : cells) {
                record(CellResult.notRun(c, path, "skipped", skip), c, bar);
            }
            return;
        }
        RunningTarget target;
        try {
            target = launcher.start(t);
        } catch (IOException | RuntimeException e) {
            for (SuitePlan.Cell c : cells) {
                record(CellResult.notRun(c, path, "failed", t.name() + " did not start: " + e.getMessage()), c, bar);
            }
            return;
        }
        try (target) {
            Scenario startup = startupScenario();
            if (startup != null && startupDone.add(t.name() + "#" + repeat)) {
                SuitePlan.Cell sc = new SuitePlan.Cell(startup, t, startup.levels().getFirst(), repeat);
                record(runner.startup(sc, target), sc, bar);
                if (s == startup) {
                    return;
                }
            }
            String knee = null;
            for (SuitePlan.Cell c : cells) {
                if (knee != null) {
                    record(CellResult.notRun(c, path, "skipped", knee), c, bar);
                    continue;
                }
                CellResult result = s.kind() == ScenarioKind.STARTUP ? runner.startup(c, target) : runner.run(c, target, path);
                record(result, c, bar);
                if (s.kind() == ScenarioKind.RATE_SWEEP && pastKnee(result.summary(), c.level())) {
                    knee = "past the knee at " + (long) c.level().rate() + " req/s";
                }
                if (target.process() != null && !target.process().isAlive()) {
                    knee = t.name() + " exited during the previous cell";
                }
            }
        }
        deleteRunDir(target);
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

    /** The sweep stops after a level whose p99 passed the SLO, with errors, or that fell 10 % short of its rate. */
    static boolean pastKnee(Row r, Level level) {
        if (!r.text("status").equals("ok")) {
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
            CsvTables.write(out.resolve("samples.csv"), Schemas.SAMPLES, samples);
        } catch (IOException e) {
            err.println("mpmbench suite: cannot write results to " + out + ": " + e.getMessage());
        }
    }
}
