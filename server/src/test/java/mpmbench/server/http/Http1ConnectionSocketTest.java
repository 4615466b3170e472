package mpmbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The connection loop through a real loopback socket, under both ChannelIo implementations. */
class Http1ConnectionSocketTest {

    private static final ConnectionTimeouts SHORT = new ConnectionTimeouts(true, 300, 100, 300);
    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n";

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void reusesKeptAliveConnectionThenHonoursClose(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, SHORT); var client = new RawClient(server.port())) {
            for (int i = 0; i < 3; i++) {
                RawClient.Reply r = client.send(HELLO).read();
                assertEquals(200, r.status());
                assertEquals("Hello, World!", r.body());
                assertFalse(r.head().contains("Connection:"), r.head());
            }
            RawClient.Reply last = client.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read();
            assertTrue(last.hasHeader("Connection: close"), last.head());
            assertTrue(client.closedByServer());
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void followsHttp10KeepAliveRules(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, SHORT)) {
            try (var client = new RawClient(server.port())) {
                RawClient.Reply r = client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
                assertTrue(r.hasHeader("Connection: Keep-Alive") && r.hasHeader("Keep-Alive: timeout=1, max=99"),
                        r.head());
                assertEquals("Hello, World!", client.send("GET /hello HTTP/1.0\r\n\r\n").read().body());
                assertTrue(client.closedByServer());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void answersPipelinedRequestsInOrder(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, SHORT); var client = new RawClient(server.port())) {
            client.send("GET /bytes?n=5 HTTP/1.1\r\nHost: t\r\n\r\n" + HELLO + "GET /cpu?iters=0 HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("abcde", client.read().body());
            assertEquals("Hello, World!", client.read().body());
            assertEquals("iters=0 result=9e3779b97f4a7c15\n", client.read().body());
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void echoesBodiesOfBothFramings(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, SHORT); var client = new RawClient(server.port())) {
            RawClient.Reply fixed = client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\nhello there").read();
            assertEquals("hello there", fixed.body());
            assertTrue(fixed.hasHeader("Content-Type: application/octet-stream"), fixed.head());
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nabcd");
            Thread.sleep(20);
            client.send("\r\n3\r\nefg\r\n0\r\nT: 1\r\n\r\n");
            assertEquals("abcdefg", client.read().body());
            String big = "x".repeat(100_000);
            assertEquals(big, client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" + big)
                    .read().body());
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void streamsLargeBodiesAndAnswersKnownErrors(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, SHORT); var client = new RawClient(server.port())) {
            RawClient.Reply r = client.send("GET /bytes?n=1000000 HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(1_000_000, r.body().length());
            assertEquals(r.body().substring(0, 1000), r.body().substring(65_536, 66_536), "a 64 KiB pattern");
            String head = client.send("HEAD /bytes?n=7 HTTP/1.1\r\nHost: t\r\n\r\n").readHead();
            assertTrue(head.contains("\r\nContent-Length: 7\r\n"), head);
            RawClient.Reply wrong = client.send("DELETE /hello HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(405, wrong.status());
            assertTrue(wrong.hasHeader("Allow: GET, HEAD") && !wrong.hasHeader("Connection: close"), wrong.head());
            assertEquals(200, client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().status(),
                    "a well-framed request answered 405 leaves the connection open, as in httpd");
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void answers408WhenARequestStallsAfterTimeout(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, SHORT); var client = new RawClient(server.port())) {
            long start = System.nanoTime();
            RawClient.Reply r = client.send("GET /hello HTTP/1.1\r\nHo").read();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(408, r.status());
            assertTrue(ms >= 250 && ms < 2_000, ms + " ms");
            assertTrue(client.closedByServer());
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void closesSilentlyAfterKeepAliveTimeout(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, SHORT); var client = new RawClient(server.port())) {
            assertEquals(200, client.send(HELLO).read().status());
            long start = System.nanoTime();
            assertTrue(client.closedByServer(), "no byte, then end of stream");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 250 && ms < 2_000, ms + " ms");
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void answers400ToGarbageAndCloses(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, SHORT); var client = new RawClient(server.port())) {
            RawClient.Reply r = client.send("\u0001\u0002garbage\r\n\r\n").read();
            assertEquals(400, r.status());
            assertTrue(r.hasHeader("Connection: close"));
            assertTrue(client.closedByServer());
            // the server goes on with the next connection
            try (var next = new RawClient(server.port())) {
                assertEquals(200, next.send(HELLO).read().status());
            }
        }
    }

    @Test
    void allocatesNothingPerKeptAliveHelloOnARealSocket() throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] hello = HELLO.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var server = new LoopbackServer(LoopbackServer.Kind.SELECTOR_PLATFORM,
                     new ConnectionTimeouts(true, 5_000, 0, 60_000));
             var client = new RawClient(server.port())) {
            for (int i = 0; i < 5_000; i++) {
                client.send(hello).read();
            }
            long before = mx.getThreadAllocatedBytes(server.threadId());
            int requests = 10_000;
            for (int i = 0; i < requests; i++) {
                client.send(hello).read();
            }
            long allocated = mx.getThreadAllocatedBytes(server.threadId()) - before;
            assertTrue(allocated < requests / 10 + 1_000,
                    "server thread allocated " + allocated + " bytes over " + requests + " requests");
        }
    }
}
