package mpmbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import mpmbench.server.http.request.HttpLimits;
import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.ContentType;
import mpmbench.server.http.response.HttpDate;
import mpmbench.server.http.response.Response;

/** The bytes the connection loop writes, through an in-memory channel and a fixed clock. */
class ResponseEncodingTest {

    private static final HttpDate FIXED = new HttpDate(() -> 784111777_000L);
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_MODIFIED = "Sat, 05 Nov 1994 08:00:00 GMT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ETAG = "\"d-5f3a\"".getBytes(StandardCharsets.US_ASCII);

    static final RequestHandler HELLO_HANDLER = new RequestHandler() {
        @Override
        public void handle(HttpRequest request, Response response) {
            if (request.path().contentEquals("/hello")) {
                response.send(ContentType.TEXT_PLAIN, HELLO, 0, HELLO.length);
                response.staticFile(784_022_400L, LAST_MODIFIED, ETAG);
            } else if (request.path().contentEquals("/boom")) {
                throw new IllegalStateException("boom");
            } else {
                response.error(404);
            }
        }
    };

    private static final String HELLO_HEAD = "HTTP/1.1 200 OK\r\n"
            + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
            + "Server: mpmbench/0.1\r\n"
            + "Last-Modified: Sat, 05 Nov 1994 08:00:00 GMT\r\n"
            + "ETag: \"d-5f3a\"\r\n"
            + "Accept-Ranges: bytes\r\n"
            + "Content-Length: 13\r\n";

    @Test
    void writesHelloLikeHttpd() {
        String out = serve(ConnectionTimeouts.DEFAULTS, "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals(HELLO_HEAD + "Content-Type: text/plain\r\n\r\nHello, World!", out);
        assertTrue(out.length() - 13 < 250, "head of " + (out.length() - 13) + " bytes");
    }

    @Test
    void writesHeadWithoutBody() {
        String out = serve(ConnectionTimeouts.DEFAULTS, "HEAD /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertEquals(HELLO_HEAD + "Connection: close\r\nContent-Type: text/plain\r\n\r\n", out);
    }

    @Test
    void announcesKeepAliveToHttp10LikeHttpd() {
        String out = serve(new ConnectionTimeouts(true, 5_000, 3, 60_000),
                "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                        + "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                        + "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        String keepAlive = "Keep-Alive: timeout=5, max=2\r\nConnection: Keep-Alive\r\n";
        String body = "Content-Type: text/plain\r\n\r\nHello, World!";
        assertEquals(HELLO_HEAD + keepAlive + body
                + HELLO_HEAD + keepAlive.replace("max=2", "max=1") + body
                + HELLO_HEAD + "Connection: close\r\n" + body, out);
    }

    /** httpd's 304 carries the ETag alone of the validators, and no Content-Length or Content-Type. */
    @Test
    void writesNotModifiedAndPartialContent() {
        String notModified = serve(ConnectionTimeouts.DEFAULTS,
                "GET /hello HTTP/1.1\r\nHost: a\r\nIf-None-Match: \"d-5f3a\"\r\n\r\n");
        assertEquals("HTTP/1.1 304 Not Modified\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: mpmbench/0.1\r\n"
                + "ETag: \"d-5f3a\"\r\n\r\n", notModified);
        String partial = serve(ConnectionTimeouts.DEFAULTS, "GET /hello HTTP/1.1\r\nHost: a\r\nRange: bytes=7-\r\n\r\n");
        assertEquals(HELLO_HEAD.replace("200 OK", "206 Partial Content").replace("Content-Length: 13", "Content-Length: 6")
                + "Content-Range: bytes 7-12/13\r\nContent-Type: text/plain\r\n\r\nWorld!", partial);
        String unsatisfiable = serve(ConnectionTimeouts.DEFAULTS, "GET /hello HTTP/1.1\r\nHost: a\r\nRange: bytes=20-\r\n\r\n");
        assertTrue(unsatisfiable.startsWith("HTTP/1.1 416 Range Not Satisfiable\r\n")
                && unsatisfiable.contains("\r\nContent-Range: bytes */13\r\n"), unsatisfiable);
    }

    @Test
    void writesErrorsWithTextBodyAndKeepsAliveAfterA404() {
        String out = serve(ConnectionTimeouts.DEFAULTS, "GET /missing HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals("HTTP/1.1 404 Not Found\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: mpmbench/0.1\r\n"
                + "Content-Length: 14\r\nContent-Type: text/plain\r\n\r\n404 Not Found\n", out);
    }

    @Test
    void answersParseErrorsAndHandlerFailures() {
        assertTrue(serve(ConnectionTimeouts.DEFAULTS, "GET / HTTP/2.0\r\n\r\n")
                .startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n"));
        // The handler's failure is logged as a WARNING: caught here and checked, not left in the build's output.
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(Http1Connection.class.getName());
        boolean parents = log.getUseParentHandlers();
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            assertTrue(serve(ConnectionTimeouts.DEFAULTS, "GET /boom HTTP/1.1\r\nHost: a\r\n\r\n")
                    .startsWith("HTTP/1.1 500 Internal Server Error\r\n"));
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(parents);
        }
        assertEquals(List.of("WARNING handler failed on GET /boom: java.lang.IllegalStateException: boom"), warnings);
    }

    @Test
    void sendsContinueBeforeReadingAnExpectedBody() {
        MemoryChannelIo io = new MemoryChannelIo()
                .then("POST /missing HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
                .then("ab");
        new Http1Connection(HttpLimits.DEFAULTS, ConnectionTimeouts.DEFAULTS, HELLO_HANDLER, FIXED)
                .serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        assertTrue(io.written().startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n"), io.written());
    }

    @Test
    void allocatesNothingPerHelloRequest() {
        byte[] request = "GET /hello HTTP/1.1\r\nHost: localhost\r\nUser-Agent: t\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        Http1Connection connection = new Http1Connection(HttpLimits.DEFAULTS,
                new ConnectionTimeouts(true, 5_000, 0, 60_000), HELLO_HANDLER, FIXED);
        CountingObserver observer = new CountingObserver();
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            MemoryChannelIo io = new MemoryChannelIo().repeating(request);
            observer.stopAfter(io, 50_000);
            long before = mx.getCurrentThreadAllocatedBytes();
            connection.serve(io, observer, new ConnectionState(false));
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            if (round == 2) {
                assertTrue(allocated < 2_000, "allocated " + allocated + " bytes over 50,000 requests");
            }
        }
    }

    private static String serve(ConnectionTimeouts timeouts, String input) {
        MemoryChannelIo io = new MemoryChannelIo().then(input);
        Outcome outcome = new Http1Connection(HttpLimits.DEFAULTS, timeouts, HELLO_HANDLER, FIXED)
                .serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        assertEquals(Outcome.CLOSE, outcome);
        return io.written();
    }

    /** Ends a repeating input after a number of responses. */
    static final class CountingObserver implements ConnectionObserver {
        private MemoryChannelIo io;
        private int left;

        void stopAfter(MemoryChannelIo channel, int requests) {
            io = channel;
            left = requests;
        }

        @Override public void reading() { }
        @Override public void writing() { }
        @Override public void keepAlive() { }
        @Override public void closing() { }

        @Override
        public void requestDone(long bytes) {
            if (--left == 0) {
                io.stop();
            }
        }
    }
}
