package mpmbench.loadgen.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * Adds interval logs together, losslessly: HdrHistogram's {@link Histogram#add} keeps every recorded
 * value at the histograms' precision, so the merged histogram of a tag is exactly the histogram one
 * recorder would have held had it seen every log's values.
 *
 * <p>Two results per tag:
 * <ul>
 *   <li><b>totals</b>: every interval of the tag, from every log, added (independent of alignment);</li>
 *   <li><b>slots</b>, for the merged log's per-interval lines: an interval of log <i>i</i> with start
 *       stamp <i>t</i> (epoch ms, the log's {@code StartTime} plus its own offset) is moved onto the
 *       reference clock as <i>t − offset<sub>i</sub></i> and added to the slot whose nominal start
 *       {@code base + k·intervalMs} is nearest, {@code base} being the earliest corrected
 *       {@code StartTime}. A slot's start and end are the earliest start and latest end of what it
 *       holds.</li>
 * </ul>
 * Stateless; safe from any thread.
 */
public final class IntervalLogMerge {

    /** The interval our load generator writes, ms. */
    public static final long DEFAULT_INTERVAL_MS = 1000;

    private IntervalLogMerge() {
    }

    /** Merges logs written on one clock (offsets 0) with 1 s slots. */
    public static MergedLog merge(List<IntervalLog> logs) {
        return merge(logs, new long[logs.size()], DEFAULT_INTERVAL_MS);
    }

    /**
     * @param logs          at least one log
     * @param clockOffsetMs per log, its writer's clock minus the reference clock, ms (0 when unknown)
     * @param intervalMs    slot length, ms (&gt; 0)
     */
    public static MergedLog merge(List<IntervalLog> logs, long[] clockOffsetMs, long intervalMs) {
        if (logs.isEmpty() || clockOffsetMs.length != logs.size() || intervalMs <= 0) {
            throw new IllegalArgumentException("need >= 1 log, one offset per log and intervalMs > 0");
        }
        long base = Long.MAX_VALUE;
        for (int i = 0; i < logs.size(); i++) {
            IntervalLog log = logs.get(i);
            long start = log.startTimeMs() != 0 ? log.startTimeMs()
                    : log.intervals().getFirst().getStartTimeStamp();
            base = Math.min(base, start - clockOffsetMs[i]);
        }
        Map<String, Histogram> totals = new LinkedHashMap<>();
        TreeMap<Long, SlotBuilder> slots = new TreeMap<>();
        for (int i = 0; i < logs.size(); i++) {
            for (Histogram h : logs.get(i).intervals()) {
                add(totals, h.getTag(), h);
                long start = h.getStartTimeStamp() - clockOffsetMs[i];
                long end = h.getEndTimeStamp() - clockOffsetMs[i];
                long k = Math.round((double) (start - base) / intervalMs);
                slots.computeIfAbsent(k, x -> new SlotBuilder()).add(h, start, end);
            }
        }
        List<MergedLog.Slot> built = new ArrayList<>();
        for (SlotBuilder s : slots.values()) {
            built.add(new MergedLog.Slot(s.startMs, s.endMs, s.byTag));
        }
        return new MergedLog(base, logs.size(), totals, built);
    }

    /** Adds {@code h} into {@code into}'s histogram for {@code tag}, creating it from a copy. */
    static void add(Map<String, Histogram> into, String tag, Histogram h) {
        Histogram sum = into.get(tag);
        if (sum == null) {
            sum = h.copy();
            sum.setAutoResize(true); // logs from elsewhere may differ in range; never drop a value
            sum.setTag(tag);
            into.put(tag, sum);
        } else {
            sum.add(h);
            sum.setStartTimeStamp(Math.min(sum.getStartTimeStamp(), h.getStartTimeStamp()));
            sum.setEndTimeStamp(Math.max(sum.getEndTimeStamp(), h.getEndTimeStamp()));
        }
    }

    private static final class SlotBuilder {
        final Map<String, Histogram> byTag = new LinkedHashMap<>();
        long startMs = Long.MAX_VALUE;
        long endMs = Long.MIN_VALUE;

        void add(Histogram h, long start, long end) {
            IntervalLogMerge.add(byTag, h.getTag(), h);
            startMs = Math.min(startMs, start);
            endMs = Math.max(endMs, end);
        }
    }
}
