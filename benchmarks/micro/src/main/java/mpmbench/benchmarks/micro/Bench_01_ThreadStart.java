package mpmbench.benchmarks.micro;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Starting a unit of work inside the process: a platform thread against a virtual thread, each
 * started, running an empty task and joined.
 *
 * <p>Isolates what a thread-per-connection model (worker spawning threads, the virtual model) pays
 * to get a fresh thread, without any I/O. A platform thread costs a kernel task (clone), a stack
 * mapping and the JVM's thread bookkeeping; a virtual thread is a heap object scheduled onto a
 * carrier thread of the ForkJoinPool, with no system call at all.
 *
 * <p>Reading: µs per start+join. Compare with {@link Bench_02_ProcessStart} (a native process) and
 * Bench_03_ChildJvmStart (a child JVM up to ready): the same idea, orders of magnitude apart
 * (claim 5, "threads start faster than processes, virtual threads faster still").
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Bench_01_ThreadStart {

    private static final Runnable EMPTY = () -> { };

    @Benchmark
    public Thread platformThread() throws InterruptedException {
        Thread t = Thread.ofPlatform().start(EMPTY);
        t.join();
        return t;
    }

    @Benchmark
    public Thread virtualThread() throws InterruptedException {
        Thread t = Thread.ofVirtual().start(EMPTY);
        t.join();
        return t;
    }
}
