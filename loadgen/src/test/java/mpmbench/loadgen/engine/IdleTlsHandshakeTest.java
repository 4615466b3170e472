package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import mpmbench.loadgen.IoBackend;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.Counter;

/**
 * Idle TLS connections that wait in a server's accept queue (a real JSSE server on loopback that
 * accepts nothing at first, {@link TlsTestServer#acceptingAfter}) are counted as plain HTTP ones are:
 * established at their TCP connect, their handshake the first part of waiting for the first answer,
 * never cut by {@code --connect-timeout}. Before, a handshake not done within the connect timeout
 * lost the connection for good ({@code idle_connect_timeouts}), which made java-event's new children,
 * starting while the idle connections waited in the shared accept queue, look like refusals.
 */
@ParameterizedClass(name = "io {0}")
@EnumSource(value = IoBackend.class, names = {"NIO", "EPOLL"})
class IdleTlsHandshakeTest {

    private static final int IDLE = 5;

    @Parameter
    IoBackend io;

    @BeforeEach
    void backendUsable() {
        Backends.assumeUsable(io);
    }

    @BeforeAll
    static void warmJsse() throws IOException {
        TlsTest.warmJsse();
    }

    private static long count(LoadResult r, Counter c) {
        return r.counts().get(c);
    }

    /** One active connection and {@link #IDLE} idle ones, a connect timeout of 300 ms and a request timeout of 600 ms. */
    private static LoadSpec spec(TlsTestServer server, Duration duration) {
        return LoadSpec.builder(Target.parse(server.url("localhost", "/hello"))).threads(1).connections(1)
                .duration(duration).connectTimeout(Duration.ofMillis(300)).timeout(Duration.ofMillis(600))
                .idle(IDLE).idleInterval(Duration.ofSeconds(3)).build();
    }

    @Test
    void aHandshakeThatWaitsForTheAcceptIsServedWhenTheServerAccepts() throws IOException {
        try (TlsTestServer server = TlsTestServer.acceptingAfter(1_000)) {
            LoadResult r = Backends.run(io, spec(server, Duration.ofMillis(2_500)));
            assertEquals(IDLE, count(r, Counter.IDLE_OPEN_ANSWERED), r.counts().toString());
            assertEquals(0, count(r, Counter.IDLE_CONNECT_TIMEOUTS), r.counts().toString());
            assertEquals(IDLE, count(r, Counter.IDLE_ESTABLISHED), r.counts().toString());
            assertEquals(IDLE, count(r, Counter.IDLE_TIMEOUTS), "each handshake took over --timeout: " + r.counts());
        }
    }

    @Test
    void aHandshakeStillWaitingAtTheEndIsOpenAndUnansweredAsAPlainRequestWouldBe() throws IOException {
        try (TlsTestServer server = TlsTestServer.acceptingAfter(60_000)) {
            LoadResult r = Backends.run(io, spec(server, Duration.ofMillis(900)));
            assertEquals(IDLE, count(r, Counter.IDLE_OPEN_UNANSWERED), r.counts().toString());
            assertEquals(IDLE, count(r, Counter.IDLE_HELD), r.counts().toString());
            assertEquals(0, count(r, Counter.IDLE_CONNECT_TIMEOUTS) + count(r, Counter.IDLE_CONNECTING),
                    r.counts().toString());
        }
    }
}
