package mpmbench.benchmarks.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The /proc method over two snapshots of one tree (src/test/resources/proc/exit-between-samples, see
 * its README): between them a child exits and the root reaps it, a grandchild exits and its parent
 * (not the root) reaps it, and a child exits and stays a zombie. The window's CPU is what they burned.
 */
class ProcAccountingTest {

    private static Path snapshot(String name) throws URISyntaxException {
        return Path.of(ProcAccountingTest.class.getResource("/proc/exit-between-samples/" + name).toURI());
    }

    @Test
    void every_exit_in_the_window_keeps_its_cpu() throws URISyntaxException {
        TreeSample t0 = new ProcReader(snapshot("t0")).sample(100, 0);
        TreeSample t1 = new ProcReader(snapshot("t1")).sample(100, 1000);
        assertEquals(60 + 220 + 6 + 330 + 100, t0.cpuTicks());
        // root 55+10+300+20, 102 5+1+350+30 (its reaped child 103), zombie 104 140+0
        assertEquals(385 + 386 + 140, t1.cpuTicks());
        assertEquals(195 * TreeSample.NS_PER_TICK, t1.cpuNsSince(t0));
        assertEquals(1.95e6, t1.cpuUsSince(t0));
        assertEquals(CpuMethod.PROC, t1.cpuMethod());
    }

    @Test
    void a_zombie_counts_for_cpu_only() throws URISyntaxException {
        TreeSample t1 = new ProcReader(snapshot("t1")).sample(100, 1000);
        assertEquals(2, t1.processes());
        assertEquals(2, t1.threads());
        assertEquals(2, t1.fds());
        assertEquals(List.of(100, 102, 104), ProcessTree.members(snapshot("t1"), 100));
        assertEquals(List.of(100, 102), ProcessTree.of(snapshot("t1"), 100));
    }

    /** What the rule before issue 19 gave (the root's cutime only, zombies left out): a negative window. */
    @Test
    void the_old_rule_went_negative() throws URISyntaxException {
        long rootOnlyT1 = 55 + 10 + 300 + 20 + 5 + 1; // the root with its reaped children, 102 without its own
        long t0 = 716;
        assertEquals(-325, rootOnlyT1 - t0);
        assertEquals(716, new ProcReader(snapshot("t0")).sample(100, 0).cpuTicks());
    }
}
