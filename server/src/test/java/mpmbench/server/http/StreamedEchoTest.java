package mpmbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * POST /echo passes its body through as it reads it, on both I/O paths: any size in constant memory
 * (the server thread allocates almost nothing for 64 MiB, where keeping the body allocated it
 * twice over), the answer framed as the request was, {@code 100 Continue} first when asked.
 */
class StreamedEchoTest {

    private static final ConnectionTimeouts TIMEOUTS = new ConnectionTimeouts(true, 2_000, 100, 5_000);

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void echoesLargeBodiesOfBothFramings(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, TIMEOUTS)) {
            assertEquals(24L << 20, LargeEcho.roundTrip(server.port(), 24L << 20, false));
            assertEquals(24L << 20, LargeEcho.roundTrip(server.port(), 24L << 20, true));
        }
    }

    @Test
    void allocatesAlmostNothingForA64MiBBody() throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (var server = new LoopbackServer(LoopbackServer.Kind.SELECTOR_PLATFORM, TIMEOUTS)) {
            LargeEcho.roundTrip(server.port(), 1 << 20, true); // warm-up: classes, first buffers
            for (boolean chunked : new boolean[] {false, true}) {
                long before = mx.getThreadAllocatedBytes(server.threadId());
                LargeEcho.roundTrip(server.port(), 64L << 20, chunked);
                long allocated = mx.getThreadAllocatedBytes(server.threadId()) - before;
                assertTrue(allocated < 256 * 1024, "server thread allocated " + allocated + " bytes for 64 MiB");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void answersFramedAsTheRequestWasAfter100Continue(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, TIMEOUTS); var client = new RawClient(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            assertEquals(100, client.read().status());
            RawClient.Reply fixed = client.send("hello").read();
            assertTrue(fixed.hasHeader("Content-Length: 5"), fixed.head());
            assertEquals("hello", fixed.body());
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n");
            assertEquals(100, client.read().status());
            RawClient.Reply chunked = client.send("3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").read();
            assertTrue(chunked.hasHeader("Transfer-Encoding: chunked") && !chunked.hasHeader("Connection: close"),
                    chunked.head());
            assertEquals("abcde", chunked.body());
            assertEquals(200, client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().status());
        }
    }

    /** HTTP/1.0 cannot read chunks: a chunked request's echo is delimited by the close. */
    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void closesToDelimitAnEchoToHttp10(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, TIMEOUTS); var client = new RawClient(server.port())) {
            String head = client.send("POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
                    .readHead();
            assertTrue(head.contains("\r\nConnection: close\r\n") && !head.contains("Content-Length")
                    && !head.contains("Transfer-Encoding"), head);
            assertEquals(3, client.skipBody(100));
        }
    }

    /** The head is out before the body is read: a body that breaks off cuts the answer short. */
    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void cutsTheAnswerShortWhenTheBodyBreaksOff(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, TIMEOUTS); var client = new RawClient(server.port())) {
            String head = client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\nzz\r\n").readHead();
            assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            assertEquals(8, client.skipBody(100), "3\\r\\nabc\\r\\n and no last chunk");
        }
    }
}
