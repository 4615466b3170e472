package mpmbench.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mpmbench.server.http.ConnectionObserver;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.ConnectionTimeouts;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.MemoryChannelIo;
import mpmbench.server.http.request.AnswerAndKeepException;
import mpmbench.server.http.request.HttpLimits;

class RouterTest {

    private final Router router = new Router((auto, out) -> out.append(auto ? "Scoreboard: _W\n" : "Workers: 2\n"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /hello HTTP/1.1         | 200 | Hello, World!",
        "GET /bytes?n=3 HTTP/1.1     | 200 | abc",
        "GET /bytes?x=1&n=0 HTTP/1.1 | 200 | ''",
        "GET /cpu?iters=1 HTTP/1.1   | 200 | iters=1 result=",
        "GET /sleep?ms=1 HTTP/1.1    | 200 | slept 1 ms",
        "GET /server-status HTTP/1.1 | 200 | Workers: 2",
        "GET /server-status?auto HTTP/1.1 | 200 | Scoreboard: _W",
        "GET /nothing HTTP/1.1       | 404 | 404 Not Found",
        "GET /hello/ HTTP/1.1        | 404 | 404 Not Found",
        "POST /hello HTTP/1.1        | 405 | 405 Method Not Allowed",
        "GET /echo HTTP/1.1          | 405 | 405 Method Not Allowed",
        "OPTIONS /hello HTTP/1.1     | 405 | 405 Method Not Allowed",
        "GET /bytes HTTP/1.1         | 400 | 400 Bad Request",
        "GET /bytes?n=-1 HTTP/1.1    | 400 | 400 Bad Request",
        "GET /bytes?n=1073741825 HTTP/1.1 | 400 | 400 Bad Request",
        "GET /cpu?iters=1x HTTP/1.1  | 400 | 400 Bad Request",
        "GET /sleep?ms= HTTP/1.1     | 400 | 400 Bad Request",
    })
    void routesToEndpoints(String requestLine, int status, String bodyStart) {
        String out = serve(requestLine + "\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 " + status + " "), out);
        String body = out.substring(out.indexOf("\r\n\r\n") + 4);
        assertTrue(body.startsWith(bodyStart), body);
    }

    @Test
    void announcesAllowedMethodsOn405() {
        assertTrue(serve("PUT /echo HTTP/1.1\r\nHost: t\r\n\r\n").contains("\r\nAllow: POST\r\n"));
        assertTrue(serve("POST /bytes HTTP/1.1\r\nHost: t\r\n\r\n").contains("\r\nAllow: GET, HEAD\r\n"));
    }

    @Test
    void cpuWorkIsDeterministic() {
        assertEquals(Cpu.work(1_000), Cpu.work(1_000));
        assertEquals(0x9E3779B97F4A7C15L, Cpu.work(0));
        assertTrue(Cpu.work(1) != Cpu.work(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"n=5|5", "a=1&n=42|42", "n=0&n=7|0", "nn=3&n=4|4", "n=1073741824|1073741824"})
    void readsQueryNumbers(String query, long expected) {
        assertEquals(expected, QueryNumbers.get(query, "n", 1L << 30));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "n", "n=", "m=1", "n=1a", "n=+1", "n=1073741825", "n=99999999999999999999"})
    void rejectsBadQueryNumbers(String query) {
        assertEquals(400, assertThrows(AnswerAndKeepException.class, () -> QueryNumbers.get(query, "n", 1L << 30)).status());
    }

    private String serve(String raw) {
        MemoryChannelIo io = new MemoryChannelIo().then(raw);
        new Http1Connection(HttpLimits.DEFAULTS, ConnectionTimeouts.DEFAULTS, router)
                .serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        return io.written();
    }
}
