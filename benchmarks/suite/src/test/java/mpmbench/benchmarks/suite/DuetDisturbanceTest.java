package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.telemetry.MachineCpu;

/** A busy window makes a row disturbed, unless a duet's two builds shared it: then it is said, the status kept. */
class DuetDisturbanceTest {

    /** Two CPUs over 3 s, 400 of 600 ticks busy; the measured processes 1 s: 3 s of other work, 100 % of a core. */
    private static Row row(boolean duet) {
        MachineCpu start = new MachineCpu(0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0);
        MachineCpu end = new MachineCpu(0, 0, 0, 200, 0, 0, 0, 0, 2, 0, 0, 0, 3_000_000_000L);
        Row.Builder b = Row.builder(Schemas.SUMMARY).put("status", "ok");
        WindowDisturbance.put(b, new WindowDisturbance.Mark(start, 0, 0, 0, false),
                new WindowDisturbance.Mark(end, 0, 0, 0, false), 1e9, 0, false, duet);
        return b.build();
    }

    @Test
    void a_duet_row_keeps_its_status_in_a_busy_window_and_says_so() {
        Row alone = row(false);
        assertEquals("disturbed", alone.text("status"));
        Row duet = row(true);
        assertEquals("ok", duet.text("status"));
        assertEquals(alone.num("other_cpu_pct"), duet.num("other_cpu_pct"), 1e-9);
        assertTrue(duet.num("other_cpu_pct") > Schemas.DISTURBED_OTHER_CPU_PCT, duet.toString());
        assertTrue(duet.text("reason").contains("not marked disturbed: the duet's two builds shared it"), duet.text("reason"));
    }
}
