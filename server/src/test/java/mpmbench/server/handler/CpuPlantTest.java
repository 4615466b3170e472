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
}
