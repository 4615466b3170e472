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
}
