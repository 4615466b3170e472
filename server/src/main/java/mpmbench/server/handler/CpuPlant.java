package mpmbench.server.handler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A calibrated plant: a fixed amount of CPU work added to every request, so that the harness can be
 * shown a slowdown of known size ({@code MpmbenchPlantCpu TOKENS}, off by default; see
 * {@code scripts/compare-planted}). It is a calibration tool, never a workload: like JMH's
 * {@code Blackhole.consumeCPU(tokens)}, whose loop this is, one token is one step of a dependent
 * multiply-add chain, so the cost grows linearly with the tokens and does not depend on data, caches
 * or the request. The chain's result is compared with a value it practically never takes and, only
 * then, written to a volatile field: the JIT cannot prove the comparison false, so it cannot drop the
 * loop, and the store (never taken) costs nothing per request.
 *
 * <p>What a token costs in ns depends on the CPU and the JVM: {@link PlantCalibration} measures it
 * (thread CPU time per token), and the script records it beside the run. Thread-safe and
 * allocation-free: every serving thread calls {@link #consume} on the same instance.
 *
 * <p>What a call costs inside the serving process is measured too, because a token raised
 * java-event's CPU per request by 1.45–1.7× its calibrated cost ({@code results/compare-planted-2026-12-06/}):
 * one call in {@link #SAMPLE_EVERY} is timed by the serving thread's CPU clock, less an empty span
 * timed just before it (the clock's own cost), and {@code /server-status?auto} shows the mean
 * ({@link #sampledCpuNsPerCall}). That tells a loop slower in the server from a plant whose cost
 * reaches beyond its loop; on 2026-12-06 it was the second (2,411 ns a call at 1,147 tokens against
 * 2,435 calibrated): the rest is the server's reaction to slower requests. The three clock reads of a
 * timed call (a few µs) are spread over {@code SAMPLE_EVERY} calls.
 */
public final class CpuPlant {

    /** Off: no work at all. */
    public static final CpuPlant NONE = new CpuPlant(0);

    /** Written only when the chain hits {@link #UNLIKELY}; read by nobody. Its existence keeps the loop alive. */
    @SuppressWarnings("unused")
    private static volatile long sink;
    private static final long UNLIKELY = 42;

    /** One call in this many is timed: its clock reads, a few µs, cost well under 1 µs a call spread over the calls. */
    public static final int SAMPLE_EVERY = 16;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long tokens;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong sampledCalls = new AtomicLong();
    private final AtomicLong sampledCpuNs = new AtomicLong();

    /** @param tokens work per request, 0 (off) or more; the directive bounds it ({@code config.Directive}) */
    public CpuPlant(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be 0 or more, not " + tokens);
        }
        this.tokens = tokens;
    }

    public long tokens() {
        return tokens;
    }

    /** Spends this plant's tokens on the calling thread; one call in {@link #SAMPLE_EVERY} is timed. */
    public void consume() {
        if (tokens == 0) {
            return;
        }
        if (calls.incrementAndGet() % SAMPLE_EVERY != 0) {
            consume(tokens);
            return;
        }
        // A read of the thread's CPU clock is a system call (about 1-3 µs in this VM), part of which
        // falls inside the span it closes: an empty span measured just before takes it back out
        long t0 = THREADS.getCurrentThreadCpuTime();
        long t1 = THREADS.getCurrentThreadCpuTime();
        consume(tokens);
        long t2 = THREADS.getCurrentThreadCpuTime();
        sampledCpuNs.addAndGet((t2 - t1) - (t1 - t0));
        sampledCalls.incrementAndGet();
    }

    /** Calls of {@link #consume()} in this process since it started (0 when off). */
    public long calls() {
        return calls.get();
    }

    /**
     * The mean thread CPU time of the timed calls in this process, less the clock's own (an empty span),
     * ns per call; NaN before the first timed call (or when off). Divided by {@link #tokens()}: what a
     * token costs here.
     */
    public double sampledCpuNsPerCall() {
        long n = sampledCalls.get();
        return n == 0 ? Double.NaN : (double) sampledCpuNs.get() / n;
    }

    /**
     * Spends {@code tokens} steps of JMH's consumeCPU chain and returns its end value (deterministic for
     * a given count, so tests can tell the loop ran).
     */
    public static long consume(long tokens) {
        long t = UNLIKELY + 1;
        for (long i = tokens; i > 0; i--) {
            t += (t * 0x5DEECE66DL + 0xBL + i) & 0xFFFFFFFFFFFFL;
        }
        if (t == UNLIKELY) {
            sink += t;
        }
        return t;
    }
}
