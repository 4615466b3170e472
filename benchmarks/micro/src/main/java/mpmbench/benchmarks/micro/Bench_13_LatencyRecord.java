package mpmbench.benchmarks.micro;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording one latency in the load generator's path: {@link SingleWriterRecorder#recordValue} (the
 * recorder each load-generator I/O thread owns, read by the reporting thread through interval
 * histograms), against a plain {@link Histogram} as the floor. Values in ns from 1 ns to an hour,
 * 3 significant digits; the recorded values walk through a spread of magnitudes (20 µs to 20 ms) so
 * that different buckets are hit, as real latencies do.
 *
 * <p>Reading: ns per recorded value. The recorder's extra cost over the plain histogram is its
 * writer-side phaser (two atomic increments); both should be a few ns, negligible against a request
 * round trip of tens of µs, so the generator's own recording does not bend what it measures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Bench_13_LatencyRecord {

    private static final long HIGHEST_NS = TimeUnit.HOURS.toNanos(1);
    private static final long[] VALUES = new long[1024];

    static {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < VALUES.length; i++) {
            VALUES[i] = (long) (20_000 * Math.pow(1_000, random.nextDouble()));
        }
    }

    private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, HIGHEST_NS, 3);
    private final Histogram histogram = new Histogram(1, HIGHEST_NS, 3);
    private int next;

    @Benchmark
    public int singleWriterRecorder() {
        int i = next = (next + 1) & (VALUES.length - 1);
        recorder.recordValue(VALUES[i]);
        return i;
    }

    @Benchmark
    public int plainHistogram() {
        int i = next = (next + 1) & (VALUES.length - 1);
        histogram.recordValue(VALUES[i]);
        return i;
    }
}
