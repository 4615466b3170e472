package mpmbench.server.mpm.event;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A hand-back wakes the selector only while it selects, and once per select. */
class WakeGateTest {

    @Test
    void aBusySelectorIsNotWoken() {
        WakeGate gate = new WakeGate();
        assertFalse(gate.shouldWake(), "never selected yet");
        gate.selecting();
        gate.awake();
        assertFalse(gate.shouldWake(), "awake again: it takes the hand-back at its next pass");
    }

    @Test
    void oneWakeUpServesEveryHandBackOfTheSameSelect() {
        WakeGate gate = new WakeGate();
        gate.selecting();
        assertTrue(gate.shouldWake());
        assertFalse(gate.shouldWake(), "already woken");
        assertFalse(gate.shouldWake(), "already woken");
        gate.awake();
        gate.selecting();
        assertTrue(gate.shouldWake(), "a new select needs a new wake-up");
    }

    @Test
    void exactlyOneOfManyRacingWorkersWakesIt() throws InterruptedException {
        for (int round = 0; round < 200; round++) {
            WakeGate gate = new WakeGate();
            gate.selecting();
            java.util.concurrent.atomic.AtomicInteger woke = new java.util.concurrent.atomic.AtomicInteger();
            Thread[] workers = new Thread[4];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = Thread.ofPlatform().start(() -> {
                    if (gate.shouldWake()) {
                        woke.incrementAndGet();
                    }
                });
            }
            for (Thread t : workers) {
                t.join();
            }
            assertTrue(woke.get() == 1, "round " + round + ": " + woke.get() + " wake-ups");
        }
    }
}
