package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.results.ResultsFolder;

/**
 * The load generator a suite's cells are measured with ({@code mpmbench suite --generator NAME}):
 * {@link #LOADGEN}, ours ({@code mpmbench load}, the default), or {@link WrkRun} (Debian's wrk 4, the
 * cross-check). {@link CellRunner} calls {@link #run} once per measured cell and reads back what our
 * generator's JSON holds, whichever ran: so rounds, pinning, telemetry, intervals, claims and the report
 * are the suite's own for both. A generator that cannot do what a scenario needs says why
 * ({@link #unsupported}) and the suite records its cells as skipped with that reason, never a number.
 *
 * <p>Stateless; {@link #run} is called from the suite's one thread, the listener from a reader thread.
 */
public interface LoadGenerator {

    /** Ours: {@link LoadgenRun}'s command and process, exactly as the suite ran it before there was a choice. */
    LoadGenerator LOADGEN = new LoadGenerator() {
        @Override
        public String name() {
            return ResultsFolder.OUR_GENERATOR;
        }

        @Override
        public String unsupported(Scenario s) {
            return null;
        }

        @Override
        public LoadgenRun.Outcome run(SuitePlan plan, SuitePlan.Cell c, String url, Duration window, boolean settle,
                                      Path latencyDir, LoadgenRun.Listener listener)
                throws IOException, InterruptedException {
            Path json = latencyDir.resolve(c.id() + ".json");
            List<String> cmd = LoadgenRun.command(plan, url, c.scenario(), c.level(), window, json,
                    latencyDir.resolve(c.id() + ".hgrm"), latencyDir.resolve(c.id() + ".hlog"), settle);
            return LoadgenRun.run(cmd, json, latencyDir.resolve(c.id() + ".txt"),
                    plan.maxWarmup().plus(window).plusSeconds(90), listener);
        }
    };

    /** The names {@code --generator} accepts, the default first. */
    List<String> NAMES = List.of(ResultsFolder.OUR_GENERATOR, ResultsFolder.WRK);

    /** The generator of a {@code --generator} value; throws IllegalArgumentException naming the flag and the accepted values. */
    static LoadGenerator of(String name) {
        String n = name == null ? "" : name.strip();
        if (n.equals(LOADGEN.name())) {
            return LOADGEN;
        }
        if (n.equals(WrkRun.INSTANCE.name())) {
            return WrkRun.INSTANCE;
        }
        throw new IllegalArgumentException("--generator '" + name + "': accepted values are "
                + String.join(", ", NAMES) + " (default " + LOADGEN.name() + ")");
    }

    /** Its {@code --generator} name. */
    String name();

    /** Why cells of {@code s} cannot be measured with this generator (the skip reason), or null when they can. */
    String unsupported(Scenario s);

    /** Checks the plan's flags against what this generator can do; throws IllegalArgumentException naming the flag. */
    default void check(SuitePlan plan) {
    }

    /**
     * env.csv's rows for this generator (key, value) besides its name, which {@link EnvInfo#generatorRows}
     * writes for every run ({@link ResultsFolder#GENERATOR_KEY}): none for ours, whose flags have their
     * rows already ({@code loadgen_flags}).
     */
    default List<String[]> env(SuitePlan plan) {
        return List.of();
    }

    /**
     * One cell's load: a warm-up until the target is steady (at most the plan's settle cap, at least its
     * warm-up; only the fixed warm-up when not {@code settle}), then {@code window} measured against
     * {@code url}. Files go to {@code latencyDir} under the cell's id ({@code ID.json}, {@code ID.txt},
     * {@code ID.hgrm}, ...). The listener hears the progress it can give and, at the instants they
     * happen, the measured window's start and end (the telemetry's window). The outcome's fields are
     * our generator's JSON keys ({@code requests}, {@code duration_s}, {@code p99_ms}, ...), a figure it
     * cannot measure empty; an outcome with no fields is a run that failed (exit code and stderr say why).
     */
    LoadgenRun.Outcome run(SuitePlan plan, SuitePlan.Cell c, String url, Duration window, boolean settle,
                           Path latencyDir, LoadgenRun.Listener listener) throws IOException, InterruptedException;
}
