package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The process side: children as real processes, one shared accept queue, replacement, clean stop. */
class ProcessModelTest {

    private static final String[] THREE_PREFORK = {"StartServers=3", "MinSpareServers=1", "MaxSpareServers=3"};

    @Test
    void preforkStartsTheChildrenItIsToldToAndStopsCleanly() throws Exception {
        RunningServer server = RunningServer.start("prefork", THREE_PREFORK);
        List<ProcessHandle> kids;
        try {
            kids = server.awaitChildren(3, Duration.ofSeconds(10));
            assertEquals(3, kids.size(), server.output());
            assertTrue(server.scoreboardExists());
        } finally {
            long t0 = System.nanoTime();
            server.master.destroy();
            assertTrue(server.master.waitFor(10, TimeUnit.SECONDS), "master did not exit within 10 s");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 10_000, "stop took " + ms + " ms");
            server.close();
        }
        for (ProcessHandle k : kids) {
            k.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(k.isAlive(), "child " + k.pid() + " outlived the master");
        }
        assertFalse(server.scoreboardExists(), "scoreboard file left behind: " + server.scoreboard);
    }

    /** Three single-worker children of each model, so one busy worker makes one busy process. */
    static Stream<Arguments> threeSingleWorkerChildren() {
        String[] threaded = {"StartServers=3", "ThreadsPerChild=1", "MinSpareThreads=1", "MaxSpareThreads=3",
            "MaxRequestWorkers=3"};
        return Stream.of(Arguments.of("prefork", THREE_PREFORK), Arguments.of("worker", threaded),
                Arguments.of("event", threaded));
    }

    @ParameterizedTest
    @MethodSource("threeSingleWorkerChildren")
    void aBusyChildNeverDelaysNewConnections(String mpm, String[] sets) throws Exception {
        try (RunningServer server = RunningServer.start(mpm, sets)) {
            assertEquals(3, server.awaitChildren(3, Duration.ofSeconds(10)).size());
            HttpTestClient busy = new HttpTestClient(server.port, 10_000);
            busy.send("GET /sleep?ms=3000 HTTP/1.1\r\nHost: x\r\n\r\n");
            CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> {
                try (busy) {
                    return busy.read(false).status();
                } catch (Exception e) {
                    return -1;
                }
            });
            Thread.sleep(200);
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                try (HttpTestClient c = new HttpTestClient(server.port, 2_000)) {
                    c.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                    assertEquals(200, c.read(false).status());
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertTrue(ms < 1_000, "connection " + i + " waited " + ms + " ms behind the busy child");
            }
            assertEquals(200, slow.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aKilledChildIsReplaced() throws Exception {
        try (RunningServer server = RunningServer.start("prefork", THREE_PREFORK)) {
            List<ProcessHandle> kids = server.awaitChildren(3, Duration.ofSeconds(10));
            assertEquals(3, kids.size());
            ProcessHandle victim = kids.get(0);
            new ProcessBuilder("kill", "-KILL", Long.toString(victim.pid())).start().waitFor();
            victim.onExit().get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<ProcessHandle> now = server.children();
            while ((now.size() < 3 || now.contains(victim)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                now = server.children();
            }
            assertEquals(3, now.size(), server.output());
            assertFalse(now.contains(victim));
            server.awaitReady(Duration.ofSeconds(10));
        }
    }

    @Test
    void aChildIsRecycledAfterMaxConnectionsPerChild() throws Exception {
        try (RunningServer server = RunningServer.start("prefork", "StartServers=1", "MinSpareServers=1",
                "MaxSpareServers=2", "MaxConnectionsPerChild=3")) {
            List<ProcessHandle> first = server.awaitChildren(1, Duration.ofSeconds(10));
            assertEquals(1, first.size());
            // awaitReady used one connection; two more reach the limit.
            for (int i = 0; i < 2; i++) {
                try (HttpTestClient c = new HttpTestClient(server.port)) {
                    c.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                    assertEquals(200, c.read(false).status());
                }
            }
            first.get(0).onExit().get(10, TimeUnit.SECONDS);
            server.awaitReady(Duration.ofSeconds(10));
            List<ProcessHandle> now = server.children();
            assertFalse(now.isEmpty());
            assertFalse(now.contains(first.get(0)));
        }
    }

    /**
     * An event child full of idle keep-alive connections stops accepting; as in httpd, its idle
     * workers then no longer count as spare capacity, so the master starts another child for the
     * clients still waiting in the accept queue.
     */
    @Test
    void eventStartsAChildWhenTheOthersHoldAllTheConnectionsTheyMay() throws Exception {
        // One child may hold ThreadsPerChild + idle workers x AsyncRequestWorkerFactor = 2 + 2 x 1 = 4.
        try (RunningServer server = RunningServer.start("event", "StartServers=1", "ThreadsPerChild=2",
                "AsyncRequestWorkerFactor=1", "MinSpareThreads=1", "MaxSpareThreads=3", "MaxRequestWorkers=8",
                "KeepAliveTimeout=30")) {
            List<HttpTestClient> clients = new java.util.ArrayList<>();
            try {
                // awaitReady's connection is closed; these six stay open and idle after one request each.
                for (int i = 0; i < 6; i++) {
                    HttpTestClient c = new HttpTestClient(server.port, 8_000);
                    clients.add(c);
                    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
                }
                long t0 = System.nanoTime();
                for (HttpTestClient c : clients) {
                    assertEquals(200, c.read(false).status());
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertTrue(ms < 6_000, "the last clients waited " + ms + " ms for a child with room");
                assertTrue(server.children().size() >= 2, server.output());
            } finally {
                for (HttpTestClient c : clients) {
                    c.close();
                }
            }
        }
    }
}
