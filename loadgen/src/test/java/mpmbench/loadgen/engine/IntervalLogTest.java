package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.TestServer.HELLO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.IntervalCollector;

/** An {@code .hlog} written by a real run reads back with HdrHistogram's own reader, and adds up. */
class IntervalLogTest {

    @Test
    void intervalLogReadsBackWithEveryTagAndTheRunsTotals(@TempDir Path dir) throws IOException {
        Path hlog = dir.resolve("run.hlog");
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadSpec spec = LoadSpec.closed(Target.parse(server.url("/")), 1, 2, Duration.ofMillis(1500))
                    .toBuilder().rate(400).build();
            int[] ticks = {0};
            LoadResult r = new LoadRun(spec, hlog, (s, c, interval, warm) -> ticks[0]++).run();

            Map<String, Long> counts = new HashMap<>();
            Map<String, Integer> intervals = new HashMap<>();
            HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                Histogram hist = (Histogram) h;
                counts.merge(hist.getTag(), hist.getTotalCount(), Long::sum);
                intervals.merge(hist.getTag(), 1, Integer::sum);
            }
            assertEquals(r.corrected().getTotalCount(), counts.get("corrected"));
            assertEquals(r.uncorrected().getTotalCount(), counts.get("uncorrected"));
            assertEquals(r.lag().getTotalCount(), counts.get("lag"));
            for (String tag : IntervalCollector.TAGS) {
                assertEquals(ticks[0] + 1, intervals.get(tag), tag); // one per second, plus the last
            }
            assertTrue(ticks[0] >= 1);
            assertTrue(r.corrected().getTotalCount() > 500);
        }
    }

    @Test
    void aLogOf100msSlicesAddsUpToTheSameTotalsWhileProgressStaysPerSecond(@TempDir Path dir) throws IOException {
        Path hlog = dir.resolve("run.hlog");
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadSpec spec = LoadSpec.closed(Target.parse(server.url("/")), 1, 2, Duration.ofMillis(1500))
                    .toBuilder().rate(400).build();
            int[] ticks = {0};
            LoadResult r = new LoadRun(spec, hlog, Duration.ofMillis(100), (s, c, interval, warm) -> ticks[0]++).run();
            long corrected = 0;
            int slices = 0;
            double longest = 0;
            HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if ("corrected".equals(h.getTag())) {
                    corrected += ((Histogram) h).getTotalCount();
                    slices++;
                    longest = Math.max(longest, h.getEndTimeStamp() - h.getStartTimeStamp());
                }
            }
            assertEquals(r.corrected().getTotalCount(), corrected);
            assertTrue(slices >= 10 * ticks[0], slices + " slices for " + ticks[0] + " seconds");
            assertTrue(longest < 150, "slices of about 100 ms, the longest " + longest + " ms");
            assertTrue(ticks[0] >= 1 && ticks[0] <= 3, "progress once a second: " + ticks[0] + " in a 1.5 s run");
        }
    }

    @Test
    void aLogStepThatDoesNotDivideASecondIsRefused() {
        LoadSpec spec = LoadSpec.closed(Target.parse("http://127.0.0.1:1/"), 1, 1, Duration.ofMillis(100));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LoadRun(spec, null, Duration.ofMillis(300), null));
    }
}
