package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prefork's process count under a steady load, by httpd's spare-server rules (issue 24 saw 20
 * processes for 16 connections, a mean over a slow ramp): 4 keep-alive connections each hold a
 * child, and the master keeps MinSpareServers 2 more, 6 in all, never more than 4 + MaxSpareServers;
 * when they leave, one idle child stops a second down to MaxSpareServers 3. Real children, about
 * 15 s on 2 cores.
 */
@Tag("ops")
class PreforkSpareCountOpsTest {

    @Test
    void busyConnectionsPlusMinSpareServersThenMaxSpareServers() throws Exception {
        try (RunningServer server = RunningServer.start("prefork", "StartServers=1", "MinSpareServers=2",
                "MaxSpareServers=3", "MaxRequestWorkers=20", "KeepAliveTimeout=60", "MaxKeepAliveRequests=0")) {
            server.awaitReady(Duration.ofSeconds(30));
            List<HttpTestClient> busy = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    HttpTestClient c = new HttpTestClient(server.port, 30_000);
                    busy.add(c);
                    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
                }
                for (HttpTestClient c : busy) {
                    assertEquals(200, c.read(false).status(), "every connection gets a child");
                }
                int most = awaitCount(server, 6, Duration.ofSeconds(40));
                assertEquals(6, server.children().size(), "4 busy + MinSpareServers 2: " + server.output());
                // Steady: three more maintenance seconds change nothing.
                for (int s = 0; s < 3; s++) {
                    Thread.sleep(1_000);
                    most = Math.max(most, server.children().size());
                    assertEquals(6, server.children().size(), "second " + s + " of the steady load");
                }
                assertTrue(most <= 4 + 3, most + " children at once");
            } finally {
                for (HttpTestClient c : busy) {
                    c.close();
                }
            }
            awaitCount(server, 3, Duration.ofSeconds(20));
            Thread.sleep(2_000);
            assertEquals(3, server.children().size(), "idle: MaxSpareServers 3 left");
        }
    }

    /** Waits until the master has {@code n} children; returns the most it saw meanwhile. */
    private static int awaitCount(RunningServer server, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int most = 0;
        int now = server.children().size();
        while (now != n && System.nanoTime() < deadline) {
            most = Math.max(most, now);
            TimeUnit.MILLISECONDS.sleep(100);
            now = server.children().size();
        }
        assertEquals(n, now, "children after " + timeout.toSeconds() + " s: " + server.output());
        return Math.max(most, now);
    }
}
