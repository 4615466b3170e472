package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.IntervalLog;

/** Time back to full throughput at 100 ms resolution, and when a control command signalled. */
class FaultRecoveryTest {

    /** 100 ms bins from 0 s to {@code endS} at 1000 req/s, except {@code dips} (bin index → req/s). */
    private static List<IntervalLog.Bin> bins(double endS, int... dips) {
        List<IntervalLog.Bin> out = new ArrayList<>();
        for (int i = 0; i * 0.1 < endS - 1e-9; i++) {
            long n = 100;
            for (int d = 0; d < dips.length; d += 2) {
                if (dips[d] == i) {
                    n = dips[d + 1] / 10;
                }
            }
            out.add(new IntervalLog.Bin(i * 0.1, 0.1, n, 1.0));
        }
        return out;
    }

    @Test
    void back_at_the_first_full_bin_after_the_dip() {
        // restart at 2.0 s; bins 20..24 (2.0-2.5 s) at 100 req/s, 25 back to full
        List<IntervalLog.Bin> b = bins(5, 20, 100, 21, 100, 22, 100, 23, 100, 24, 100);
        assertEquals(0.5, Recovery.afterFault(b, 0, 2.0, 2.0, 5.0), 1e-9);
        // a dip that starts later than the restart still counts from the restart
        b = bins(5, 23, 0, 24, 0);
        assertEquals(0.5, Recovery.afterFault(b, 0, 2.0, 2.0, 5.0), 1e-9);
    }

    @Test
    void no_dip_is_zero_and_no_return_is_nan() {
        assertEquals(0, Recovery.afterFault(bins(5), 0, 2.0, 2.0, 5.0));
        assertEquals(0, Recovery.afterFault(bins(5, 21, 950), 0, 2.0, 2.0, 5.0), "95 % is within the 90 % rule");
        List<IntervalLog.Bin> dead = bins(5, 30, 0, 31, 0, 32, 0, 33, 0, 34, 0, 35, 0, 36, 0, 37, 0, 38, 0, 39, 0);
        assertTrue(Double.isNaN(Recovery.afterFault(dead, 0, 2.0, 3.0, 4.0)), "not back before the next restart");
        assertTrue(Double.isNaN(Recovery.afterFault(bins(5), 3.0, 3.0, 3.0, 5.0)), "no baseline");
    }

    @Test
    void a_later_restart_is_judged_against_the_rate_before_the_first() {
        // restarts at 1.0 and 3.0 s; the first one's dip does not lower the second one's baseline
        List<IntervalLog.Bin> b = bins(5, 10, 0, 11, 0, 12, 0, 30, 500, 31, 500);
        assertEquals(0.3, Recovery.afterFault(b, 0, 1.0, 1.0, 3.0), 1e-9);
        assertEquals(0.2, Recovery.afterFault(b, 0, 1.0, 3.0, 5.0), 1e-9);
    }

    @Test
    void ctl_signalled_its_done_time_before_it_exited_the_peers_when_they_exited() {
        assertEquals(10_000 - 1234, GracefulRestarts.signalledAt(
                "mpmbench ctl: graceful done in 1234 ms (by SIGUSR1, pid 42, generation 2)", 10_000));
        assertEquals(10_000, GracefulRestarts.signalledAt("", 10_000));
    }

    @Test
    void a_failing_control_command_is_a_failed_restart_with_its_words() {
        GracefulRestarts.Restart r = GracefulRestarts.restartOnce(List.of("sh", "-c", "echo no pid file >&2; exit 3"));
        assertEquals(3, r.exitCode());
        assertEquals("no pid file", r.output());
        assertTrue(!r.ok());
        r = GracefulRestarts.restartOnce(List.of("/nonexistent/apache2", "-k", "graceful"));
        assertEquals(-1, r.exitCode());
        assertTrue(r.output().startsWith("cannot run /nonexistent/apache2"), r.output());
    }
}
