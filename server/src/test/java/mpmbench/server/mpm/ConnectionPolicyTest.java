package mpmbench.server.mpm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import mpmbench.server.handler.Router;
import mpmbench.server.http.ConnectionObserver;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.ConnectionTimeouts;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.MemoryChannelIo;
import mpmbench.server.http.request.HttpLimits;

class ConnectionPolicyTest {

    private static final String STATUS = "GET /server-status?auto HTTP/1.1\r\nHost: t\r\n\r\n";
    private static final String TWO_HELLOS = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n";

    private final AtomicBoolean stopping = new AtomicBoolean();

    @Test
    void serverStatusAnswersLoopbackClientsOnlyUnlessOpened() {
        assertTrue(serve(false, false, STATUS).startsWith("HTTP/1.1 200 "));
        assertTrue(serve(true, false, STATUS).startsWith("HTTP/1.1 403 Forbidden\r\n"));
        assertTrue(serve(true, true, STATUS).startsWith("HTTP/1.1 200 "));
        assertTrue(serve(true, false, "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").startsWith("HTTP/1.1 200 "));
    }

    @Test
    void aStoppingChildClosesEachConnectionAfterItsNextResponse() {
        String running = serve(false, false, TWO_HELLOS);
        assertFalse(running.contains("Connection: close"), running);
        assertTrue(running.indexOf("HTTP/1.1 200", 1) > 0, "both answered: " + running);
        stopping.set(true);
        String stopped = serve(false, false, TWO_HELLOS);
        assertTrue(stopped.contains("\r\nConnection: close\r\n"), stopped);
        assertTrue(stopped.indexOf("HTTP/1.1 200", 1) < 0, "only the first is answered: " + stopped);
    }

    private String serve(boolean remote, boolean statusForAll, String raw) {
        ConnectionPolicy policy = new ConnectionPolicy(new Router((auto, out) -> out.append("Scoreboard: _\n")),
                statusForAll, stopping::get);
        policy.client(remote);
        MemoryChannelIo io = new MemoryChannelIo().then(raw);
        new Http1Connection(HttpLimits.DEFAULTS, ConnectionTimeouts.DEFAULTS, policy)
                .serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        return io.written();
    }
}
