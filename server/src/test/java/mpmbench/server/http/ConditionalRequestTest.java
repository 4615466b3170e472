package mpmbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /hello advertises validators and {@code Accept-Ranges: bytes}; what it advertises is honoured (RFC
 * 9110 13 and 14), on both I/O paths, with the ETag and Last-Modified it sent: the heads and bodies
 * of 304, 412, 206 and 416, and that every answer leaves the connection framed for the next one.
 */
class ConditionalRequestTest {

    private static final ConnectionTimeouts TIMEOUTS = new ConnectionTimeouts(true, 2_000, 100, 2_000);

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void honoursPreconditionsWithTheValidatorsItSent(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, TIMEOUTS); var client = new RawClient(server.port())) {
            RawClient.Reply hello = client.send(get()).read();
            String etag = field(hello, "ETag");
            String modified = field(hello, "Last-Modified");
            assertTrue(hello.hasHeader("Accept-Ranges: bytes"), hello.head());

            RawClient.Reply notModified = client.send(get("If-None-Match: " + etag)).read();
            assertEquals(304, notModified.status());
            assertTrue(notModified.hasHeader("ETag: " + etag), notModified.head());
            assertFalse(notModified.head().contains("Content-Length") || notModified.head().contains("Content-Type"),
                    notModified.head());
            assertEquals("", notModified.body());
            assertEquals(304, client.send(get("If-None-Match: \"a\", W/" + etag)).read().status(), "weak comparison");
            assertEquals(304, client.send(get("If-Modified-Since: " + modified)).read().status());
            assertEquals(304, client.send(get("If-None-Match: " + etag, "If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT"))
                    .read().status(), "If-None-Match decides, If-Modified-Since is ignored");

            assertEquals(200, client.send(get("If-Match: " + etag)).read().status());
            RawClient.Reply failed = client.send(get("If-Match: W/" + etag)).read();
            assertEquals(412, failed.status(), "strong comparison");
            assertTrue(!failed.hasHeader("Connection: close"), failed.head());
            assertEquals(200, client.send(get("If-Unmodified-Since: " + modified)).read().status());

            String head = client.send("HEAD /hello HTTP/1.1\r\nHost: t\r\nIf-None-Match: " + etag + "\r\n\r\n").readHead();
            assertTrue(head.startsWith("HTTP/1.1 304 "), head);
            assertEquals("Hello, World!", client.send(get()).read().body(), "still framed after all of them");
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void servesOneByteRange(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, TIMEOUTS); var client = new RawClient(server.port())) {
            RawClient.Reply hello = client.send(get()).read();
            String etag = field(hello, "ETag");
            String modified = field(hello, "Last-Modified");

            RawClient.Reply first = client.send(get("Range: bytes=0-4")).read();
            assertEquals(206, first.status());
            assertTrue(first.hasHeader("Content-Range: bytes 0-4/13") && first.hasHeader("Content-Length: 5"),
                    first.head());
            assertEquals("Hello", first.body());
            RawClient.Reply suffix = client.send(get("Range: bytes=-6")).read();
            assertTrue(suffix.hasHeader("Content-Range: bytes 7-12/13"), suffix.head());
            assertEquals("World!", suffix.body());
            assertEquals("World!", client.send(get("Range: bytes=7-99")).read().body());

            RawClient.Reply beyond = client.send(get("Range: bytes=13-")).read();
            assertEquals(416, beyond.status());
            assertTrue(beyond.hasHeader("Content-Range: bytes */13"), beyond.head());

            assertEquals("Hello", client.send(get("Range: bytes=0-4", "If-Range: " + etag)).read().body());
            assertEquals("Hello", client.send(get("Range: bytes=0-4", "If-Range: " + modified)).read().body());
            assertEquals("Hello, World!", client.send(get("Range: bytes=0-4", "If-Range: W/" + etag)).read().body(),
                    "a weak tag never validates a range");
            assertEquals("Hello, World!", client.send(get("Range: bytes=0-1,5-6")).read().body(),
                    "several ranges: the whole file");
            String head = client.send("HEAD /hello HTTP/1.1\r\nHost: t\r\nRange: bytes=0-4\r\n\r\n").readHead();
            assertTrue(head.startsWith("HTTP/1.1 200 ") && head.contains("\r\nContent-Length: 13\r\n"),
                    "Range is for GET only: " + head);
            assertEquals(200, client.send(get()).read().status());
        }
    }

    /** More than LimitRequestFieldSize of these fields together is refused like a field line over it. */
    @ParameterizedTest
    @EnumSource(value = LoopbackServer.Kind.class, names = {"SELECTOR_PLATFORM", "BLOCKING_VIRTUAL"})
    void refusesConditionalFieldsOverTheFieldSizeLimit(LoopbackServer.Kind kind) throws Exception {
        try (var server = new LoopbackServer(kind, TIMEOUTS); var client = new RawClient(server.port())) {
            String tags = "If-None-Match: \"" + "x".repeat(5_000) + "\"";
            RawClient.Reply r = client.send(get(tags, tags)).read();
            assertEquals(431, r.status());
            assertTrue(client.closedByServer());
        }
    }

    private static String get(String... fields) {
        StringBuilder b = new StringBuilder("GET /hello HTTP/1.1\r\nHost: t\r\n");
        for (String f : fields) {
            b.append(f).append("\r\n");
        }
        return b.append("\r\n").toString();
    }

    private static String field(RawClient.Reply reply, String name) {
        for (String line : reply.head().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new AssertionError("no " + name + " in " + reply.head());
    }
}
