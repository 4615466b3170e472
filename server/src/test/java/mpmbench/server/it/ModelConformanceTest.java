package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import mpmbench.server.config.Mpm;
import mpmbench.server.http.LargeEcho;
import mpmbench.server.http.Rfc9112Rules;

/**
 * One HTTP conformance suite over every model, each on a real server (master and child JVMs) on an
 * ephemeral loopback port, like Apache's test framework runs against any MPM. Driven by the
 * {@link Mpm} enum, so a new model cannot be left out; the RFC 9112 rules of {@link Rfc9112Rules}
 * run end to end here, on every model.
 */
class ModelConformanceTest {

    private static final Map<Mpm, RunningServer> SERVERS = new ConcurrentHashMap<>();

    private static RunningServer server(Mpm mpm) throws Exception {
        RunningServer s = SERVERS.get(mpm);
        if (s == null) {
            // Small footprint: few processes to start, enough workers for the concurrency test.
            s = switch (mpm) {
                case PREFORK -> RunningServer.start(mpm.id(), "StartServers=4", "MinSpareServers=1",
                        "MaxSpareServers=8", "ServerLimit=16", "MaxRequestWorkers=16", "KeepAliveTimeout=2");
                case VIRTUAL -> RunningServer.start(mpm.id(), "KeepAliveTimeout=2");
                case WORKER, EVENT -> RunningServer.start(mpm.id(), "StartServers=2", "MinSpareThreads=1",
                        "MaxSpareThreads=48", "ThreadsPerChild=16", "ServerLimit=4", "MaxRequestWorkers=64",
                        "KeepAliveTimeout=2");
            };
            SERVERS.put(mpm, s);
        }
        return s;
    }

    /** SIGTERM must leave no master, no child and no scoreboard file behind within 10 s, for every model. */
    @AfterAll
    static void stopAllCleanly() throws Exception {
        Map<Mpm, List<String>> leftovers = new java.util.TreeMap<>();
        for (Map.Entry<Mpm, RunningServer> e : SERVERS.entrySet()) {
            List<String> left = e.getValue().stopAndListLeftovers();
            if (!left.isEmpty()) {
                leftovers.put(e.getKey(), left);
            }
        }
        SERVERS.clear();
        assertTrue(leftovers.isEmpty(), "left behind after SIGTERM: " + leftovers);
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void helloAnswersExactly13Bytes(Mpm mpm) throws Exception {
        try (HttpTestClient c = new HttpTestClient(server(mpm).port)) {
            HttpTestClient.Response r = c.get("/hello");
            assertEquals(200, r.status());
            assertEquals("Hello, World!", r.text());
            assertEquals("13", r.header("Content-Length"));
            assertTrue(r.header("Content-Type").startsWith("text/plain"));
            assertNotNull(r.header("Date"));
            assertNotNull(r.header("Server"));
        }
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void keepAliveReusesTheConnection(Mpm mpm) throws Exception {
        try (HttpTestClient c = new HttpTestClient(server(mpm).port)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(200, c.get("/hello").status());
            }
            c.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            HttpTestClient.Response last = c.read(false);
            assertEquals(200, last.status());
            assertEquals("close", last.header("Connection").toLowerCase());
            assertTrue(c.closedByServer());
        }
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void http10ClosesUnlessKeepAliveIsAsked(Mpm mpm) throws Exception {
        int port = server(mpm).port;
        try (HttpTestClient c = new HttpTestClient(port)) {
            c.send("GET /hello HTTP/1.0\r\n\r\n");
            assertEquals("Hello, World!", c.read(false).text());
            assertTrue(c.closedByServer());
        }
        try (HttpTestClient c = new HttpTestClient(port)) {
            c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertEquals(200, c.read(false).status());
            c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertEquals(200, c.read(false).status());
        }
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void pipelinedRequestsAreAnsweredInOrder(Mpm mpm) throws Exception {
        try (HttpTestClient c = new HttpTestClient(server(mpm).port)) {
            c.send("GET /bytes?n=3 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /bytes?n=7 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(3, c.read(false).body().length);
            assertEquals("Hello, World!", c.read(false).text());
            assertEquals(7, c.read(false).body().length);
        }
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void echoReturnsBodiesOfBothFramings(Mpm mpm) throws Exception {
        try (HttpTestClient c = new HttpTestClient(server(mpm).port)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde");
            assertEquals("abcde", c.read(false).text());
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nfoo\r\n4\r\nbar!\r\n0\r\n\r\n");
            assertEquals("foobar!", c.read(false).text());
        }
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void badInputGetsAStatusAndTheServerGoesOn(Mpm mpm) throws Exception {
        int port = server(mpm).port;
        SharedModelChecks.badInputGetsAStatusAndTheServerGoesOn(() -> new HttpTestClient(port));
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void manyConcurrentClientsAreAllServed(Mpm mpm) throws Exception {
        int port = server(mpm).port;
        int clients = 24;
        int requests = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                done.add(pool.submit(() -> {
                    int ok = 0;
                    HttpTestClient c = new HttpTestClient(port, 20_000);
                    try {
                        boolean reused = false;
                        for (int k = 0; k < requests; k++) {
                            HttpTestClient.Response r;
                            try {
                                r = c.get("/hello");
                            } catch (IOException closed) {
                                // A keep-alive connection the server closed before any byte of the answer
                                // (the event model does when a process is busy, as httpd's does): a client
                                // sends the GET again on a new connection (RFC 9112 9.3.1); a fresh one may not fail.
                                if (!reused) {
                                    throw closed;
                                }
                                c.close();
                                c = new HttpTestClient(port, 20_000);
                                r = c.get("/hello");
                            }
                            reused = true;
                            ok += r.status() == 200 && r.body().length == 13 ? 1 : 0;
                        }
                    } finally {
                        c.close();
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            assertEquals(clients * requests, total);
        }
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void serverStatusShowsTheScoreboard(Mpm mpm) throws Exception {
        try (HttpTestClient c = new HttpTestClient(server(mpm).port)) {
            c.get("/hello");
            String auto = c.get("/server-status?auto").text();
            assertTrue(auto.contains("ServerMPM: " + mpm.id()), auto);
            assertTrue(auto.contains("Scoreboard: "), auto);
            assertTrue(auto.contains("Total Accesses: "), auto);
            String text = c.get("/server-status").text();
            assertTrue(text.contains("Scoreboard Key"), text);
            assertArrayEquals("Hello, World!".getBytes(StandardCharsets.US_ASCII), c.get("/hello").body());
        }
    }

    /**
     * RFC 9112 9.6, httpd's lingering close: the 100th answer on a connection (MaxKeepAliveRequests
     * 100) closes it, and with a request pipelined behind it (never answered, never read by the
     * serving loop) all of a 4 MiB answer must still arrive, then an orderly end, not a reset.
     */
    @ParameterizedTest
    @EnumSource(Mpm.class)
    void lastAnswerBeforeTheKeepAliveLimitArrivesWhole(Mpm mpm) throws Exception {
        int fourMiB = 4 << 20;
        // a small receive buffer, so the server is still writing when the pipelined request arrives
        try (HttpTestClient c = new HttpTestClient(server(mpm).port, 20_000, 64 * 1024)) {
            for (int i = 1; i < 100; i++) {
                assertEquals(200, c.get("/hello").status());
            }
            c.send("GET /bytes?n=" + fourMiB + " HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(200);
            c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(300);
            HttpTestClient.Response last = c.read(false);
            assertEquals("close", last.header("Connection"));
            assertEquals(fourMiB, last.body().length);
            assertTrue(c.closedByServer());
        }
    }

    /**
     * A body larger than the child's heap (the children run with -Xmx64m here) is streamed through,
     * with either framing, and the child goes on serving: no OutOfMemoryError, no broken upload.
     */
    @ParameterizedTest
    @EnumSource(Mpm.class)
    void echoStreamsABodyLargerThanTheChildsHeap(Mpm mpm) throws Exception {
        RunningServer s = server(mpm);
        long size = 100L << 20;
        assertEquals(size, LargeEcho.roundTrip(s.port, size, false));
        assertEquals(size, LargeEcho.roundTrip(s.port, size, true));
        try (HttpTestClient c = new HttpTestClient(s.port)) {
            assertEquals(200, c.get("/hello").status());
        }
        assertFalse(s.output().contains("OutOfMemoryError"), s.output());
    }

    /** Every rule of RFC 9112 the parser enforces, end to end: the status and the connection's fate. */
    @ParameterizedTest
    @EnumSource(Mpm.class)
    void followsRfc9112RuleByRule(Mpm mpm) throws Exception {
        SharedModelChecks.followsRfc9112RuleByRule(server(mpm).port, null);
    }
}
