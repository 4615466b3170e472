package mpmbench.loadgen.merge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One HdrHistogram interval log ({@code .hlog}), read whole with {@link HistogramLogReader}.
 *
 * <p>Each interval histogram keeps what the log said of it: its tag ({@code corrected},
 * {@code uncorrected}, {@code lag} in our logs; {@code null} when untagged) and its absolute start and
 * end, epoch <b>ms</b> (the log's {@code StartTime} plus the interval's own stamp). Values are in the
 * log's unit (µs in ours). Immutable after {@link #read}; safe to share between threads.
 *
 * @param name         where it came from (a file name or an agent's label), for messages
 * @param startTimeMs  the log's {@code #[StartTime: …]}, epoch ms (0 when the log has none)
 * @param intervals    the interval histograms in log order
 */
public record IntervalLog(String name, long startTimeMs, List<Histogram> intervals) {

    public IntervalLog {
        intervals = List.copyOf(intervals);
    }

    /**
     * Reads a log file.
     *
     * @throws BadLogException naming the file and what is wrong with it (missing, unreadable, not an
     *                         interval log, no interval, a histogram that is not a long-count one)
     */
    public static IntervalLog read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new BadLogException(file + ": no such file");
        } catch (IOException e) {
            throw new BadLogException(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** Reads a log from a stream (not closed); {@code name} is used in messages. */
    public static IntervalLog read(String name, InputStream in) {
        List<Histogram> intervals = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(in);
        try {
            while (reader.hasNext()) {
                EncodableHistogram h = reader.nextIntervalHistogram();
                if (h == null) {
                    break;
                }
                if (!(h instanceof Histogram histogram)) {
                    throw new BadLogException(name + ": holds " + h.getClass().getSimpleName()
                            + " intervals; only integer-valued (Histogram) logs are merged");
                }
                intervals.add(histogram);
            }
        } catch (BadLogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadLogException(name + ": not an HdrHistogram interval log (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        if (intervals.isEmpty()) {
            throw new BadLogException(name + ": no interval histogram in it (not an HdrHistogram interval log, or empty)");
        }
        return new IntervalLog(name, Math.round(reader.getStartTimeSec() * 1000.0), intervals);
    }

    /** The distinct tags in order of first appearance ({@code null} for untagged intervals). */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (Histogram h : intervals) {
            if (!tags.contains(h.getTag())) {
                tags.add(h.getTag());
            }
        }
        return tags;
    }
}
