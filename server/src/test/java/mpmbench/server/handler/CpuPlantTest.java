package mpmbench.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;

import mpmbench.server.config.ConfigLoader;
import mpmbench.server.config.Mpm;
import mpmbench.server.http.ConnectionObserver;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.ConnectionTimeouts;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.MemoryChannelIo;
import mpmbench.server.http.StatusPage;
import mpmbench.server.http.request.HttpLimits;

/** MpmbenchPlantCpu: off by default, and real work on the request's thread when on. */
class CpuPlantTest {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    @Test
    void offByDefaultAndReadFromTheDirective() {
        for (Mpm mpm : Mpm.values()) {
            assertEquals(0, ConfigLoader.forModel(mpm).load().config().plantCpuTokens());
        }
        assertEquals(5000, ConfigLoader.forModel(Mpm.EVENT).set("MpmbenchPlantCpu=5000").load().config().plantCpuTokens());
    }

    @Test
    void theChainRunsEveryToken() {
        assertEquals(43, CpuPlant.consume(0));
        assertEquals(CpuPlant.consume(1000), CpuPlant.consume(1000));
        assertNotEquals(CpuPlant.consume(1000), CpuPlant.consume(1001));
        assertThrows(IllegalArgumentException.class, () -> new CpuPlant(-1));
    }

    /** 20 M tokens are about 40 ms of CPU compiled (far more interpreted); a /hello without them well under 1 ms. */
    @Test
    void aPlantedRouterSpendsTheCpuOnTheRequestsThread() {
        long off = cpuNsOfOneHello(new Router(StatusPage.NONE));
        long on = cpuNsOfOneHello(new Router(StatusPage.NONE, new CpuPlant(20_000_000)));
        assertTrue(on > 5_000_000 && on > 5 * off, "planted " + on + " ns, plain " + off + " ns of thread CPU");
    }

    private static long cpuNsOfOneHello(Router router) {
        MemoryChannelIo io = new MemoryChannelIo().then("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
        Http1Connection c = new Http1Connection(HttpLimits.DEFAULTS, ConnectionTimeouts.DEFAULTS, router);
        c.serve(new MemoryChannelIo().then("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"), ConnectionObserver.NONE,
                new ConnectionState(false)); // classes loaded before the measured one
        long t0 = MX.getCurrentThreadCpuTime();
        c.serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        long ns = MX.getCurrentThreadCpuTime() - t0;
        assertTrue(io.written().startsWith("HTTP/1.1 200 "), io.written());
        return ns;
    }

    /** One call in 16 is timed, and the status page of the process says what a call costs there. */
    @Test
    void theStatusPageShowsWhatACallCostsInThisProcess() {
        CpuPlant plant = new CpuPlant(100_000);
        Router router = new Router(StatusPage.NONE, plant);
        String before = statusAuto(router);
        assertTrue(before.contains("MpmbenchPlantTokens: 100000\n"), before);
        assertTrue(before.contains("MpmbenchPlantCpuNsPerCall: \n"), before); // one call so far: none timed
        for (int i = 0; i < 2 * CpuPlant.SAMPLE_EVERY; i++) {
            plant.consume();
        }
        String after = statusAuto(router);
        assertTrue(after.contains("MpmbenchPlantCalls: " + (2 + 2 * CpuPlant.SAMPLE_EVERY) + "\n"), after);
        double ns = plant.sampledCpuNsPerCall();
        // 100,000 tokens are about 0.2 ms compiled, more interpreted; a clock that did not run reads 0
        assertTrue(ns > 20_000 && ns < 1e9, ns + " ns per call");
        assertEquals(-1, statusAuto(new Router(StatusPage.NONE)).indexOf("MpmbenchPlant"));
    }

    private static String statusAuto(Router router) {
        MemoryChannelIo io = new MemoryChannelIo().then("GET /server-status?auto HTTP/1.1\r\nHost: t\r\n\r\n");
        new Http1Connection(HttpLimits.DEFAULTS, ConnectionTimeouts.DEFAULTS, router)
                .serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        assertTrue(io.written().startsWith("HTTP/1.1 200 "), io.written());
        return io.written();
    }
}
