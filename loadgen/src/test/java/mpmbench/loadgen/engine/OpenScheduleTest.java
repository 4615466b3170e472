package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import mpmbench.loadgen.record.LatencyRecorders;

/** The open-model schedule, and coordinated-omission correction under a controllable clock. */
class OpenScheduleTest {

    @Test
    void connectionsAreStaggeredSoTheTotalRateIsEven() {
        // 1000/s over 4 connections: each every 4 ms, offsets 0, 1, 2, 3 ms.
        for (int i = 0; i < 4; i++) {
            OpenSchedule s = OpenSchedule.of(1_000, 1000, i, 4);
            assertEquals(4_000_000, s.intervalNs());
            assertEquals(1_000 + i * 1_000_000L, s.take());
            assertEquals(1_000 + i * 1_000_000L + 4_000_000, s.next());
        }
    }

    @Test
    void intendedInCountsTheWholeScheduleInAHalfOpenWindowWhateverWasTaken() {
        OpenSchedule s = new OpenSchedule(5, 10); // 5, 15, 25, ...
        assertEquals(0, s.intendedIn(0, 5), "the end is excluded");
        assertEquals(1, s.intendedIn(5, 6), "the start is included");
        assertEquals(1, s.intendedIn(0, 6));
        assertEquals(10, s.intendedIn(0, 100)); // 5 .. 95
        assertEquals(10, s.intendedIn(5, 105)); // 5 .. 95
        assertEquals(9, s.intendedIn(6, 105)); // 15 .. 95
        assertEquals(0, s.intendedIn(16, 25));
        assertEquals(0, s.intendedIn(50, 40), "an empty window, not a negative count");
        assertEquals(0, s.intendedIn(-100, 5), "nothing before the first");
        s.take();
        s.take();
        assertEquals(10, s.intendedIn(0, 100), "taking changes nothing: it counts what was scheduled");
    }

    @Test
    void windowCountsOfAllConnectionsSumToRateTimesDuration() {
        // 1000/s over 3 connections (intervals of 3 ms, offsets 0, 1, 2 ms), window [2.5 s, 4.5 s) from 0:
        // every ms in [2.5, 4.5) s is intended by exactly one connection: 2000.
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += OpenSchedule.of(0, 1000, i, 3).intendedIn(2_500_000_000L, 4_500_000_000L);
        }
        assertEquals(2000, sum);
    }

    @Test
    void nextAtOrAfterSkipsToTheFirstIntendedTimeNotBeforeTheBound() {
        OpenSchedule s = new OpenSchedule(5, 10);
        assertEquals(5, s.nextAtOrAfter(0));
        assertEquals(5, s.nextAtOrAfter(5));
        assertEquals(15, s.nextAtOrAfter(6));
        assertEquals(55, s.nextAtOrAfter(50));
        s.take();
        assertEquals(15, s.nextAtOrAfter(0), "never before the next not taken");
    }

    /**
     * One connection at 1000/s for 10 s against a simulated server answering in 100 µs, stopped for
     * 1 s at t = 5 s. The clock is the simulation's: the request is sent when it is due and the
     * connection is free, and latency is charged from the intended time, as the engine does.
     */
    @Test
    void aStallIsChargedToEveryRequestItDelayed() {
        long serviceNs = 100_000;
        long stallStart = 5_000_000_000L;
        long stallEnd = 6_000_000_000L;
        long end = 10_000_000_000L;
        OpenSchedule s = OpenSchedule.of(0, 1000, 0, 1);
        Histogram corrected = LatencyRecorders.newHistogram();
        Histogram uncorrected = LatencyRecorders.newHistogram();
        Histogram lag = LatencyRecorders.newHistogram();
        long free = 0;
        while (s.next() < end) {
            long intended = s.take();
            long sent = Math.max(intended, free);
            long start = sent >= stallStart && sent < stallEnd ? stallEnd : sent;
            long done = start + serviceNs;
            corrected.recordValue(LatencyRecorders.toMicros(done - intended));
            uncorrected.recordValue(LatencyRecorders.toMicros(done - sent));
            lag.recordValue(LatencyRecorders.toMicros(sent - Math.max(intended, free)));
            free = done;
        }
        assertEquals(10_000, corrected.getTotalCount());
        // theory: p-quantile ≈ S − (1 − p)·D = 1 − 0.01·10 = 0.9 s; p99.9: 0.99 s. The catch-up after
        // the stall (1000 queued requests × 100 µs) adds up to 0.1 s to the queued ones: within 2%.
        assertEquals(0.9, corrected.getValueAtPercentile(99) / 1e6, 0.9 * 0.02);
        assertEquals(0.99, corrected.getValueAtPercentile(99.9) / 1e6, 0.99 * 0.02);
        assertTrue(uncorrected.getValueAtPercentile(99) <= 101, "uncorrected p99 " + uncorrected.getValueAtPercentile(99));
        assertEquals(1_000_000, uncorrected.getMaxValue(), 1_000);
        assertEquals(1, lag.getMaxValue(), "a busy connection is not the generator's lag");
    }
}
