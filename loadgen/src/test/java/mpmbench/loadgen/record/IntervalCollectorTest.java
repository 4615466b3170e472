package mpmbench.loadgen.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The warm-up's values are recorded like the window's and kept out of every result. */
class IntervalCollectorTest {

    @Test
    void phaseIsWarmupStrictlyBeforeTheEndOfTheWarmup() {
        assertEquals(LatencyRecorders.WARMUP, LatencyRecorders.phase(999, 1000));
        assertEquals(LatencyRecorders.WINDOW, LatencyRecorders.phase(1000, 1000));
        assertEquals(LatencyRecorders.WINDOW, LatencyRecorders.phase(Long.MAX_VALUE / 2, 1000));
        assertEquals(LatencyRecorders.WARMUP, LatencyRecorders.phase(-5, 1000));
    }

    @Test
    void warmupValuesReachTheProgressIntervalOnlyAndWindowValuesTheTotals() throws Exception {
        LatencyRecorders r = new LatencyRecorders();
        try (IntervalCollector collector = new IntervalCollector(List.of(r), 0, null)) {
            r.recordResponse(LatencyRecorders.WARMUP, 7_000_000, 6_000_000);
            r.recordLag(LatencyRecorders.WARMUP, 2_000);
            r.recordResponse(LatencyRecorders.WINDOW, 3_000_000, 2_000_000);
            r.recordResponse(LatencyRecorders.WINDOW, 4_000_000, 2_000_000);
            Histogram[] interval = collector.collect(1000);
            assertEquals(2, interval[IntervalCollector.CORRECTED].getTotalCount());
            assertEquals(0, interval[IntervalCollector.LAG].getTotalCount());
            Histogram[] warmup = collector.warmupInterval();
            assertEquals(1, warmup[IntervalCollector.CORRECTED].getTotalCount());
            assertEquals(7_000, warmup[IntervalCollector.CORRECTED].getMaxValue(), 10);
            assertEquals(1, warmup[IntervalCollector.LAG].getTotalCount());
            assertEquals(2, collector.total(IntervalCollector.CORRECTED).getTotalCount());
            assertEquals(4_000, collector.total(IntervalCollector.CORRECTED).getMaxValue(), 10);

            collector.collect(2000); // a new interval starts empty
            assertEquals(0, collector.warmupInterval()[IntervalCollector.CORRECTED].getTotalCount());
            assertEquals(2, collector.total(IntervalCollector.CORRECTED).getTotalCount());
        }
    }
}
