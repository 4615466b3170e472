package mpmbench.benchmarks.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** /proc/stat's aggregate line and /proc/loadavg (src/test/resources/proc/machine), and a window of two. */
class MachineCpuTest {

    private static MachineCpu at(String stat, long nanoTime) throws IOException {
        return MachineCpu.parse(ProcFilesTest.fixture("machine/" + stat), ProcFilesTest.fixture("machine/loadavg"), nanoTime);
    }

    @Test
    void the_aggregate_line_and_the_load_average() throws IOException {
        MachineCpu m = at("stat-t0", 0);
        assertEquals(new MachineCpu(30458, 12, 12754, 83831, 308, 0, 903, 40, 3.58, 3.24, 1.50, 0), m);
        assertEquals(30458 + 12 + 12754 + 903, m.busyTicks());
        assertEquals(m.busyTicks() + 83831 + 308 + 40, m.totalTicks());
    }

    @Test
    void a_window_in_ns() throws IOException {
        MachineCpu.Interval w = at("stat-t1", 1_020_000_000L).since(at("stat-t0", 0));
        assertEquals(157 * TreeSample.NS_PER_TICK, w.busyNs()); // user 100, system 50, irq 2, softirq 5
        assertEquals(25 * TreeSample.NS_PER_TICK, w.stealNs());
        assertEquals(204 * TreeSample.NS_PER_TICK, w.totalNs());
        assertEquals(1_020_000_000L, w.wallNs());
        assertEquals(25 * 100.0 / 204, w.stealPct(), 1e-9);
    }

    @Test
    void this_machine_and_a_bad_file() throws IOException {
        MachineCpu m = MachineCpu.read();
        assertTrue(m.totalTicks() > 0 && m.load1() >= 0);
        assertThrows(IllegalArgumentException.class, () -> MachineCpu.parse("intr 1\n", "0 0 0 1/1 1", 0));
    }
}
