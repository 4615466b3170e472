package mpmbench.loadgen;

import org.HdrHistogram.Histogram;

import mpmbench.loadgen.engine.Counter;
import mpmbench.loadgen.engine.Counts;

/**
 * What a run measured. Histogram values are in <b>microseconds</b> (see
 * {@link mpmbench.loadgen.record.LatencyRecorders}).
 *
 * @param spec        what was run
 * @param startEpochMs wall-clock start of the run (warm-up included), ms since the epoch
 * @param counts      counters summed over every I/O thread
 * @param corrected   latency from the intended send time (open model) / from the send (closed)
 * @param uncorrected latency from the actual send
 * @param lag         open model: the generator's own send lag; empty in the closed model
 */
public record LoadResult(LoadSpec spec, long startEpochMs, Counts counts, Histogram corrected,
                         Histogram uncorrected, Histogram lag) {

    /** A send lag p99 above this (µs) means the generator could not keep its own schedule. */
    public static final long BEHIND_LAG_P99_US = 10_000;

    /** Measured requests per second over the window. */
    public double rps() {
        return counts.get(Counter.REQUESTS) / durationSeconds();
    }

    /** Response bytes per second over the window. */
    public double bytesPerSecond() {
        return counts.get(Counter.BYTES) / durationSeconds();
    }

    public double durationSeconds() {
        return spec.duration().toNanos() / 1e9;
    }

    /** Open model: the generator's send lag p99 exceeded {@link #BEHIND_LAG_P99_US}. */
    public boolean generatorBehind() {
        return spec.open() && lag.getTotalCount() > 0
                && lag.getValueAtPercentile(99.0) > BEHIND_LAG_P99_US;
    }

    /** No request of the measured window was answered. */
    public boolean completedNothing() {
        return counts.get(Counter.REQUESTS) == 0;
    }
}
