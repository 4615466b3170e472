package mpmbench.benchmarks.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * The bins of a load generator's interval log ({@code latency/<cell>.hlog}, HdrHistogram's log format,
 * values in µs): per interval, its start and length in s since the load generator started, the
 * requests completed in it, and its p99 in ms. Only the histograms tagged {@code corrected} are read.
 */
public final class IntervalLog {

    /**
     * One interval.
     *
     * @param startS  start, s since the log's StartTime
     * @param lengthS length, s
     * @param count   requests completed in it
     * @param p99Ms   99th percentile, ms (NaN when no request completed)
     */
    public record Bin(double startS, double lengthS, long count, double p99Ms) {

        /** Requests per second over the bin. */
        public double rps() {
            return lengthS > 0 ? count / lengthS : Double.NaN;
        }
    }

    private IntervalLog() {
    }

    /** The {@code corrected} bins of a log, in order. */
    public static List<Bin> read(Path hlog) throws IOException {
        List<Bin> out = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        try {
            EncodableHistogram e;
            List<Histogram> corrected = new ArrayList<>();
            while ((e = reader.nextIntervalHistogram()) != null) {
                if ("corrected".equals(e.getTag()) && e instanceof Histogram h) {
                    corrected.add(h);
                }
            }
            double base = reader.getStartTimeSec();
            for (Histogram h : corrected) {
                double start = h.getStartTimeStamp() / 1000.0 - base;
                double length = (h.getEndTimeStamp() - h.getStartTimeStamp()) / 1000.0;
                long n = h.getTotalCount();
                out.add(new Bin(start, length, n, n == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0));
            }
        } finally {
            reader.close();
        }
        return out;
    }
}
