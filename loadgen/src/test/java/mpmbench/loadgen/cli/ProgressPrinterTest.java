package mpmbench.loadgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import mpmbench.loadgen.contract.ProgressLine;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.record.IntervalCollector;
import mpmbench.loadgen.record.LatencyRecorders;

/** What {@code --progress} prints is what the suite's parser ({@link ProgressLine#parse}) reads. */
class ProgressPrinterTest {

    @Test
    void everyLineItPrintsIsAProgressLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        Histogram[] interval = new Histogram[IntervalCollector.TAGS.size()];
        for (int i = 0; i < interval.length; i++) {
            interval[i] = LatencyRecorders.newHistogram();
        }
        interval[IntervalCollector.CORRECTED].recordValue(1500);
        p.second(1.0, Counts.zero().with(Counter.WARMUP_REQUESTS, 1123).with(Counter.WARMUP_ERRORS, 2), interval, true);
        p.warmupOver(1.5, true);
        p.second(2.0, Counts.zero().with(Counter.WARMUP_REQUESTS, 1123).with(Counter.REQUESTS, 900)
                .with(Counter.ERR_READ, 1).with(Counter.WARMUP_ERRORS, 2), interval, false);
        p.windowOver(3.0);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("     1.0s warm-up      1123 req/s  errors 2  p99 1.500ms",
                "  warm-up over after 1.5s: steady",
                "     2.0s               900 req/s  errors 3  p99 1.500ms",
                "  window over after 3.0s"), lines);
        assertEquals(List.of(new ProgressLine.Second(1.0, true, 1123, 2, 1.5), new ProgressLine.WarmupOver(1.5, true),
                new ProgressLine.Second(2.0, false, 900, 3, 1.5), new ProgressLine.WindowOver(3.0)),
                lines.stream().map(ProgressLine::parse).toList());
    }
}
