package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mpmbench.benchmarks.results.Invariants;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.telemetry.MachineCpu;

import org.junit.jupiter.api.Test;

class WindowDisturbanceTest {

    private static final long TICK_NS = 10_000_000L;

    /** Two CPUs over 3 s (600 ticks of CPU time), {@code busyTicks} of them not idle. */
    private static Row row(long busyTicks, double measuredNs) {
        MachineCpu start = new MachineCpu(0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0);
        MachineCpu end = new MachineCpu(0, 0, 0, 600 - busyTicks, 0, 0, 0, 0, 2, 0, 0, 0, 3_000_000_000L);
        Row.Builder b = Row.builder(Schemas.SUMMARY).put("status", "ok");
        WindowDisturbance.put(b, new WindowDisturbance.Mark(start, 0, 0, 0, false), new WindowDisturbance.Mark(end, 0, 0, 0, false),
                measuredNs, 0, false);
        return b.build();
    }

    @Test
    void a_remainder_within_the_ticks_rounding_reads_zero() {
        // busy 100 ticks = 1 s; the target counted 1.1 s: 10 ticks below, rounding at this resolution
        assertTrue(WindowDisturbance.tickSlackNs(2) >= 10 * TICK_NS);
        assertEquals(0.0, row(100, 1.1e9).num("other_cpu_pct"));
    }

    @Test
    void a_shortfall_beyond_rounding_leaves_other_cpu_unmeasured_and_says_so() {
        // busy 1 s, the measured processes 2 s: one account is wrong; neither 0 nor -33 % is written
        Row r = row(100, 2.0e9);
        assertEquals("", r.text("other_cpu_pct"));
        assertEquals("ok", r.text("status"));
        assertTrue(r.text("reason").contains("other processes' CPU not measured"), r.text("reason"));
        assertTrue(Invariants.check(r, 2).isEmpty(), Invariants.check(r, 2).toString());
    }

    @Test
    void a_suite_that_is_part_of_its_target_is_counted_once() {
        // the target's 1 s holds this JVM's 0.6 s (suite and generator): busy 1 s, nothing else
        MachineCpu start = new MachineCpu(0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0);
        MachineCpu end = new MachineCpu(0, 0, 0, 500, 0, 0, 0, 0, 2, 0, 0, 0, 3_000_000_000L);
        Row.Builder b = Row.builder(Schemas.SUMMARY).put("status", "ok");
        WindowDisturbance.put(b, new WindowDisturbance.Mark(start, 0, 0, 0, false), new WindowDisturbance.Mark(end, 600_000_000L, 0, 0, false),
                1e9, 0.2e9, true);
        assertEquals(0.0, b.build().num("other_cpu_pct"));
    }

    @Test
    void a_generator_reaped_in_the_window_is_counted_once() {
        // busy 1.5 s: the target 1 s and wrk 0.5 s, which exited at the window's end and was reaped
        // before the closing mark, so this JVM's reaped children hold the same 0.5 s its account gives
        MachineCpu start = new MachineCpu(0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0);
        MachineCpu end = new MachineCpu(0, 0, 0, 450, 0, 0, 0, 0, 2, 0, 0, 0, 3_000_000_000L);
        Row.Builder b = Row.builder(Schemas.SUMMARY).put("status", "ok");
        WindowDisturbance.put(b, new WindowDisturbance.Mark(start, 0, 0, 0, false), new WindowDisturbance.Mark(end, 0, 500_000_000L, 0, true),
                1e9, 0.5e9, false);
        assertEquals(0.0, b.build().num("other_cpu_pct"), 1e-9);
    }

    @Test
    void control_commands_reaped_beside_a_generator_still_running_are_both_counted() {
        // busy 2.3 s: the target 1 s, our generator 0.8 s (its own account; it exits after the window)
        // and two graceful-restart commands 0.5 s, reaped in the window: nothing else ran
        MachineCpu start = new MachineCpu(0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0);
        MachineCpu end = new MachineCpu(0, 0, 0, 370, 0, 0, 0, 0, 2, 0, 0, 0, 3_000_000_000L);
        Row.Builder b = Row.builder(Schemas.SUMMARY).put("status", "ok");
        WindowDisturbance.put(b, new WindowDisturbance.Mark(start, 0, 0, 0, false),
                new WindowDisturbance.Mark(end, 0, 500_000_000L, 0, false), 1e9, 0.8e9, false);
        assertEquals(0.0, b.build().num("other_cpu_pct"), 1e-9);
        assertEquals("ok", b.build().text("status"));
    }

    @Test
    void the_reaped_state_of_a_real_child_is_read_on_one_side_of_its_reaping() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(!WindowDisturbance.Mark.now(null, null, p).generatorReaped() || !p.isAlive());
        p.waitFor();
        WindowDisturbance.Mark after = WindowDisturbance.Mark.now(null, null, p);
        assertTrue(after.generatorReaped());
        assertTrue(after.reapedCpuNs() >= 0);
    }

    @Test
    void other_processes_cpu_is_the_busy_time_less_the_measured() {
        assertEquals(50.0, row(300, 1.5e9).num("other_cpu_pct"), 1e-9);
    }
}
