package mpmbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that trickles its request head (slowloris) is answered 408 once Timeout has passed since
 * the head's first byte, however regularly the bytes come; a body may still arrive slowly, each
 * wait bounded by Timeout.
 */
class SlowHeadTest {

    private static final ConnectionTimeouts TIMEOUT_400MS = new ConnectionTimeouts(true, 5_000, 100, 400);

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void aTricklingHeadIsCutOffWith408AfterTimeout(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, TIMEOUT_400MS); var client = new RawClient(server.port())) {
            long t0 = System.nanoTime();
            client.send("GET /hello HTTP/1.1\r\n");
            // A byte every 100 ms: each wait is far below Timeout, the head as a whole is not.
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 12; i++) {
                        Thread.sleep(100);
                        client.send("X");
                    }
                } catch (Exception e) {
                    // the server closed: the point of the test
                }
            });
            RawClient.Reply r = client.read();
            trickle.interrupt();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(408, r.status(), r.head());
            assertTrue(ms >= 400 && ms < 1_000, "408 after " + ms + " ms; Timeout is 400 ms");
            assertTrue(r.hasHeader("Connection: close"), r.head());
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void aSlowBodyWithinTimeoutPerWaitIsServed(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, TIMEOUT_400MS); var client = new RawClient(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\n");
            for (char c : "abcdef".toCharArray()) {
                Thread.sleep(150);
                client.send(String.valueOf(c));
            }
            assertEquals("abcdef", client.read().body());
        }
    }
}
