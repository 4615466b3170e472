package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunClockTest {

    @Test
    void endingTheWarmupMovesTheWindowAndItsGraceEarlierOnce() {
        RunClock c = RunClock.starting(1_000, 15_000, 2_000, 500);
        assertEquals(16_000, c.warmupEndNs());
        assertEquals(18_000, c.windowEndNs());
        assertEquals(18_500, c.hardEndNs());
        c.endWarmup(5_000);
        assertEquals(5_000, c.warmupEndNs());
        assertEquals(7_000, c.windowEndNs());
        assertEquals(7_500, c.hardEndNs());
        c.endWarmup(6_000); // over already: no effect
        assertEquals(5_000, c.warmupEndNs());
    }

    @Test
    void stoppingEndsTheWindowNowAndKeepsTheGrace() {
        RunClock c = RunClock.starting(0, 1_000, 10_000, 500);
        c.stopNow(3_000);
        assertEquals(1_000, c.warmupEndNs());
        assertEquals(3_000, c.windowEndNs());
        assertEquals(3_500, c.hardEndNs());
        RunClock early = RunClock.starting(0, 1_000, 10_000, 500);
        early.stopNow(400); // during the warm-up: an empty window
        assertEquals(400, early.warmupEndNs());
        assertEquals(400, early.windowEndNs());
    }
}
