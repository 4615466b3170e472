package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The event model drains a lingering close in its selector thread, as httpd's event MPM does in its
 * listener: clients that got {@code Connection: close} and keep their end open hold no worker, and
 * do not count against the process's connection limit. One child with 2 workers lingers on 8 such
 * clients (2 s of silence each) while a next client is answered at once.
 */
class EventLingeringTest {

    @Test
    void lingeringClientsHoldNoWorker() throws Exception {
        try (RunningServer server = RunningServer.start("event", "StartServers=1", "ServerLimit=1",
                "ThreadsPerChild=2", "MaxRequestWorkers=2", "MinSpareThreads=1", "MaxSpareThreads=4")) {
            List<HttpTestClient> lingering = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    HttpTestClient c = new HttpTestClient(server.port);
                    lingering.add(c);
                    c.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                    assertEquals(200, c.read(false).status());
                    // its end stays open and silent: the server lingers on it for 2 s
                }
                long start = System.nanoTime();
                try (HttpTestClient next = new HttpTestClient(server.port)) {
                    assertEquals(200, next.get("/hello").status());
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < 1_000, "a next client waited " + ms + " ms behind 8 lingering ones");
            } finally {
                for (HttpTestClient c : lingering) {
                    c.close();
                }
            }
        }
    }
}
