package mpmbench.server.http.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestParserTest {

    private static final HttpLimits SMALL = new HttpLimits(64, 80, 4, 100);

    static Stream<Arguments> goodRequests() {
        return Stream.of(
                // raw request, method, path, query, http11, keepAlive, body kept
                Arguments.of("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n", "GET", "/hello", "", true, true, ""),
                Arguments.of("GET /bytes?n=42&x=1 HTTP/1.1\r\nHost: a\r\n\r\n", "GET", "/bytes", "n=42&x=1", true,
                        true, ""),
                Arguments.of("HEAD /hello HTTP/1.1\r\nhost:a\r\nConnection: close\r\n\r\n", "HEAD", "/hello", "",
                        true, false, ""),
                Arguments.of("\r\nGET / HTTP/1.1\r\nHost: a\r\nConnection: foo, Close\r\n\r\n", "GET", "/", "", true,
                        false, ""),
                Arguments.of("GET /x HTTP/1.0\r\n\r\n", "GET", "/x", "", false, false, ""),
                Arguments.of("GET /x HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", "GET", "/x", "", false, true, ""),
                Arguments.of("GET http://example.com/p?q HTTP/1.1\r\nHost: example.com\r\n\r\n", "GET", "/p", "q",
                        true, true, ""),
                Arguments.of("GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n", "GET", "/", "", true,
                        true, ""),
                Arguments.of("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", "OPTIONS", "*", "", true, true, ""),
                Arguments.of("PUT /echo HTTP/1.1\r\nHost: a\r\nX-Empty:\r\n\r\n", "PUT", "/echo", "", true, true, ""),
                Arguments.of("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", "POST", "/echo", "",
                        true, true, "hello"),
                Arguments.of("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc",
                        "POST", "/echo", "", true, true, "abc"),
                Arguments.of("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;name=value\r\nhello\r\n1 ; x\r\n,\r\nA\r\n world!!!!\r\n0\r\nTrailer: t\r\n\r\n",
                        "POST", "/echo", "", true, true, "hello, world!!!!"),
                Arguments.of("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: CHUNKED\r\n\r\n0\r\n\r\n",
                        "POST", "/echo", "", true, true, ""));
    }

    @ParameterizedTest
    @MethodSource("goodRequests")
    void parsesGoodRequestInOneFeed(String raw, String method, String path, String query, boolean http11,
                                    boolean keepAlive, String body) {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ByteBuffer buf = bytes(raw + "GET /next HTTP/1.1\r\n");
        assertEquals(RequestParser.Result.COMPLETE, parseAll(parser, buf));
        assertRequest(parser.request(), method, path, query, http11, keepAlive, body);
        assertEquals("GET /next HTTP/1.1\r\n", remaining(buf), "pipelined bytes stay in the buffer");
    }

    @ParameterizedTest
    @MethodSource("goodRequests")
    void parsesGoodRequestFedByteByByte(String raw, String method, String path, String query, boolean http11,
                                        boolean keepAlive, String body) {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        byte[] all = raw.getBytes(StandardCharsets.ISO_8859_1);
        RequestParser.Result result = RequestParser.Result.NEED_MORE;
        for (int i = 0; i < all.length; i++) {
            assertFalse(result == RequestParser.Result.COMPLETE, "complete too early at byte " + i);
            ByteBuffer one = ByteBuffer.wrap(all, i, 1);
            result = parser.parse(one);
            if (result == RequestParser.Result.HEAD_COMPLETE) {
                parser.keepBody(true);
                result = parser.parse(one);
            }
            assertEquals(0, one.remaining());
        }
        assertEquals(RequestParser.Result.COMPLETE, result);
        assertRequest(parser.request(), method, path, query, http11, keepAlive, body);
    }

    @Test
    void parsesPipelinedRequestsInOrderAndDiscardsUnwantedBodies() {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ByteBuffer buf = bytes("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nxyz"
                + "GET /b HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"
                + "GET /d HTTP/1.0\r\n\r\n");
        for (String path : new String[] {"/a", "/b", "/c", "/d"}) {
            parser.reset();
            RequestParser.Result r = parser.parse(buf);
            if (r == RequestParser.Result.HEAD_COMPLETE) {
                r = parser.parse(buf);
            }
            assertEquals(RequestParser.Result.COMPLETE, r);
            assertTrue(parser.request().path().contentEquals(path), path);
            assertEquals(0, parser.request().body().length(), "bodies not asked for are discarded");
        }
        assertFalse(buf.hasRemaining());
    }

    @Test
    void reportsHeadCompleteBeforeBodyWithExpectContinue() {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ByteBuffer buf = bytes("POST /echo HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        assertEquals(RequestParser.Result.HEAD_COMPLETE, parser.parse(buf));
        assertTrue(parser.request().expectContinue());
        assertEquals(RequestParser.Result.NEED_MORE, parser.parse(buf));
        assertEquals(RequestParser.Result.COMPLETE, parser.parse(bytes("ok")));
    }

    /** A streamed body comes out as slices of the caller's buffer, chunk framing removed, in order. */
    @Test
    void handsOutAStreamedBodyAsSlicesOfTheBuffer() {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ByteBuffer buf = bytes("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n4;x=y\r\ndefg\r\n0\r\nT: v\r\n\r\nGET /next HTTP/1.1\r\n");
        assertEquals(RequestParser.Result.HEAD_COMPLETE, parser.parse(buf));
        parser.streamBody();
        StringBuilder body = new StringBuilder();
        RequestParser.Result r;
        while ((r = parser.parse(buf)) == RequestParser.Result.BODY_DATA) {
            body.append(new String(buf.array(), parser.bodySliceStart(), parser.bodySliceLength(),
                    StandardCharsets.ISO_8859_1));
        }
        assertEquals(RequestParser.Result.COMPLETE, r);
        assertEquals("abcdefg", body.toString());
        assertEquals(0, parser.request().body().length(), "nothing kept");
        assertEquals("GET /next HTTP/1.1\r\n", StandardCharsets.ISO_8859_1.decode(buf).toString());
    }

    /** A body kept in memory is bounded: a larger Content-Length is a 413 before a byte is read. */
    @Test
    void refusesToKeepABodyOverItsBound() {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ByteBuffer buf = bytes("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: " + (RequestBody.MAX_KEPT + 1L)
                + "\r\n\r\n");
        assertEquals(RequestParser.Result.HEAD_COMPLETE, parser.parse(buf));
        assertEquals(413, assertThrows(AnswerAndCloseException.class, () -> parser.keepBody(true)).status());
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("GET /\r\n\r\n", 400),
                Arguments.of("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400),
                Arguments.of("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
                Arguments.of("GET noslash HTTP/1.1\r\nHost: a\r\n\r\n", 400),
                Arguments.of("GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400),
                Arguments.of("GET /\u0001 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
                Arguments.of("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
                Arguments.of("get / HTTP/1.1\r\nHost: a\r\n\r\n", 501),
                Arguments.of("BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", 501),
                Arguments.of("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
                Arguments.of("GET / HTTP/3\r\nHost: a\r\n\r\n", 400),
                Arguments.of("GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505),
                Arguments.of("GET / HTTP/1.\r\nHost: a\r\n\r\n", 400),
                Arguments.of("GET / http/1.1\r\nHost: a\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1x\r\nHost: a\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\nHost: a\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\r\nHost: a\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\r\nHost: a\rX\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\r\nHost: a\r\n: empty name\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\r\nHost: a\r\nX: a\u0000b\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\r\n\r\n", 400),
                Arguments.of("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
                        400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: x1\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2 x\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\n", 400),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "1000000000000000\r\n", 413),
                Arguments.of("GET /" + "a".repeat(60) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414),
                Arguments.of("GET / HTTP/1.1\r\nHost: a\r\nX: " + "a".repeat(80) + "\r\n\r\n", 431),
                Arguments.of("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", 431),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n", 431),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n", 413),
                Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "40\r\n" + "a".repeat(64) + "\r\n40\r\n", 413),
                Arguments.of("\r\n".repeat(9) + "GET / HTTP/1.1\r\nHost: a\r\n\r\n", 400));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void rejectsBadInputWithItsStatus(String raw, int status) {
        RequestParser parser = new RequestParser(SMALL);
        AnswerAndCloseException e = assertThrows(AnswerAndCloseException.class, () -> parseAll(parser, bytes(raw)));
        assertEquals(status, e.status(), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void rejectsBadInputFedByteByByte(String raw, int status) {
        RequestParser parser = new RequestParser(SMALL);
        byte[] all = raw.getBytes(StandardCharsets.ISO_8859_1);
        AnswerAndCloseException e = assertThrows(AnswerAndCloseException.class, () -> {
            for (int i = 0; i < all.length; i++) {
                ByteBuffer one = ByteBuffer.wrap(all, i, 1);
                while (one.hasRemaining() && parser.parse(one) != RequestParser.Result.COMPLETE) {
                    parser.keepBody(true);
                }
            }
        });
        assertEquals(status, e.status(), e.getMessage());
    }

    @Test
    void keepsNothingAllocatedPerRequestInSteadyState() {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ByteBuffer buf = bytes("GET /hello HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: t\r\nAccept: */*\r\n"
                + "Connection: keep-alive\r\nContent-Length: 0\r\n\r\n");
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            parseOne(parser, buf);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            parseOne(parser, buf);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 10_000, "allocated " + allocated + " bytes over 100,000 requests");
    }

    private static void parseOne(RequestParser parser, ByteBuffer buf) {
        buf.rewind();
        parser.reset();
        if (parser.parse(buf) != RequestParser.Result.COMPLETE || !parser.request().path().contentEquals("/hello")) {
            throw new AssertionError();
        }
    }

    private static RequestParser.Result parseAll(RequestParser parser, ByteBuffer buf) {
        RequestParser.Result r = parser.parse(buf);
        if (r == RequestParser.Result.HEAD_COMPLETE) {
            parser.keepBody(true);
            r = parser.parse(buf);
        }
        return r;
    }

    private static void assertRequest(HttpRequest r, String method, String path, String query, boolean http11,
                                      boolean keepAlive, String body) {
        assertEquals(method, r.method().name());
        assertEquals(path, r.path().toString());
        assertEquals(query, r.query().toString());
        assertEquals(http11, r.http11());
        assertEquals(keepAlive, r.keepAliveRequested());
        assertEquals(body, new String(r.body().array(), 0, r.body().length(), StandardCharsets.ISO_8859_1));
    }

    static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String remaining(ByteBuffer buf) {
        byte[] b = new byte[buf.remaining()];
        buf.duplicate().get(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
