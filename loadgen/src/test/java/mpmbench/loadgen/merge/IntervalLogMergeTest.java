package mpmbench.loadgen.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.loadgen.record.LatencyRecorders;

/**
 * The merge is lossless: logs written the way {@code IntervalCollector} writes them (tags, µs, 1 s
 * intervals), from generators whose clocks and starts differ, merge into exactly the histogram one
 * recorder holding every value would have, and into slots that line up on the reference clock.
 */
class IntervalLogMergeTest {

    @TempDir
    Path tmp;

    /** Writes one generator's log: {@code seconds} intervals per tag, random µs values; returns every value per tag. */
    private static byte[] log(long startMs, int seconds, long seed, Histogram[] everything) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter w = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        w.outputLogFormatVersion();
        w.outputStartTime(startMs);
        w.outputLegend();
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] tags = {"corrected", "uncorrected", "lag"};
        for (int s = 0; s < seconds; s++) {
            for (int k = 0; k < tags.length; k++) {
                Histogram h = LatencyRecorders.newHistogram();
                h.setTag(tags[k]);
                int n = 500 + rnd.nextInt(1500);
                for (int i = 0; i < n; i++) {
                    long v = (long) Math.exp(rnd.nextDouble(2, 14)); // 7 µs .. 1.2 s, log-spread
                    h.recordValue(v);
                    everything[k].recordValue(v);
                }
                h.setStartTimeStamp(startMs + s * 1000L + rnd.nextInt(3));
                h.setEndTimeStamp(startMs + (s + 1) * 1000L + rnd.nextInt(3));
                w.outputIntervalHistogram((h.getStartTimeStamp() - startMs) / 1000.0,
                        (h.getEndTimeStamp() - startMs) / 1000.0, h, 1000.0);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void mergedPercentilesAreThoseOfOneHistogramHoldingEveryValue() {
        Histogram[] everything = {LatencyRecorders.newHistogram(), LatencyRecorders.newHistogram(), LatencyRecorders.newHistogram()};
        long t = 1_790_000_000_000L;
        List<IntervalLog> logs = new ArrayList<>();
        // three generators: started 3 ms apart, clocks off by +120, -40 and 0 ms
        long[] offsets = {120, -40, 0};
        for (int g = 0; g < 3; g++) {
            logs.add(IntervalLog.read("g" + g, new ByteArrayInputStream(log(t + 3 * g + offsets[g], 5, g, everything))));
        }
        MergedLog merged = IntervalLogMerge.merge(logs, offsets, 1000);
        String[] tags = {"corrected", "uncorrected", "lag"};
        for (int k = 0; k < 3; k++) {
            Histogram m = merged.total(tags[k]);
            assertEquals(everything[k].getTotalCount(), m.getTotalCount(), tags[k]);
            assertEquals(everything[k].getMaxValue(), m.getMaxValue(), tags[k]);
            assertEquals(everything[k].getMinValue(), m.getMinValue(), tags[k]);
            for (double p : new double[] {1, 25, 50, 90, 99, 99.9, 99.99}) {
                assertEquals(everything[k].getValueAtPercentile(p), m.getValueAtPercentile(p), tags[k] + " p" + p);
            }
            assertEquals(everything[k].getMean(), m.getMean(), 1e-9);
        }
        assertEquals(5, merged.slots().size(), "the offsets corrected, the three logs' seconds line up");
        assertEquals(t, merged.startTimeMs());
        for (MergedLog.Slot s : merged.slots()) {
            assertEquals(3, s.byTag().size());
            assertTrue(s.endMs() - s.startMs() < 1010, s.toString());
        }
    }

    @Test
    void theWrittenMergedLogReadsBackToTheSameTotals() throws Exception {
        Histogram[] everything = {LatencyRecorders.newHistogram(), LatencyRecorders.newHistogram(), LatencyRecorders.newHistogram()};
        List<IntervalLog> logs = List.of(
                IntervalLog.read("a", new ByteArrayInputStream(log(1_790_000_000_000L, 3, 7, everything))),
                IntervalLog.read("b", new ByteArrayInputStream(log(1_790_000_000_400L, 3, 8, everything))));
        MergedLog merged = IntervalLogMerge.merge(logs);
        Path file = tmp.resolve("merged.hlog");
        merged.write(file, "[test]");
        IntervalLog back = IntervalLog.read(file);
        MergedLog again = IntervalLogMerge.merge(List.of(back));
        assertEquals(merged.total("corrected"), again.total("corrected"));
        assertEquals(everything[0].getTotalCount(), again.total("corrected").getTotalCount());
        assertEquals(1_790_000_000_000L, back.startTimeMs());
        assertTrue(Files.readString(file).contains("Tag=lag,"));
    }

    @Test
    void aFileThatIsNotALogIsOneLineNamingIt() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.hlog"), "hello\nworld\n");
        BadLogException e = assertThrows(BadLogException.class, () -> IntervalLog.read(junk));
        assertTrue(e.getMessage().startsWith(junk + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        BadLogException missing = assertThrows(BadLogException.class, () -> IntervalLog.read(tmp.resolve("nope.hlog")));
        assertEquals(tmp.resolve("nope.hlog") + ": no such file", missing.getMessage());
    }
}
