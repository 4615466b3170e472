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
 *       send, the same as uncorrected).</li>
 *   <li>{@code uncorrected}: response complete minus the actual send (start of the write, or of the
 *       connect without keep-alive).</li>
 *   <li>{@code lag}: open model only, the generator's own lateness: actual send minus the later of
 *       the intended time and the moment the connection was free to send. A busy connection (a slow
 *       server) does not count as lag; a busy generator does.</li>
 * </ul>
 */
public final class LatencyRecorders {

    /** Lowest discernible value, µs. */
    public static final long LOWEST_US = 1;
    /** Highest trackable value, µs (one hour). */
    public static final long HIGHEST_US = 3_600_000_000L;
    /** Significant value digits of every histogram. */
    public static final int DIGITS = 3;

    final SingleWriterRecorder corrected = newRecorder();
    final SingleWriterRecorder uncorrected = newRecorder();
    final SingleWriterRecorder lag = newRecorder();

    /** A histogram with the run's range and precision. */
    public static Histogram newHistogram() {
        return new Histogram(LOWEST_US, HIGHEST_US, DIGITS);
    }

    /** Records one response; both arguments in ns. */
    public void recordResponse(long correctedNs, long uncorrectedNs) {
        corrected.recordValue(toMicros(correctedNs));
        uncorrected.recordValue(toMicros(uncorrectedNs));
    }

    /** Records the send lag of one request, in ns. */
    public void recordLag(long lagNs) {
        lag.recordValue(toMicros(lagNs));
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
