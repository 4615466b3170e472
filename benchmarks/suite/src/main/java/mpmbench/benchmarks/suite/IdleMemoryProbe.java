package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import mpmbench.benchmarks.catalogue.ScenarioKind;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.telemetry.HeldMemory;
import mpmbench.benchmarks.telemetry.TargetProc;
import mpmbench.loadgen.contract.ResultKey;

/**
 * summary.csv's {@value #COLUMN}: the memory a target holds per idle connection, measured within one
 * instance (issue 21). In a cell with idle connections of a load scenario ({@code idle-keepalive},
 * {@code tls-idle}):
 * <ol>
 *   <li>before the holder opens them, the cell's active load runs alone (a load-generator run of its
 *       own, the cell's connections and {@code --settle}) until the target is steady, and the target is
 *       read at the end of that warm-up ({@link HeldMemory#read}); that run then ends;</li>
 *   <li>the holder opens the idle connections and the cell runs as it always did (its measured
 *       connections are new clients);</li>
 *   <li>at the measured window's end, the idle connections still held and the cell's active load on,
 *       the target is read again, and the holder is stopped.</li>
 * </ol>
 * The figure is the difference over the idle connections open and answered at the second reading
 * ({@code idle_open_answered}, KiB per connection): one still waiting in the listen queue of a busy
 * prefork costs the target's processes nothing; when a process started or exited between the readings,
 * the processes present at both count alone, by their descriptors ({@link HeldMemory#perConnection}).
 * Empty, with the reason in the row, when either reading failed or none was held; not measured for a target on another host, with
 * {@code --agents} (the active load before the idle connections would come from elsewhere) or with
 * {@code --generator wrk} (its window's end is signalled once its connections are closed: the second
 * reading would lack the active load the first one had). The two
 * readings pause each JVM of the target for a full collection: both fall outside the measured window.
 * Called from the cell's thread ({@link #before}) and the generator's reader thread ({@link Reads#readHeld}).
 */
final class IdleMemoryProbe {

    /** The column it fills. */
    static final String COLUMN = "idle_kib_per_conn";

    /** The longest the active load before the idle connections runs after its warm-up (it is stopped at the reading). */
    static final Duration BEFORE_RUN_WINDOW = Duration.ofSeconds(30);

    /** How much longer the holder is told to hold, for the reading at the window's end (it is stopped after it). */
    static final Duration READ_MARGIN = Duration.ofSeconds(30);

    private final SuitePlan plan;
    private final Path jcmd;

    IdleMemoryProbe(SuitePlan plan) {
        this.plan = plan;
        this.jcmd = Path.of(plan.java()).resolveSibling("jcmd");
    }

    /** Whether a cell gets the figure: idle connections beside a load (slow-clients' trickling ones are not idle). */
    static boolean applies(SuitePlan.Cell c) {
        return c.level().idle() > 0 && c.scenario().kind() == ScenarioKind.LOAD;
    }

    /** The two readings of one cell: the first taken by {@link #before}, the second by {@link #readHeld}. */
    final class Reads {
        private final TargetProc proc;
        private final int root;
        private final HeldMemory.Reading before;
        private volatile HeldMemory.Reading held;

        private Reads(TargetProc proc, int root, HeldMemory.Reading before) {
            this.proc = proc;
            this.root = root;
            this.before = before;
        }

        /** The second reading, at the measured window's end while the idle connections are held. */
        void readHeld() {
            if (proc == null || !before.ok()) {
                return;
            }
            try {
                held = HeldMemory.read(proc, root, jcmd);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The figure from both readings and the holder's counts. */
        HeldMemory.Figure figure(Map<String, String> holder) {
            String answered = holder.getOrDefault(ResultKey.IDLE_OPEN_ANSWERED.key(), "");
            return HeldMemory.perConnection(before, proc == null ? null : held,
                    answered.isEmpty() ? Double.NaN : Double.parseDouble(answered));
        }

        /** {@code r} with the figure, or with why it is empty added to its reason. */
        CellResult put(CellResult r, Map<String, String> holder) {
            HeldMemory.Figure f = figure(holder);
            Row.Builder b = Row.builder(Schemas.SUMMARY).putAll(r.summary()).put(COLUMN, f.kibPerConnection());
            if (f.whyNot() != null) {
                String note = COLUMN + " not measured: " + f.whyNot();
                String reason = r.summary().text("reason");
                b.put("reason", reason.isEmpty() ? note : reason + "; " + note);
            }
            return new CellResult(b.build(), r.samples());
        }
    }

    /**
     * The first reading of a cell ({@link #applies}): the cell's active load alone until steady, the
     * target read at the end of its warm-up, then that load stopped. Returns the readings' holder;
     * a failed reading is kept with its reason, so the row says why it has no figure.
     */
    Reads before(SuitePlan.Cell c, RunningTarget target, String url, TargetProc given) throws InterruptedException {
        if (plan.remote().hasAgents()) {
            return new Reads(null, 0, HeldMemory.Reading.failed("with --agents the active load comes from other hosts"));
        }
        if (plan.generator() != LoadGenerator.LOADGEN) {
            return new Reads(null, 0, HeldMemory.Reading.failed("with --generator " + plan.generator().name()
                    + " the window's end is known only once its connections are closed"));
        }
        // a target the suite started runs here (in its cgroup when it has one); a url= one here only without --target-host
        TargetProc proc = target.cgroup() != null ? TargetProc.inCgroup(target.cgroup())
                : target.spec().launched() ? TargetProc.local() : plan.remote().targetHost() == null ? given : null;
        if (proc == null) {
            return new Reads(null, 0, HeldMemory.Reading.failed("the target runs on another host"));
        }
        if (target.pid() <= 0) {
            return new Reads(null, 0, HeldMemory.Reading.failed("the target has no PID here"));
        }
        // written by the generator's reader thread, read here once its run is over
        AtomicReference<HeldMemory.Reading> read = new AtomicReference<>();
        AtomicReference<Process> generator = new AtomicReference<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mpmbench-idle-before");
            Path json = dir.resolve("before.json");
            LoadgenRun.run(LoadgenRun.command(plan, url, c.scenario(), c.level(), BEFORE_RUN_WINDOW, json,
                            dir.resolve("before.hgrm"), dir.resolve("before.hlog"), true), json, dir.resolve("before.txt"),
                    plan.maxWarmup().plus(BEFORE_RUN_WINDOW).plusSeconds(30), new LoadgenRun.Listener() {
                        @Override
                        public void second(LoadgenRun.Second s) {
                        }

                        @Override
                        public void generatorStarted(Process p) {
                            generator.set(p);
                        }

                        @Override
                        public void warmupOver(double elapsedS) {
                            try {
                                read.set(HeldMemory.read(proc, target.pid(), jcmd));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                Process p = generator.get();
                                if (p != null) {
                                    p.destroy(); // it ends its run (SIGTERM): the idle connections come next
                                }
                            }
                        }
                    });
        } catch (IOException e) {
            return new Reads(null, 0, HeldMemory.Reading.failed("the active load before the idle connections failed: "
                    + e.getMessage()));
        } finally {
            delete(dir);
        }
        return new Reads(proc, target.pid(), read.get() != null ? read.get()
                : HeldMemory.Reading.failed("no reading at the end of the warm-up of the active load before the idle "
                        + "connections (it never ended, or the reading outlasted the run)"));
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a few files left in /tmp
        }
    }
}
