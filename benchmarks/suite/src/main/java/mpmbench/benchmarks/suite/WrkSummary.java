package mpmbench.benchmarks.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * What wrk's {@code done()} printed through {@code wrk/summary.lua} (the format is in that file's
 * header): the measured window on wrk's clock, the counts, wrk's own CPU, and its latency histogram
 * (µs, one bucket per µs).
 *
 * <p><b>wrk 4's correction, undone.</b> Before {@code done()} runs, wrk 4.1 corrects its histogram for
 * coordinated omission after the fact ({@code stats_correct} in its {@code stats.c}): with
 * {@code e = duration_us / (requests / connections)} (integer division, the mean time between one
 * connection's requests), every recorded value {@code n >= 2e} adds its count again at {@code n - e},
 * {@code n - 2e}, ... down to above {@code e}. So for {@code m > e} the histogram wrk hands over holds
 * {@code final[m] = raw[m] + raw[m+e] + raw[m+2e] + ...}, which is {@code raw[m] + final[m+e]}: the raw
 * count is {@code final[m] - final[m+e]}, exactly ({@link #raw}). The suite's latency columns are the
 * raw ones, as our generator's closed model reports (from the actual send); wrk's corrected
 * percentiles, the ones its console prints, are kept beside them ({@code wrk_p99_ms} in the cell's JSON).
 *
 * @param durationUs the measured window, µs (wrk's clock: its start to the threads' join)
 * @param requests   responses completed in it (4xx/5xx included, as {@code errors.status} too)
 * @param bytes      bytes read
 * @param errors     wrk's error counters by kind: connect, read, write, status, timeout
 * @param cpuUs      wrk's own CPU (user + sys, all threads) from its start to {@code done()}, µs
 * @param histogram  latency value (µs) → count, as wrk handed it to {@code done()} (corrected)
 */
public record WrkSummary(long durationUs, long requests, long bytes, Map<String, Long> errors, long cpuUs,
                         NavigableMap<Long, Long> histogram) {

    /** The first line of the summary block; the number is the format's version. */
    static final String HEADER = "mpmbench-wrk-summary 1";

    public WrkSummary {
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        histogram = Collections.unmodifiableNavigableMap(new TreeMap<>(histogram));
    }

    /**
     * The summary in wrk's standard output (its console summary before it is skipped). Throws
     * IllegalArgumentException saying what is missing or malformed: no summary (the script did not
     * run), a block cut short (wrk died in {@code done()}), a line that is not the format's.
     */
    public static WrkSummary parse(String stdout) {
        String[] lines = stdout.split("\r?\n");
        int i = 0;
        while (i < lines.length && !lines[i].strip().equals(HEADER)) {
            i++;
        }
        if (i == lines.length) {
            throw new IllegalArgumentException("wrk printed no '" + HEADER + "' block (was it run with -s summary.lua?)");
        }
        Map<String, Long> values = new LinkedHashMap<>();
        Map<String, Long> errors = new LinkedHashMap<>();
        TreeMap<Long, Long> histogram = new TreeMap<>();
        boolean ended = false;
        for (i++; i < lines.length && !ended; i++) {
            String[] f = lines[i].strip().split(" ");
            try {
                switch (f[0]) {
                    case "end" -> ended = true;
                    case "duration_us", "requests", "bytes", "cpu_us" -> values.put(f[0], number(f, 1));
                    case "errors" -> {
                        for (int k = 1; k + 1 < f.length; k += 2) {
                            errors.put(f[k], number(f, k + 1));
                        }
                    }
                    case "latency" -> histogram.merge(number(f, 1), number(f, 2), Long::sum);
                    default -> throw new IllegalArgumentException("unknown line");
                }
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("wrk's summary line '" + lines[i].strip() + "' is not in its format");
            }
        }
        if (!ended) {
            throw new IllegalArgumentException("wrk's summary ends before its 'end' line");
        }
        for (String k : new String[] {"duration_us", "requests", "bytes", "cpu_us"}) {
            if (!values.containsKey(k)) {
                throw new IllegalArgumentException("wrk's summary has no '" + k + "' line");
            }
        }
        for (String k : ERRORS) {
            if (!errors.containsKey(k)) {
                throw new IllegalArgumentException("wrk's summary has no '" + k + "' error count");
            }
        }
        return new WrkSummary(values.get("duration_us"), values.get("requests"), values.get("bytes"), errors,
                values.get("cpu_us"), histogram);
    }

    /** wrk's error kinds, in the order of its console line. */
    static final java.util.List<String> ERRORS = java.util.List.of("connect", "read", "write", "status", "timeout");

    private static long number(String[] f, int i) {
        long v = Long.parseLong(f[i]);
        if (v < 0) {
            throw new IllegalArgumentException("negative");
        }
        return v;
    }

    /** The window in seconds. */
    public double durationS() {
        return durationUs / 1e6;
    }

    /** Requests per second over the window (0 for an empty window). */
    public double rps() {
        return durationUs > 0 ? requests / durationS() : 0;
    }

    /** All errors wrk counted, every kind. */
    public long errorsTotal() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * wrk 4's correction interval for this run, µs: {@code duration_us / (requests / connections)} in
     * integer arithmetic, as {@code wrk.c} computes it; 0 when it did not correct (fewer requests than
     * connections).
     */
    public long correctionIntervalUs(int connections) {
        long perConnection = requests / connections;
        return perConnection > 0 ? durationUs / perConnection : 0;
    }

    /**
     * The histogram as wrk recorded it, before its correction (see the class doc). Throws
     * IllegalArgumentException when the histogram is not one wrk 4's correction made (a negative count
     * would come out).
     */
    public NavigableMap<Long, Long> raw(int connections) {
        long e = correctionIntervalUs(connections);
        TreeMap<Long, Long> raw = new TreeMap<>();
        for (Map.Entry<Long, Long> b : histogram.entrySet()) {
            long v = b.getKey();
            long n = e > 0 && v > e ? b.getValue() - histogram.getOrDefault(v + e, 0L) : b.getValue();
            if (n < 0) {
                throw new IllegalArgumentException("wrk's histogram does not undo as wrk 4's correction at " + v
                        + " µs (interval " + e + " µs)");
            }
            if (n > 0) {
                raw.put(v, n);
            }
        }
        return raw;
    }

    /**
     * An HdrHistogram of buckets (µs → count) with our generator's range and precision (1 µs to 1 h, 3
     * significant digits, as loadgen's {@code LatencyRecorders}), so its percentiles round alike.
     */
    public static Histogram hdr(NavigableMap<Long, Long> buckets) {
        Histogram h = new Histogram(1, 3_600_000_000L, 3);
        buckets.forEach(h::recordValueWithCount);
        return h;
    }
}
