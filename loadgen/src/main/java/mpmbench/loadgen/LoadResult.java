package mpmbench.loadgen;

import org.HdrHistogram.Histogram;

import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.record.ProcessCpu;

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
 * @param handshake   {@code https://}: the TLS handshakes of the window, TCP connected to handshake
 *                    finished, one value per handshake; empty for {@code http://}
 * @param clientCpu   CPU time of this process over the measured window (every thread, JIT and GC
 *                    included), or {@link ProcessCpu#UNKNOWN}
 * @param nanosecondTimer whether the I/O threads waited with ns timeouts (false: whole-ms select,
 *                    so open-model sends spin longer)
 * @param jit         the generator JVM's compilers, {@link GeneratorJvm#jit()}: {@code c1}, {@code c1+c2}
 * @param warmupNs    how long the warm-up lasted, ns: {@code spec.warmup()}, or with {@code --settle}
 *                    until the requests/s were steady
 * @param windowNs    how long the measured window lasted, ns: {@code spec.duration()} unless the run
 *                    was stopped early (SIGINT or SIGTERM)
 * @param settled     with {@code --settle}: whether the requests/s became steady before its cap (false
 *                    also when not settling)
 * @param ioBackend   the I/O backend the run used ({@link IoBackend#text()} of {@code nio} or {@code epoll},
 *                    never {@code auto}); merged runs: the distinct ones joined by commas
 * @param tlsEngine   {@code https://}: the TLS engine the run used ({@link TlsEngine#text()} of {@code openssl} or
 *                    {@code jsse}, never {@code auto}); merged runs: the distinct ones joined by commas;
 *                    empty for {@code http://}
 */
public record LoadResult(LoadSpec spec, long startEpochMs, Counts counts, Histogram corrected,
                         Histogram uncorrected, Histogram lag, Histogram handshake, ProcessCpu clientCpu, boolean nanosecondTimer,
                         String jit, long warmupNs, long windowNs, boolean settled, String ioBackend, String tlsEngine) {

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

    /** The measured window's length, s (shorter than {@code spec.duration()} only in a run stopped early). */
    public double durationSeconds() {
        return windowNs / 1e9;
    }

    /** The warm-up's length, s. */
    public double warmupSeconds() {
        return warmupNs / 1e9;
    }

    /** Whether the run was stopped before its measured window was over. */
    public boolean stoppedEarly() {
        return windowNs < spec.duration().toNanos();
    }

    /** Open model: the generator's send lag p99 exceeded {@link #BEHIND_LAG_P99_US}. */
    public boolean generatorBehind() {
        return spec.open() && lag.getTotalCount() > 0
                && lag.getValueAtPercentile(99.0) > BEHIND_LAG_P99_US;
    }

    /** The client's CPU time over the window as % of one core (100 = one core busy all the time). */
    public double clientCpuPercent() {
        return clientCpu.totalS() * 100.0 / durationSeconds();
    }

    /** The client's CPU time over the window per request of the window, µs ({@code NaN} without requests). */
    public double clientCpuMicrosPerRequest() {
        long n = counts.get(Counter.REQUESTS);
        return n == 0 ? Double.NaN : clientCpu.totalS() * 1e6 / n;
    }

    /** No request of the measured window was answered. */
    public boolean completedNothing() {
        return counts.get(Counter.REQUESTS) == 0;
    }
}
