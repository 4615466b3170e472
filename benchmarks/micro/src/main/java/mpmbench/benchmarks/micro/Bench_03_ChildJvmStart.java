package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import mpmbench.server.config.Mpm;

/**
 * Starting a real server child JVM, from {@code ProcessBuilder.start()} to the moment its scoreboard
 * slot says READY: exactly what the master waits for when it spawns a child (see {@link ChildJvm}
 * for the command line: ChildJvmOptions' defaults, the children's AOT cache when run from benchmarks.jar).
 *
 * <p>Isolates the "process" in "a process per worker" as Java pays it: fork/exec plus JVM boot,
 * class loading of the server, reading the configuration, mapping the scoreboard and building the
 * model (for worker and event: starting ThreadsPerChild threads). The child is killed after each
 * iteration, outside the measured time. One start per iteration (SingleShotTime): it takes
 * milliseconds, so timer resolution and warm-up of the host do not matter. The AOT cache is made
 * (once per jar and flags) when the state is set up, before any measured start.
 *
 * <p>Reading: ms per child start, against {@link Bench_02_ProcessStart} (the OS part alone) and
 * {@link Bench_01_ThreadStart}. This is the start-up cost behind claim 1 (prefork starts slower) and
 * claim 5. The error margin is wide with few iterations: raise {@code -i} for a tighter one.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Thread)
public class Bench_03_ChildJvmStart {

    @Param({"prefork", "worker", "event", "virtual"})
    public String mpm;

    private ChildJvm jvm;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        jvm = new ChildJvm(Mpm.parse(mpm));
    }

    @Benchmark
    public long childToReady() throws IOException {
        return jvm.startToReady().pid();
    }

    @TearDown(Level.Iteration)
    public void stopChild() throws InterruptedException {
        jvm.stopChild();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        jvm.close();
    }
}
