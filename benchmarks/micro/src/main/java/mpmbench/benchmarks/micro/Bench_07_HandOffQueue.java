package mpmbench.benchmarks.micro;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
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

/**
 * The listener→worker hand-off of the worker and event models, through each candidate queue: the
 * benchmark thread (the listener) puts a connection into the queue of an idle worker thread blocked
 * in {@code take()}, and the worker answers through a second queue of the same kind, so one
 * operation is two hand-offs, each waking a blocked platform thread.
 *
 * <p>Isolates the queue's own cost on the path the server takes: its listener accepts only while a
 * worker is idle, so the queue is nearly always empty and the taker parked; throughput with a backlog
 * is not what the models see. {@code ArrayBlockingQueue} is the one the server uses (bounded by
 * ThreadsPerChild + 1, 26 here as with the default ThreadsPerChild of 25; the event model uses it for
 * its ready and handed-back queues too). {@code LinkedBlockingQueue} is unbounded and has separate
 * put and take locks; {@code SynchronousQueue} has no capacity at all (put waits for the taker);
 * {@code LinkedTransferQueue} is lock-free and spins briefly before parking.
 *
 * <p>Reading: µs per round trip; the differences between queues are small next to the wake-up itself
 * (compare {@link Bench_04_ThreadPingPong}'s park/unpark row), which is the point.
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
public class Bench_07_HandOffQueue {

    /** Capacity of the server's worker queue with the default ThreadsPerChild (25) + 1. */
    static final int SERVER_CAPACITY = 26;

    @Param({"ArrayBlockingQueue", "LinkedBlockingQueue", "SynchronousQueue", "LinkedTransferQueue"})
    public String queue;

    private static final Integer CONNECTION = 42;
    private BlockingQueue<Integer> toWorker;
    private BlockingQueue<Integer> back;
    private Thread worker;

    static BlockingQueue<Integer> create(String kind) {
        return switch (kind) {
            case "ArrayBlockingQueue" -> new ArrayBlockingQueue<>(SERVER_CAPACITY);
            case "LinkedBlockingQueue" -> new LinkedBlockingQueue<>();
            case "SynchronousQueue" -> new SynchronousQueue<>();
            case "LinkedTransferQueue" -> new LinkedTransferQueue<>();
            default -> throw new IllegalArgumentException("unknown queue " + kind);
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        toWorker = create(queue);
        back = create(queue);
        worker = Thread.ofPlatform().daemon().name("worker").start(() -> {
            try {
                while (true) {
                    back.put(toWorker.take());
                }
            } catch (InterruptedException e) {
                // trial over
            }
        });
    }

    @Benchmark
    public Integer handOffAndBack() throws InterruptedException {
        toWorker.put(CONNECTION);
        return back.take();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        worker.interrupt();
        worker.join(5_000);
    }
}
