package mpmbench.server.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpareMaintenanceTest {

    @Test
    void spawnRateDoublesWhileTheShortageLastsUpTo32() {
        // prefork, MinSpareServers 100 so the shortage lasts: 1, 2, 4, 8, 16, 32, 32
        SpareMaintenance m = new SpareMaintenance(100, 200, 1, 1000);
        int[] expected = {1, 2, 4, 8, 16, 32, 32};
        for (int e : expected) {
            assertEquals(e, m.decide(0, 10).spawn());
        }
    }

    @Test
    void spawnRateFallsBackToOneWhenTheShortageEnds() {
        SpareMaintenance m = new SpareMaintenance(5, 10, 1, 100);
        m.decide(0, 1);
        m.decide(0, 2);
        assertEquals(SpareMaintenance.Decision.NOTHING, m.decide(7, 9));
        assertEquals(1, m.decide(4, 9).spawn());
    }

    @Test
    void neverSpawnsBeyondTheLimitNorMoreThanTheShortage() {
        SpareMaintenance threads = new SpareMaintenance(75, 250, 25, 16);
        assertEquals(1, threads.decide(50, 2).spawn());
        SpareMaintenance full = new SpareMaintenance(75, 250, 25, 16);
        assertEquals(0, full.decide(0, 16).spawn());
        SpareMaintenance prefork = new SpareMaintenance(5, 10, 1, 256);
        prefork.decide(0, 1);
        prefork.decide(0, 2);
        assertEquals(1, prefork.decide(4, 8).spawn());
    }

    @Test
    void stopsOneIdleChildAboveTheMaximum() {
        SpareMaintenance m = new SpareMaintenance(5, 10, 1, 256);
        SpareMaintenance.Decision d = m.decide(11, 11);
        assertTrue(d.stopOneIdle());
        assertEquals(0, d.spawn());
        assertFalse(m.decide(10, 10).stopOneIdle());
    }

    /**
     * The count a steady load gets, by httpd's rules (prefork, Debian's StartServers 5,
     * MinSpareServers 5, MaxSpareServers 10): 16 busy keep-alive connections hold 16 children, and
     * the master keeps 5 more idle, 21 in all (22 processes with the master), whatever the ramp; when
     * the load ends it stops one idle child a second down to MaxSpareServers.
     */
    @Test
    void sixteenBusyConnectionsSettleAtTwentyOneChildrenThenShrinkToMaxSpare() {
        SpareMaintenance m = new SpareMaintenance(5, 10, 1, 150);
        int children = 5;
        for (int second = 0; second < 60; second++) {
            int idle = Math.max(0, children - 16); // children start within the second in this model
            SpareMaintenance.Decision d = m.decide(idle, children);
            children += d.spawn() - (d.stopOneIdle() ? 1 : 0);
            assertTrue(children <= 16 + 10, "second " + second + ": " + children + " children");
        }
        assertEquals(21, children);
        int seconds = 0;
        while (true) {
            SpareMaintenance.Decision d = m.decide(children, children);
            if (!d.stopOneIdle()) {
                break;
            }
            assertEquals(0, d.spawn());
            children--;
            seconds++;
        }
        assertEquals(10, children, "idle children left after the load");
        assertEquals(11, seconds, "one stopped a second");
    }

    /** Starting children count as idle (httpd: "we started it at least a cycle ago"): a slow start spawns no second wave. */
    @Test
    void startingChildrenCountAsIdleSoASlowStartSpawnsNoSecondWave() {
        SpareMaintenance m = new SpareMaintenance(5, 10, 1, 150);
        // 16 busy, 5 more starting (counted idle by the census): nothing to do while they start.
        assertEquals(SpareMaintenance.Decision.NOTHING, m.decide(5, 21));
    }
}
