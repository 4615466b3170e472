package mpmbench.loadgen.record;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Merges the interval histograms of every I/O thread's {@link LatencyRecorders}, once per
 * {@link #collect} call (the reporter thread calls it once a second and once at the end), adds them
 * to the run's totals and, when asked, writes them to an HdrHistogram interval log.
 *
 * <p>The log ({@code --hlog}) is HdrHistogram's format, read by {@code HistogramLogReader} and
 * {@code HistogramLogProcessor}: one line per interval and tag, tags {@code corrected},
 * {@code uncorrected}, {@code lag} and {@code handshake}. <b>Values are in microseconds</b> (the interval max column in
 * milliseconds); with {@code HistogramLogProcessor} use {@code -outputValueUnitRatio 1000} to read
 * milliseconds.
 *
 * <p>Only one thread may call {@link #collect} and {@link #close}.
 */
public final class IntervalCollector implements Closeable {

    /** The histogram kinds, in the order of {@link #TAGS}. */
    public static final int CORRECTED = 0;
    public static final int UNCORRECTED = 1;
    public static final int LAG = 2;
    /** TLS handshakes ({@code https://}), one value per connection; empty for {@code http://}. */
    public static final int HANDSHAKE = 3;
    /** Tags of the interval log, indexed by kind. */
    public static final List<String> TAGS = List.of("corrected", "uncorrected", "lag", "handshake");
    private static final int KINDS = 4;

    private final List<LatencyRecorders> recorders;
    /** By thread, phase ({@link LatencyRecorders#WINDOW}, {@link LatencyRecorders#WARMUP}) and kind. */
    private final Histogram[][][] recycled;
    /** The warm-up's requests of the current interval, by kind: shown in progress, never in a result. */
    private final Histogram[] warmupInterval = new Histogram[KINDS];
    private final Histogram[] interval = new Histogram[KINDS];
    private final Histogram[] slice = new Histogram[KINDS];
    private final Histogram[] total = new Histogram[KINDS];
    private final HistogramLogWriter log;
    private final long startMs;
    private long lastCollectMs;
    private long lastSliceMs;
    /** Whether {@link #interval} was returned by {@link #collect}: the next slice starts a new one. */
    private boolean intervalReturned = true;

    /**
     * @param recorders   one per I/O thread
     * @param startMs     the run's start, epoch ms (the log's base time)
     * @param hlog        the interval log to write, or {@code null}
     */
    public IntervalCollector(List<LatencyRecorders> recorders, long startMs, Path hlog)
            throws FileNotFoundException {
        this.recorders = List.copyOf(recorders);
        this.recycled = new Histogram[recorders.size()][2][KINDS];
        for (int k = 0; k < KINDS; k++) {
            warmupInterval[k] = LatencyRecorders.newHistogram();
            interval[k] = LatencyRecorders.newHistogram();
            slice[k] = LatencyRecorders.newHistogram();
            total[k] = LatencyRecorders.newHistogram();
            total[k].setStartTimeStamp(startMs);
        }
        this.startMs = startMs;
        this.lastCollectMs = startMs;
        this.lastSliceMs = startMs;
        if (hlog == null) {
            log = null;
        } else {
            log = new HistogramLogWriter(new PrintStream(hlog.toFile()));
            log.outputComment("[mpmbench load: latency in microseconds; tags corrected, uncorrected, lag, handshake]");
            log.outputLogFormatVersion();
            log.outputStartTime(startMs);
            log.outputLegend();
        }
    }

    /**
     * Ends a slice of the log: takes what every recorder holds since the previous slice, writes it to
     * the log as one interval and keeps it for the interval {@link #collect} returns. Called between
     * two collects for an interval log finer than the collects (e.g. every 100 ms, collects once a
     * second); {@link #collect} ends a slice itself.
     *
     * @param nowMs the end of the slice, epoch ms
     */
    public void slice(long nowMs) {
        if (intervalReturned) {
            for (int k = 0; k < KINDS; k++) {
                interval[k].reset(); // also forgets the tag
                warmupInterval[k].reset();
            }
            intervalReturned = false;
        }
        for (int k = 0; k < KINDS; k++) {
            slice[k].reset(); // also forgets the tag
            slice[k].setTag(TAGS.get(k));
            slice[k].setStartTimeStamp(lastSliceMs);
            slice[k].setEndTimeStamp(nowMs);
        }
        for (int t = 0; t < recorders.size(); t++) {
            LatencyRecorders r = recorders.get(t);
            // the warm-up's recorders are drained in the same way, so this code is compiled with values
            // in it before the window starts (see LatencyRecorders)
            for (int phase = LatencyRecorders.WINDOW; phase <= LatencyRecorders.WARMUP; phase++) {
                Histogram[] h = recycled[t][phase];
                h[CORRECTED] = r.corrected[phase].getIntervalHistogram(h[CORRECTED]);
                h[UNCORRECTED] = r.uncorrected[phase].getIntervalHistogram(h[UNCORRECTED]);
                h[LAG] = r.lag[phase].getIntervalHistogram(h[LAG]);
                h[HANDSHAKE] = r.handshake[phase].getIntervalHistogram(h[HANDSHAKE]);
            }
            for (int k = 0; k < KINDS; k++) {
                slice[k].add(recycled[t][LatencyRecorders.WINDOW][k]);
                warmupInterval[k].add(recycled[t][LatencyRecorders.WARMUP][k]);
            }
        }
        for (int k = 0; k < KINDS; k++) {
            interval[k].add(slice[k]);
            if (log != null) {
                log.outputIntervalHistogram((lastSliceMs - startMs) / 1000.0,
                        (nowMs - startMs) / 1000.0, slice[k], 1000.0);
            }
        }
        lastSliceMs = nowMs;
    }

    /**
     * Ends the interval since the previous call (and its last slice of the log): merges what every
     * recorder took in it and adds it to the totals.
     *
     * @param nowMs the end of the interval, epoch ms
     * @return the merged interval histograms by kind (valid until the next call)
     */
    public Histogram[] collect(long nowMs) {
        slice(nowMs);
        for (int k = 0; k < KINDS; k++) {
            interval[k].setTag(TAGS.get(k));
            interval[k].setStartTimeStamp(lastCollectMs);
            interval[k].setEndTimeStamp(nowMs);
            total[k].add(interval[k]);
            total[k].setEndTimeStamp(nowMs);
        }
        lastCollectMs = nowMs;
        intervalReturned = true;
        return interval;
    }

    /**
     * The warm-up's requests of the interval the last {@link #collect} ended, by kind (valid until the
     * next call): what the progress line shows during the warm-up. Never part of a result.
     */
    public Histogram[] warmupInterval() {
        return warmupInterval;
    }

    /** The totals so far by kind; copies. */
    public Histogram total(int kind) {
        return total[kind].copy();
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
    }
}
