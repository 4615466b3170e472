package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import picocli.CommandLine;

/**
 * The suite's command line parsed as {@code mpmbench suite} parses it, for the tests: the command with
 * its flags set ({@link SuiteMain}, not run) and the plan those flags describe ({@link SuitePlan}). The
 * one place a test gets a plan from flags; running the command ({@link SuiteMain#execute}) is not here.
 *
 * <p>Two kinds of plan: {@link #plan(String...)} runs nothing (run id {@value #RUN_ID}, as on
 * {@value #CORES} cores, so the target is pinned to CPU 0 and the load to CPU 1, and without
 * {@code --out} the results go to {@code ROOT/results/run}); {@link #onThisMachine} is one to start
 * targets from (the repository's own root, this machine's cores, its run base created).
 */
final class ParsedSuite {

    /** The run id of a plan that runs nothing: its results folder's name and its run base's suffix. */
    static final String RUN_ID = "run";
    /** The cores a plan that runs nothing is made for: two, so both pins are set. */
    static final int CORES = 2;

    private ParsedSuite() {
    }

    /**
     * The command with these flags set, not run; picocli's {@code ParameterException} for a flag it does not
     * know. The flags are judged when the plan is made ({@link #plan(SuiteMain)}).
     */
    static SuiteMain command(String... args) {
        SuiteMain m = new SuiteMain();
        new CommandLine(m).parseArgs(args);
        return m;
    }

    /**
     * The plan a parsed command describes ({@value #RUN_ID}, {@value #CORES} cores); throws IllegalArgumentException
     * naming a bad flag.
     */
    static SuitePlan plan(SuiteMain command) {
        return command.plan(RUN_ID, CORES);
    }

    /**
     * The plan these flags describe ({@value #RUN_ID}, {@value #CORES} cores); throws IllegalArgumentException
     * naming a bad flag.
     */
    static SuitePlan plan(String... args) {
        return plan(command(args));
    }

    /**
     * A plan to start real targets from: these flags plus {@code --root} the repository's root (the system
     * property {@code mpmbench.root}, which the pom sets for the ITs and in the suite-e2e and agents profiles)
     * and {@code --out out}, made for this machine's cores; its run base ({@code TMPDIR/mpmbench-run-RUNID})
     * is created.
     *
     * @param runId names the run base: distinct per test, so that two tests never share one
     */
    static SuitePlan onThisMachine(String runId, Path out, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        String root = Objects.requireNonNull(System.getProperty("mpmbench.root"),
                "mpmbench.root (the repository's root) is not set: the pom sets it for ITs, -Psuite-e2e and -Pagents");
        all.addAll(List.of("--root", root, "--out", out.toString()));
        SuitePlan plan = command(all.toArray(String[]::new)).plan(runId, Runtime.getRuntime().availableProcessors());
        Files.createDirectories(plan.runBase());
        return plan;
    }
}
