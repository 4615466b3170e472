package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.record.IntervalCollector;
import mpmbench.loadgen.record.LatencyRecorders;

/**
 * Each request counted once by the state it was in at the window's end, on a clock of whole ms:
 * warm-up [0, 100 ms), window [100 ms, 1100 ms), grace to 1600 ms.
 */
class WindowAccountingTest {

    private static final long MS = 1_000_000;

    private final RunClock clock = RunClock.starting(0, 100 * MS, 1000 * MS, 500 * MS);
    private final SingleWriterCounters counters = new SingleWriterCounters();
    private final LatencyRecorders recorders = new LatencyRecorders();

    private Histogram corrected() throws IOException {
        try (IntervalCollector c = new IntervalCollector(List.of(recorders), 0, null)) {
            return c.collect(0)[IntervalCollector.CORRECTED].copy();
        }
    }

    private static Connection inFlight(long... intendedNs) {
        Connection c = new Connection(0, false, ByteBuffer.allocate(0), intendedNs.length, null);
        for (long t : intendedNs) {
            c.push(t, t);
        }
        return c;
    }

    @Test
    void aLossIsAnErrorBeforeTheWindowsEndAndUnansweredAfterIt() throws IOException {
        WindowAccounting a = new WindowAccounting(clock, counters, recorders, true);
        a.lost(inFlight(50 * MS, 500 * MS, 600 * MS), Counter.ERR_CLOSED, 700 * MS);
        a.lost(inFlight(1000 * MS, 1050 * MS), Counter.ERR_TIMEOUT, 1200 * MS);
        Counts n = counters.snapshot();
        assertEquals(1, n.get(Counter.WARMUP_ERRORS));
        assertEquals(2, n.get(Counter.ERR_CLOSED));
        assertEquals(0, n.get(Counter.ERR_TIMEOUT), "a timeout in the grace is no error of the window");
        assertEquals(2, n.get(Counter.UNANSWERED));
        Histogram h = corrected();
        assertEquals(2, h.getTotalCount(), "only the censored ones");
        assertEquals(100_000, h.getMaxValue(), 100, "window end - intended: 1100 - 1000 ms, in µs");
        assertEquals(50_000, h.getMinValue(), 100);
    }

    @Test
    void anAnswerAfterTheWindowsEndIsUnansweredAnsweredInGraceAndRequestsBeyondTheWindowCountNowhere()
            throws IOException {
        WindowAccounting a = new WindowAccounting(clock, counters, recorders, true);
        a.answeredAfterWindow(1099 * MS);
        a.answeredAfterWindow(1100 * MS); // intended at the window's end: no request of it
        a.answeredAfterWindow(99 * MS); // a warm-up request answered late
        a.inFlightAtEnd(inFlight(1090 * MS, 1200 * MS));
        Counts n = counters.snapshot();
        assertEquals(2, n.get(Counter.UNANSWERED));
        assertEquals(1, n.get(Counter.ANSWERED_IN_GRACE));
        assertEquals(1, n.get(Counter.WARMUP_REQUESTS));
        assertEquals(2, corrected().getTotalCount());
    }

    @Test
    void unsentRequestsAreTheScheduleNotTakenInTheWindowEachAtItsLowerBound() throws IOException {
        WindowAccounting a = new WindowAccounting(clock, counters, recorders, true);
        OpenSchedule s = new OpenSchedule(0, 10 * MS); // 0, 10, ..., 1090 ms
        for (int i = 0; i < 105; i++) {
            s.take(); // sent up to 1040 ms: 1050 .. 1090 ms were never sent
        }
        a.unsent(s);
        assertEquals(5, counters.snapshot().get(Counter.UNSENT));
        Histogram h = corrected();
        assertEquals(5, h.getTotalCount());
        assertEquals(10_000, h.getMinValue(), 10);
        assertEquals(50_000, h.getMaxValue(), 50);
        // never-sent warm-up requests are not the window's
        SingleWriterCounters fresh = new SingleWriterCounters();
        new WindowAccounting(clock, fresh, new LatencyRecorders(), true).unsent(new OpenSchedule(0, 10 * MS));
        assertEquals(100, fresh.snapshot().get(Counter.UNSENT), "[100, 1100) ms every 10 ms, not the 10 before");
        assertEquals(100, new OpenSchedule(0, 10 * MS).intendedIn(clock.warmupEndNs(), clock.windowEndNs()));
    }

    @Test
    void theClosedModelCountsButRecordsNoLowerBound() throws IOException {
        WindowAccounting a = new WindowAccounting(clock, counters, recorders, false);
        a.inFlightAtEnd(inFlight(1090 * MS));
        a.connectionError(Counter.ERR_CONNECT, 50 * MS);
        a.connectionError(Counter.ERR_CONNECT, 150 * MS);
        Counts n = counters.snapshot();
        assertEquals(1, n.get(Counter.UNANSWERED));
        assertEquals(1, n.get(Counter.ERR_CONNECT));
        assertEquals(1, n.get(Counter.WARMUP_ERRORS), "a connect error in the warm-up");
        assertEquals(0, corrected().getTotalCount());
    }
}
