package mpmbench.loadgen.record;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The three latency recorders of one I/O thread. Only that thread may record; the reporter thread
 * takes interval histograms from them ({@link SingleWriterRecorder}'s contract).
 *
 * <p>Values are recorded in <b>microseconds</b>, from 1 µs to 1 h at 3 significant digits; values
 * outside are clamped, so a recorded value is never lost.
 * <ul>
 *   <li>{@code corrected}: response complete minus the <em>intended</em> send time (open model: the
 *       schedule's time, so a stall is charged for every request it delayed; closed model: the actual
 *       send, the same as uncorrected). In the open model it also holds the window's requests that were
 *       unsent or unanswered at the window's end, at a lower bound ({@link #recordCensored}).</li>
 *   <li>{@code uncorrected}: response complete minus the actual send (start of the write, or of the
 *       connect without keep-alive).</li>
 *   <li>{@code lag}: open model only, the generator's own lateness: actual send minus the later of
 *       the intended time and the moment the connection was free to send. A busy connection (a slow
 *       server) does not count as lag; a busy generator does.</li>
 * </ul>
 *
 * <p>Each kind has two recorders, indexed by {@link #phase}: the measured window's and the warm-up's.
 * The warm-up's are drained and dropped by the reporter, never reported as results; they exist so that
 * the warm-up runs exactly the code of the window. Recording nothing during the warm-up let the JIT
 * compile a loop without its recording paths, so the first measured seconds deoptimised and
 * recompiled it on the generator's one core and delayed sends by milliseconds (issue 9). The phase is
 * an index computed without a branch for the same reason.
 */
public final class LatencyRecorders {

    /** Lowest discernible value, µs. */
    public static final long LOWEST_US = 1;
    /** Highest trackable value, µs (one hour). */
    public static final long HIGHEST_US = 3_600_000_000L;
    /** Significant value digits of every histogram. */
    public static final int DIGITS = 3;

    /** {@link #phase} of a request of the measured window. */
    public static final int WINDOW = 0;
    /** {@link #phase} of a request of the warm-up. */
    public static final int WARMUP = 1;

    /** By phase: {@link #WINDOW}, {@link #WARMUP}. */
    final SingleWriterRecorder[] corrected = {newRecorder(), newRecorder()};
    final SingleWriterRecorder[] uncorrected = {newRecorder(), newRecorder()};
    final SingleWriterRecorder[] lag = {newRecorder(), newRecorder()};
    final SingleWriterRecorder[] handshake = {newRecorder(), newRecorder()};

    /** A histogram with the run's range and precision. */
    public static Histogram newHistogram() {
        return new Histogram(LOWEST_US, HIGHEST_US, DIGITS);
    }

    /**
     * The phase of a request: {@link #WARMUP} when it was due before the end of the warm-up, else
     * {@link #WINDOW}; without a branch.
     *
     * @param intendedNs   the request's intended send time, {@code System.nanoTime()} scale
     * @param warmupEndNs  the end of the warm-up, same scale
     */
    public static int phase(long intendedNs, long warmupEndNs) {
        return (int) ((intendedNs - warmupEndNs) >>> 63);
    }

    /** Records one response of a {@link #phase}; both times in ns. */
    public void recordResponse(int phase, long correctedNs, long uncorrectedNs) {
        corrected[phase].recordValue(toMicros(correctedNs));
        uncorrected[phase].recordValue(toMicros(uncorrectedNs));
    }

    /**
     * Records a censored request of the window (open model: unsent, or unanswered at the window's end)
     * in the corrected histogram only, at {@code lowerBoundNs} = window end − intended send time: it
     * waited at least that long. The uncorrected and lag histograms get nothing (it has no send or no
     * answer to measure from).
     */
    public void recordCensored(long lowerBoundNs) {
        corrected[WINDOW].recordValue(toMicros(lowerBoundNs));
    }

    /** Records the send lag of one request of a {@link #phase}, in ns. */
    public void recordLag(int phase, long lagNs) {
        lag[phase].recordValue(toMicros(lagNs));
    }

    /** Records one TLS handshake of a {@link #phase} (of its start), in ns. */
    public void recordHandshake(int phase, long handshakeNs) {
        handshake[phase].recordValue(toMicros(handshakeNs));
    }

    /** ns to µs, rounded to nearest and clamped to [{@link #LOWEST_US}, {@link #HIGHEST_US}]. */
    public static long toMicros(long ns) {
        long us = (ns + 500) / 1000;
        return Math.max(LOWEST_US, Math.min(HIGHEST_US, us));
    }

    private static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(LOWEST_US, HIGHEST_US, DIGITS);
    }
}
