package mpmbench.benchmarks.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Context switches compare only over the same live processes; CPU over any two samples of one method. */
class TreeSampleTest {

    private static TreeSample sample(long ctx, List<Integer> pids) {
        return sample(ctx, pids.size(), ctx * 1000, pids);
    }

    private static TreeSample sample(long ctx, int threads, long runDelayNs, List<Integer> pids) {
        return new TreeSample(0, pids.size(), threads, 0, 0, 0, 0, ctx, 0, runDelayNs, 0, CpuMethod.PROC, -1, -1, pids);
    }

    @Test
    void switchesOverTheSameProcessesAreTheirDifference() {
        assertEquals(250.0, sample(1250, List.of(10, 11, 12)).ctxSwitchesSince(sample(1000, List.of(10, 11, 12))));
    }

    @Test
    void aProcessThatExitedTookItsCountsSoTheDifferenceIsNotANumber() {
        // child 12 had 600 switches and was killed: the naive difference would read -350
        assertTrue(Double.isNaN(sample(1250, List.of(10, 11)).ctxSwitchesSince(sample(1000, List.of(10, 11, 12)))));
        assertTrue(Double.isNaN(sample(1250, List.of(10, 11, 13)).ctxSwitchesSince(sample(1000, List.of(10, 11, 12)))));
    }

    @Test
    void aThreadThatEndedInOneOfTheSameProcessesMakesBothCountsNotANumber() {
        List<Integer> pids = List.of(10, 11);
        assertTrue(Double.isNaN(sample(1250, 40, 900, pids).ctxSwitchesSince(sample(1000, 41, 500, pids))));
        assertTrue(Double.isNaN(sample(1250, 40, 900, pids).runDelayNsSince(sample(1000, 41, 500, pids))));
        assertEquals(400.0, sample(1250, 41, 900, pids).runDelayNsSince(sample(1000, 41, 500, pids)));
    }

    @Test
    void aRunQueueWaitNotReadIsNotANumber() {
        List<Integer> pids = List.of(10);
        assertTrue(Double.isNaN(sample(1250, 1, 900, pids).runDelayNsSince(sample(1000, 1, -1, pids))));
    }
}
