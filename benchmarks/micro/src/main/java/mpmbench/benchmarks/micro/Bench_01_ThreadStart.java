package mpmbench.benchmarks.micro;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * <p>Two designs. One at a time ({@code platformThread}, {@code virtualThread}): start, run, join, the
 * start-to-finish latency of one thread; JMH's own thread is a platform thread that parks in
 * {@code join} and is woken when the task ends, so both figures include that wake-up (a futex wake, on
 * this kind of machine tens of µs, see {@link Bench_04_ThreadPingPong}'s platform park/unpark), and for a
 * virtual thread it is most of the figure. In a batch ({@code platformThreadsInBatch},
 * {@code virtualThreadsInBatch}): {@value #BATCH} started back to back, as an acceptor loop starts one per
 * connection, then joined (most have ended by then: no park), so the joiner's wake-up is paid about once
 * per batch and the figure is what starting a thread costs its starter. Claim 5 judges platform against
 * virtual on the batch, and a process against a platform thread one at a time (Bench_02 waits for its
 * process too).
 *
 * <p>Reading: µs per start+join (per thread in a batch). Compare with {@link Bench_02_ProcessStart} (a native process) and
 * Bench_03_ChildJvmStart (a child JVM up to ready): the same idea, orders of magnitude apart
 * (claim 5, "threads start faster than processes, virtual threads faster still").
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Bench_01_ThreadStart {

    /** Threads per batch: enough that one wake-up of the joining thread is a small share of the figure. */
    static final int BATCH = 100;

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

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Thread platformThreadsInBatch() throws InterruptedException {
        return joinAll(Thread.ofPlatform());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Thread virtualThreadsInBatch() throws InterruptedException {
        return joinAll(Thread.ofVirtual());
    }

    /** Starts {@link #BATCH} threads, then joins them; returns the last (for JMH, against dead-code elimination). */
    private static Thread joinAll(Thread.Builder builder) throws InterruptedException {
        Thread[] started = new Thread[BATCH];
        for (int i = 0; i < BATCH; i++) {
            started[i] = builder.start(EMPTY);
        }
        for (Thread t : started) {
            t.join();
        }
        return started[BATCH - 1];
    }
}
