package mpmbench.benchmarks.micro;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ping-pong between two threads of one process: one sends a message and blocks until the other,
 * blocked waiting for it, answers. One operation is one round trip, that is two hand-offs, each
 * waking a blocked thread: the context switch that a thread-per-connection server pays when a
 * listener hands a connection to an idle worker and when work moves between threads.
 *
 * <p>Both ends are of the same kind ({@code threads}): two platform threads (each wake-up is a
 * futex wake and a kernel context switch, or a cross-core wake-up on 2 cores), or two virtual
 * threads (a wake-up is a continuation pushed to the ForkJoinPool scheduler; both may run on one
 * carrier with no kernel switch at all). Two mechanisms ({@code via}): a {@link SynchronousQueue}
 * (what a direct hand-off looks like in java.util.concurrent) and bare {@link LockSupport}
 * park/unpark on a volatile field (the floor under every blocking queue). The measured thread runs
 * {@value #ROUND_TRIPS} round trips per invocation, so the one hand-off from JMH's own thread to
 * the pair is amortised away.
 *
 * <p>Reading: µs per round trip; halve it for one switch. Compare with
 * {@link Bench_05_PipePingPong} and {@link Bench_06_SharedSlotPingPong} (the same between processes).
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
public class Bench_04_ThreadPingPong {

    static final int ROUND_TRIPS = 1_000;

    @Param({"platform", "virtual"})
    public String threads;

    @Param({"SynchronousQueue", "parkUnpark"})
    public String via;

    private final SynchronousQueue<Integer> start = new SynchronousQueue<>();
    private final SynchronousQueue<Long> done = new SynchronousQueue<>();
    private Channel channel;
    private Thread pinger;
    private Thread ponger;

    /** One direction-agnostic way for the pair to exchange a number. */
    private interface Channel {
        long ping(long value) throws InterruptedException;

        void pongForever() throws InterruptedException;
    }

    @Setup(Level.Trial)
    public void setUp() {
        channel = "SynchronousQueue".equals(via) ? new QueueChannel() : new ParkChannel();
        Thread.Builder builder = "virtual".equals(threads) ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        ponger = builder.name("ponger").unstarted(() -> {
            try {
                channel.pongForever();
            } catch (InterruptedException e) {
                // trial over
            }
        });
        if (channel instanceof ParkChannel park) {
            park.ponger = ponger;
        }
        pinger = builder.name("pinger").unstarted(() -> {
            try {
                while (true) {
                    int n = start.take();
                    long sum = 0;
                    for (int i = 1; i <= n; i++) {
                        sum += channel.ping(i);
                    }
                    done.put(sum);
                }
            } catch (InterruptedException e) {
                // trial over
            }
        });
        if (channel instanceof ParkChannel park) {
            park.pinger = pinger;
        }
        ponger.start();
        pinger.start();
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long roundTrips() throws InterruptedException {
        start.put(ROUND_TRIPS);
        return done.take();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        pinger.interrupt();
        ponger.interrupt();
        pinger.join();
        ponger.join();
    }

    private static final class QueueChannel implements Channel {
        private final SynchronousQueue<Long> request = new SynchronousQueue<>();
        private final SynchronousQueue<Long> reply = new SynchronousQueue<>();

        @Override
        public long ping(long value) throws InterruptedException {
            request.put(value);
            return reply.take();
        }

        @Override
        public void pongForever() throws InterruptedException {
            while (true) {
                reply.put(request.take() + 1);
            }
        }
    }

    /** A request and a reply slot; each side parks until the other has written its slot. */
    private static final class ParkChannel implements Channel {
        volatile Thread pinger;
        volatile Thread ponger;
        private volatile long request;
        private volatile long reply;

        private long sequence;

        /** Sends the next number of a sequence of its own (so no two requests are equal), not {@code value}. */
        @Override
        public long ping(long value) throws InterruptedException {
            long sent = ++sequence;
            request = sent;
            LockSupport.unpark(ponger);
            while (reply != sent + 1) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return reply;
        }

        @Override
        public void pongForever() throws InterruptedException {
            long last = 0;
            while (true) {
                long r;
                while ((r = request) == last) {
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
                last = r;
                reply = r + 1;
                LockSupport.unpark(pinger);
            }
        }
    }
}
