package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.TestServer.HELLO;
import static mpmbench.loadgen.engine.TestServer.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import mpmbench.loadgen.IoBackend;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.Counter;

/** {@code --trickle}: slowloris connections beside the load, against a real loopback server. */
@ParameterizedClass(name = "io {0}")
@EnumSource(value = IoBackend.class, names = {"NIO", "EPOLL"})
class TrickleTest {

    /** Each test runs on each I/O backend. */
    @Parameter
    IoBackend io;

    @BeforeEach
    void backendUsable() {
        Backends.assumeUsable(io);
    }

    private static final int TRICKLE = 6;

    /**
     * A server that answers complete request heads and hands what a connection sent without ever
     * completing a head to {@code trickled} when the client closes it; with {@code cutAfter} > 0 it
     * answers such a connection with a 408 after that many bytes and closes it, as httpd's Timeout does.
     */
    private static TestServer server(List<String> trickled, int cutAfter) throws IOException {
        return TestServer.start(c -> {
            InputStream in = c.socket.getInputStream();
            StringBuilder head = new StringBuilder();
            boolean answered = false;
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.toString().endsWith("\r\n\r\n")) {
                    c.respond(HELLO);
                    head.setLength(0);
                    answered = true;
                } else if (cutAfter > 0 && !answered && head.length() == cutAfter && in.available() == 0) {
                    c.send(ascii("HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                    trickled.add(head.toString());
                    return;
                }
            }
            if (!answered) {
                trickled.add(head.toString());
            }
        });
    }

    @Test
    void tricklingConnectionsSendTheHeadOneByteAtATimeAndNeverEndIt() throws IOException {
        List<String> trickled = new CopyOnWriteArrayList<>();
        LoadResult r;
        try (TestServer s = server(trickled, 0)) {
            LoadSpec spec = LoadSpec.closed(Target.parse(s.url("/hello")), 1, 1, Duration.ofMillis(1000))
                    .toBuilder().trickle(TRICKLE).trickleInterval(Duration.ofMillis(100)).build();
            r = Backends.run(io, spec);
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (trickled.size() < TRICKLE && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertEquals(TRICKLE, r.counts().get(Counter.TRICKLE_ESTABLISHED), r.counts().toString());
        assertEquals(TRICKLE, r.counts().get(Counter.TRICKLE_HELD));
        assertEquals(0, r.counts().get(Counter.TRICKLE_CLOSED) + r.counts().get(Counter.TRICKLE_FAILED));
        assertTrue(r.counts().get(Counter.REQUESTS) > 0, "the active connection is served beside them");
        assertEquals(TRICKLE, trickled.size(), trickled.toString());
        String request = "GET /hello HTTP/1.1\r\nHost: ";
        long bytes = 0;
        for (String t : trickled) {
            // about 1 s at one byte per 100 ms (the first at once, then at 100 ms scans)
            assertTrue(t.length() >= 5 && t.length() <= 13, "bytes sent by one trickling connection: '" + t + "'");
            assertTrue(request.startsWith(t), "a prefix of the request head: '" + t + "'");
            assertFalse(t.contains("\r\n\r\n"));
            bytes += t.getBytes(StandardCharsets.ISO_8859_1).length;
        }
        assertEquals(bytes, r.counts().get(Counter.TRICKLE_BYTES), "every byte counted was received");
    }

    @Test
    void aTricklingConnectionTheServerAnswersIsCountedAndReopened() throws IOException {
        List<String> trickled = new CopyOnWriteArrayList<>();
        try (TestServer s = server(trickled, 2)) {
            LoadSpec spec = LoadSpec.closed(Target.parse(s.url("/hello")), 1, 1, Duration.ofMillis(1200))
                    .toBuilder().trickle(TRICKLE).trickleInterval(Duration.ofMillis(50)).build();
            LoadResult r = Backends.run(io, spec);
            long closed = r.counts().get(Counter.TRICKLE_CLOSED);
            // two bytes take 100 ms at the next scans and a reopen waits for a scan: about 5 rounds in 1.2 s
            assertTrue(closed >= 2L * TRICKLE, "closed by the server: " + r.counts());
            assertEquals(r.counts().get(Counter.TRICKLE_ESTABLISHED), closed + r.counts().get(Counter.TRICKLE_HELD), "each connect ends closed by the server or open at the "
                    + "end: " + r.counts());
            assertEquals(0, r.counts().errors(), "the trickling connections' fate is not the measured clients' errors");
        }
    }

    @Test
    void theTrickleFlagsAreBounded() {
        Target t = Target.parse("http://127.0.0.1:1/");
        LoadSpec base = LoadSpec.closed(t, 1, 1, Duration.ofSeconds(1));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> base.toBuilder().trickle(LoadSpec.MAX_TRICKLE + 1).trickleInterval(Duration.ofSeconds(2)).build());
        assertTrue(e.getMessage().contains("--trickle"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> base.toBuilder().trickle(1).trickleInterval(Duration.ZERO).build());
        assertTrue(e.getMessage().contains("--trickle-interval"), e.getMessage());
    }
}
