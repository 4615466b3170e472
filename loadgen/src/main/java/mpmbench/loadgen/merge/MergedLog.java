package mpmbench.loadgen.merge;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The sum of several interval logs ({@link IntervalLogMerge}): per tag, the total histogram, and the
 * per-interval slots written back as one interval log. Values keep the sources' unit (µs in ours).
 *
 * @param startTimeMs the merged log's {@code StartTime}, epoch ms on the reference clock
 * @param sources     how many logs were added
 * @param totals      per tag (in order of first appearance), every interval of every log added
 * @param slots       the aligned intervals, in time order
 */
public record MergedLog(long startTimeMs, int sources, Map<String, Histogram> totals, List<Slot> slots) {

    /**
     * One merged interval: what the sources recorded from about {@code startMs} to {@code endMs}
     * (epoch ms, reference clock), per tag.
     */
    public record Slot(long startMs, long endMs, Map<String, Histogram> byTag) {
    }

    public MergedLog {
        totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals)); // keeps tag order; a null tag allowed
        slots = List.copyOf(slots);
    }

    /** The total of one tag, or an empty histogram when no log had it. */
    public Histogram total(String tag) {
        Histogram h = totals.get(tag);
        return h != null ? h : new Histogram(3);
    }

    /**
     * Writes the merged interval log in HdrHistogram's format (readable by {@code HistogramLogReader}
     * and {@code HistogramLogProcessor}): a comment, the format version, {@code StartTime}, the legend,
     * then one line per slot and tag. The interval-max column is the value divided by 1000 (ms for our
     * µs values).
     */
    public void write(Path file, String comment) throws FileNotFoundException {
        try (PrintStream out = new PrintStream(file.toFile())) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputComment(comment);
            w.outputLogFormatVersion();
            w.outputStartTime(startTimeMs);
            w.outputLegend();
            for (Slot s : slots) {
                for (Histogram h : s.byTag().values()) {
                    w.outputIntervalHistogram((s.startMs() - startTimeMs) / 1000.0, (s.endMs() - startTimeMs) / 1000.0,
                            h, 1000.0);
                }
            }
        }
    }
}
