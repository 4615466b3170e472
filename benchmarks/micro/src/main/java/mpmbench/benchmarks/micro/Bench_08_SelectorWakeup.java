package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The event model's hand-back, as its code does it: a worker (the benchmark thread) puts a
 * connection into the handed-back {@link ArrayBlockingQueue} and calls {@link Selector#wakeup()};
 * the selector thread, blocked in {@code select()}, returns, drains the queue and hands the
 * connection out again through the ready queue (another ArrayBlockingQueue) to the worker blocked in
 * {@code take()}. One operation is that round trip.
 *
 * <p>Isolates the cost of waking a thread that sleeps in epoll_wait (the JDK writes to an eventfd it
 * polls) against waking one parked on a lock. Reading: µs per round trip; subtract half of
 * {@link Bench_07_HandOffQueue}'s ArrayBlockingQueue row (one queue hand-off) for the selector
 * wake-up alone.
 *
 * <p>Also run in SampleTime mode: on a loaded machine a switch sometimes waits a whole scheduler time
 * slice, which drags the average far from the typical case; the sampled median ({@code p0.50}) shows
 * the typical round trip, the upper percentiles how often the wait happens.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Bench_08_SelectorWakeup {

    private static final Integer CONNECTION = 7;
    private final BlockingQueue<Integer> handedBack = new ArrayBlockingQueue<>(64);
    private final BlockingQueue<Integer> ready = new ArrayBlockingQueue<>(64);
    private Selector selector;
    private Thread loop;
    private volatile boolean stopping;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        selector = Selector.open();
        loop = Thread.ofPlatform().daemon().name("selector").start(this::selectLoop);
    }

    private void selectLoop() {
        List<Integer> drained = new ArrayList<>();
        try {
            while (!stopping) {
                selector.select();
                handedBack.drainTo(drained);
                for (Integer c : drained) {
                    ready.put(c);
                }
                drained.clear();
            }
        } catch (IOException | InterruptedException e) {
            // trial over
        }
    }

    @Benchmark
    public Integer wakeupAndBack() throws InterruptedException {
        handedBack.put(CONNECTION);
        selector.wakeup();
        return ready.take();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        stopping = true;
        selector.wakeup();
        loop.join(5_000);
        selector.close();
    }
}
