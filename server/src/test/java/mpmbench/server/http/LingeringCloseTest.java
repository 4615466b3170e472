package mpmbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lingering close (RFC 9112 9.6, httpd's ap_lingering_close) on both I/O paths: when the server
 * ends a connection after a large response while a request it will never answer sits unread behind
 * it, the client must still read the whole response and then an orderly end of stream, not a reset
 * that discards the tail. Without the linger the kernel resets the connection on close and a 4 MiB
 * answer is cut off after what the socket buffers held.
 */
class LingeringCloseTest {

    private static final int FOUR_MIB = 4 << 20;
    private static final String BIG = "GET /bytes?n=" + FOUR_MIB + " HTTP/1.1\r\nHost: t\r\n";
    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n";

    /** MaxKeepAliveRequests of 2: the second answer closes, a third request is pipelined behind it. */
    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void lastAnswerBeforeMaxKeepAliveRequestsArrivesWhole(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, new ConnectionTimeouts(true, 2_000, 2, 2_000))) {
            assertWholeAnswerThenEnd(server.port(), HELLO, BIG + "\r\n");
        }
    }

    /** The client's own {@code Connection: close}, with a request pipelined behind it anyway. */
    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void answerToConnectionCloseArrivesWhole(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, new ConnectionTimeouts(true, 2_000, 100, 2_000))) {
            assertWholeAnswerThenEnd(server.port(), HELLO, BIG + "Connection: close\r\n\r\n");
        }
    }

    /**
     * Sends {@code first} and reads its answer, sends {@code big}, waits until the server writes it,
     * pipelines a request behind it, waits again so the server finishes and closes before the client
     * reads, then reads: all of the big answer, then end of stream.
     */
    static void assertWholeAnswerThenEnd(int port, String first, String big) throws Exception {
        // a small receive buffer, so the server is still writing when the pipelined request arrives
        try (var client = new RawClient(port, 64 * 1024)) {
            assertEquals(200, client.send(first).read().status());
            client.send(big);
            Thread.sleep(200);
            client.send(HELLO);
            Thread.sleep(300);
            String head = client.readHead();
            assertTrue(head.contains("\r\nConnection: close\r\n"), head);
            assertEquals(FOUR_MIB, client.skipBody(FOUR_MIB), "bytes of the last answer");
            assertTrue(client.closedByServer());
        }
    }
}
