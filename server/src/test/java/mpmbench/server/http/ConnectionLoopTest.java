package mpmbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mpmbench.server.http.request.HttpLimits;

/** The loop's contract with the models: parking when idle, observer calls, silent and loud closes. */
class ConnectionLoopTest {

    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n";

    private final Http1Connection connection = new Http1Connection(HttpLimits.DEFAULTS, ConnectionTimeouts.DEFAULTS,
            ResponseEncodingTest.HELLO_HANDLER);

    @Test
    void parksWhenIdleAndResumesWithTheSameState() {
        ConnectionState state = new ConnectionState(true);
        MemoryChannelIo io = new MemoryChannelIo().then(HELLO + HELLO);
        assertEquals(Outcome.IDLE, connection.serve(io, ConnectionObserver.NONE, state));
        assertEquals(2, state.requestsServed());
        io.then("GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertEquals(Outcome.CLOSE, connection.serve(io, ConnectionObserver.NONE, state));
        assertEquals(3, state.requestsServed());
    }

    @Test
    void parksOnceAnAnswerIsOutUnlessInputIsBufferedAboveTheSocket() {
        // as httpd's event MPM: no read is tried after a response; the socket's readiness brings the next
        // request, here still queued on the "socket"
        ConnectionState state = new ConnectionState(true);
        MemoryChannelIo io = new MemoryChannelIo().then(HELLO).then(HELLO);
        assertEquals(Outcome.IDLE, connection.serve(io, ConnectionObserver.NONE, state));
        assertEquals(1, state.requestsServed());
        // the first read of a turn is made (readiness brought the connection here)
        assertEquals(Outcome.IDLE, connection.serve(io, ConnectionObserver.NONE, state));
        assertEquals(2, state.requestsServed());
        // a TLS engine holding the next request's record: readiness would never announce it, so it is read
        ConnectionState tls = new ConnectionState(true);
        MemoryChannelIo held = new MemoryChannelIo().then(HELLO).thenBuffered(HELLO);
        assertEquals(Outcome.IDLE, connection.serve(held, ConnectionObserver.NONE, tls));
        assertEquals(2, tls.requestsServed());
    }

    @Test
    void reportsEachStepToTheObserver() {
        StringBuilder events = new StringBuilder();
        ConnectionObserver observer = new ConnectionObserver() {
            @Override public void reading() { events.append('R'); }
            @Override public void writing() { events.append('W'); }
            @Override public void keepAlive() { events.append('K'); }
            @Override public void closing() { events.append('C'); }
            @Override public void requestDone(long bytes) { events.append('D'); }
        };
        MemoryChannelIo io = new MemoryChannelIo().then(HELLO).then(HELLO);
        assertEquals(Outcome.CLOSE, connection.serve(io, observer, new ConnectionState(false)));
        assertEquals("RWDKRWDKC", events.toString());
    }

    @Test
    void closesSilentlyWhenNoRequestComes() {
        MemoryChannelIo io = new MemoryChannelIo().thenTimeout();
        assertEquals(Outcome.CLOSE, connection.serve(io, ConnectionObserver.NONE, new ConnectionState(false)));
        assertEquals("", io.written());
    }

    @Test
    void answers408ToAStalledRequestAfterPipelinedAnswers() {
        MemoryChannelIo io = new MemoryChannelIo().then(HELLO + "GET /hel").thenTimeout();
        connection.serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        String out = io.written();
        assertTrue(out.startsWith("HTTP/1.1 200 OK\r\n"), out);
        assertTrue(out.contains("Hello, World!HTTP/1.1 408 Request Timeout\r\n"), out);
    }

    @Test
    void answers413BeforeReadingABodyOverTheLimit() {
        Http1Connection small = new Http1Connection(new HttpLimits(8190, 8190, 100, 10),
                ConnectionTimeouts.DEFAULTS, ResponseEncodingTest.HELLO_HANDLER);
        MemoryChannelIo io = new MemoryChannelIo().then("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n");
        small.serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        assertTrue(io.written().startsWith("HTTP/1.1 413 Content Too Large\r\n"), io.written());
    }

    @Test
    void closesAfterMaxKeepAliveRequestsAndWhenKeepAliveIsOff() {
        Http1Connection two = new Http1Connection(HttpLimits.DEFAULTS, new ConnectionTimeouts(true, 5_000, 2, 60_000),
                ResponseEncodingTest.HELLO_HANDLER);
        MemoryChannelIo io = new MemoryChannelIo().then(HELLO + HELLO + HELLO);
        two.serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        assertEquals(2, io.written().split("HTTP/1.1 200").length - 1, "a third request is not answered");
        assertTrue(io.written().endsWith("Connection: close\r\nContent-Type: text/plain\r\n\r\nHello, World!"));
        Http1Connection off = new Http1Connection(HttpLimits.DEFAULTS, new ConnectionTimeouts(false, 5_000, 0, 60_000),
                ResponseEncodingTest.HELLO_HANDLER);
        MemoryChannelIo once = new MemoryChannelIo().then(HELLO + HELLO);
        off.serve(once, ConnectionObserver.NONE, new ConnectionState(false));
        assertEquals(1, once.written().split("HTTP/1.1 200").length - 1);
    }
}
