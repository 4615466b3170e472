package mpmbench.loadgen.engine;

/**
 * The phases of a run on the {@code System.nanoTime()} clock, in ns, shared by every thread:
 * warm-up {@code [startNs, warmupEndNs)}, measured window {@code [warmupEndNs, windowEndNs)}, then a
 * grace until {@code hardEndNs} for answers to requests already sent. A request belongs to the phase
 * of its intended send time. At {@code hardEndNs} every thread stops, whatever the server does.
 *
 * <p>The boundaries only ever move earlier: when a settling warm-up ({@code --settle}) finds the
 * throughput steady ({@link #endWarmup}, from the thread that collects progress), or when the run is
 * told to stop ({@link #stopNow}, from any thread); the two are synchronized with each other. I/O
 * threads read the boundaries as volatile fields (a plain load on x86, no allocation); one that reads
 * an old, later boundary merely runs a little longer in the phase it was in.
 */
final class RunClock {

    /**
     * How far ahead of its own clock reading another thread moves a boundary ({@link #endWarmup},
     * {@link #stopNow}), ns: an I/O thread that still reads the old boundary for a moment must not
     * classify a request intended between the reading and the new boundary differently from the end
     * of the run's arithmetic ({@code scheduled}, see {@link Counter}). No request can be due in this
     * lead before the write is seen, unless the mover is descheduled for longer than the lead.
     */
    static final long MOVE_LEAD_NS = 10_000_000;

    private final long startNs;
    private final long durationNs;
    private final long graceNs;
    private volatile long warmupEndNs;
    private volatile long windowEndNs;
    private volatile long hardEndNs;

    private RunClock(long startNs, long warmupEndNs, long durationNs, long graceNs) {
        this.startNs = startNs;
        this.durationNs = durationNs;
        this.graceNs = graceNs;
        this.warmupEndNs = warmupEndNs;
        this.windowEndNs = warmupEndNs + durationNs;
        this.hardEndNs = warmupEndNs + durationNs + graceNs;
    }

    /** A clock whose warm-up lasts {@code warmupNs} unless {@link #endWarmup} ends it earlier. */
    static RunClock starting(long startNs, long warmupNs, long durationNs, long graceNs) {
        return new RunClock(startNs, startNs + warmupNs, durationNs, graceNs);
    }

    long startNs() {
        return startNs;
    }

    long warmupEndNs() {
        return warmupEndNs;
    }

    long windowEndNs() {
        return windowEndNs;
    }

    long hardEndNs() {
        return hardEndNs;
    }

    /**
     * Ends the warm-up at {@code nowNs}: the measured window is the {@code duration} from then. No
     * effect once the warm-up is over.
     */
    synchronized void endWarmup(long nowNs) {
        if (nowNs >= warmupEndNs) {
            return;
        }
        warmupEndNs = nowNs;
        windowEndNs = nowNs + durationNs;
        hardEndNs = nowNs + durationNs + graceNs;
    }

    /** Ends the run early: nothing more is sent after {@code nowNs}; answers in flight get the grace. */
    synchronized void stopNow(long nowNs) {
        if (nowNs >= windowEndNs) {
            return;
        }
        if (nowNs < warmupEndNs) {
            warmupEndNs = nowNs;
        }
        windowEndNs = nowNs;
        hardEndNs = nowNs + graceNs;
    }
}
