package mpmbench.uring;

import java.util.Arrays;

/**
 * Response latencies in whole µs, one counter per µs up to {@link #MAX_US} (longer ones in the last),
 * so that the client, like wrk, records every request's latency; percentiles read once at the end.
 * Allocation-free after the constructor; one thread.
 */
final class LatencyCounts {

    static final int MAX_US = 100_000;
    private final long[] counts = new long[MAX_US + 1];
    private long total;

    void record(long micros) {
        counts[(int) Math.min(micros, MAX_US)]++;
        total++;
    }

    void reset() {
        Arrays.fill(counts, 0);
        total = 0;
    }

    /** The smallest µs value at or below which {@code q} (0..1) of the recorded latencies lie. */
    long percentile(double q) {
        long want = (long) Math.ceil(q * total);
        long seen = 0;
        for (int us = 0; us <= MAX_US; us++) {
            seen += counts[us];
            if (seen >= want && seen > 0) {
                return us;
            }
        }
        return -1;
    }
}
