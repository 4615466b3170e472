package mpmbench.server.handler;

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
 */
public final class CpuPlant {

    /** Off: no work at all. */
    public static final CpuPlant NONE = new CpuPlant(0);

    /** Written only when the chain hits {@link #UNLIKELY}; read by nobody. Its existence keeps the loop alive. */
    @SuppressWarnings("unused")
    private static volatile long sink;
    private static final long UNLIKELY = 42;

    private final long tokens;

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

    /** Spends this plant's tokens on the calling thread. */
    public void consume() {
        if (tokens > 0) {
            consume(tokens);
        }
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
