package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.TestServer.HELLO;
import static mpmbench.loadgen.engine.TestServer.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
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

/**
 * A close by the server is an error only when the server may have taken the requests in flight
 * ({@link ServerCloses}): real servers on loopback that announce their close, that close right after
 * an answer, that close after reading a request, or that die in the middle of an answer.
 */
@ParameterizedClass(name = "io {0}")
@EnumSource(value = IoBackend.class, names = {"NIO", "EPOLL"})
class ServerClosesTest {

    /** Each test runs on each I/O backend. */
    @Parameter
    IoBackend io;

    @BeforeEach
    void backendUsable() {
        Backends.assumeUsable(io);
    }

    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final byte[] LAST = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

    /**
     * A first run in a fresh JVM spends its first hundreds of ms loading and linking (more on a busy
     * machine), which a short window cannot spare: run the engine once before the tests.
     */
    @BeforeAll
    static void warmTheEngine() throws IOException {
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadRun.run(LoadSpec.closed(Target.parse(server.url("/")), 1, 1, Duration.ofMillis(200)));
        }
    }

    private LoadSpec spec(TestServer server, int connections) {
        return Backends.on(io, LoadSpec.closed(Target.parse(server.url("/hello")), 1, connections, SHORT));
    }

    private static long count(LoadResult r, Counter c) {
        return r.counts().get(c);
    }

    /** Every answer the server sent was counted once: in the window, the warm-up, or the grace. */
    private static void assertEveryAnswerCounted(TestServer server, LoadResult r) {
        assertEquals(server.responses.get(), count(r, Counter.REQUESTS) + count(r, Counter.WARMUP_REQUESTS)
                + count(r, Counter.ANSWERED_IN_GRACE), r.counts().toString());
    }

    /** Like MaxKeepAliveRequests 4: the 4th answer says {@code Connection: close}, nothing after it is read. */
    private static TestServer closingAfterFourAnswers() throws IOException {
        return TestServer.start(c -> {
            for (int i = 0; i < 3 && c.awaitRequest(); i++) {
                c.respond(HELLO);
            }
            if (c.awaitRequest()) {
                c.respond(LAST);
                c.lingeringClose();
            }
        });
    }

    @Test
    void requestsPipelinedBehindAnAnnouncedCloseAreSentAgainNotFailed() throws IOException {
        try (TestServer server = closingAfterFourAnswers()) {
            LoadResult r = Backends.run(io, spec(server, 2).toBuilder().pipeline(3).build());
            long n = count(r, Counter.REQUESTS);
            assertTrue(n > 20, "requests " + n);
            assertEquals(0, r.counts().errorsWithWarmup(), r.counts().toString());
            assertTrue(count(r, Counter.CLOSES_ANNOUNCED) >= n / 4 - 2, r.counts().toString());
            // each close leaves two of the three pipelined behind the 4th answer: both are sent again
            assertTrue(count(r, Counter.RESENT) >= count(r, Counter.CLOSES_ANNOUNCED), r.counts().toString());
            assertEquals(0, count(r, Counter.CLOSES_IDLE), r.counts().toString());
            assertEveryAnswerCounted(server, r);
        }
    }

    @Test
    void theOpenModelKeepsItsIdentityWhenRequestsAreSentAgain() throws IOException {
        // answers only once two requests are in, the first with Connection: close: the second always
        // waits behind an announced close
        try (TestServer server = TestServer.start(c -> {
            if (c.awaitRequest() && c.awaitRequest()) {
                c.respond(LAST);
                c.lingeringClose();
            }
        })) {
            LoadResult r = Backends.run(io, spec(server, 2).toBuilder().pipeline(2).rate(400).build());
            LoadRunTest.assertIdentity(r);
            assertTrue(count(r, Counter.REQUESTS) > 20, r.counts().toString());
            assertEquals(0, count(r, Counter.ERR_CLOSED), r.counts().toString());
            assertTrue(count(r, Counter.RESENT) > 20, r.counts().toString());
            assertEveryAnswerCounted(server, r);
        }
    }

    @Test
    void aCloseRightAfterAnAnswerThatCrossesTheNextRequestIsNoClosedError() throws IOException {
        // an unannounced close after every third answer: the client's next request is already on its
        // way when the end of stream arrives
        try (TestServer server = TestServer.start(c -> {
            for (int i = 0; i < 3 && c.awaitRequest(); i++) {
                c.respond(HELLO);
            }
        })) {
            LoadResult r = Backends.run(io, spec(server, 2));
            assertTrue(count(r, Counter.REQUESTS) > 20, r.counts().toString());
            // the close reached the client before its next request reached the server: sent again. When
            // the request got there first, the server closed with it unread and its kernel reset the
            // connection: err_read, an error as before (a crashed server looks the same). Before
            // ServerCloses nearly every close was an err_closed (822 of 835 closes); on a loaded machine
            // the kernel may still process the reset after the probe, which leaves a rare err_closed
            // (5 of 3,848 at a load average of 15 on 2 cores), never more than a few in a hundred
            assertTrue(count(r, Counter.RESENT) > 0, r.counts().toString());
            assertTrue(count(r, Counter.ERR_CLOSED) * 20 <= count(r, Counter.RESENT), r.counts().toString());
            assertTrue(count(r, Counter.CLOSES_IDLE) >= count(r, Counter.RESENT), r.counts().toString());
            assertEveryAnswerCounted(server, r);
        }
    }

    @Test
    void aCloseAfterTheServerReadTheRequestStaysAnError() throws IOException {
        // answers twice, then reads the third request and closes without an answer (a crash)
        try (TestServer server = TestServer.start(c -> {
            for (int i = 0; i < 2 && c.awaitRequest(); i++) {
                c.respond(HELLO);
            }
            c.awaitRequest();
        })) {
            LoadResult r = Backends.run(io, spec(server, 2));
            assertTrue(count(r, Counter.ERR_CLOSED) > 10, r.counts().toString());
            assertEquals(0, count(r, Counter.RESENT), r.counts().toString());
            assertEquals(0, count(r, Counter.CLOSES_IDLE), r.counts().toString());
        }
    }

    @Test
    void aServerDyingMidAnswerWithRequestsPipelinedFailsThemAll() throws IOException {
        // reads the pipelined batch, answers the first, sends half of the second and dies
        try (TestServer server = TestServer.start(c -> {
            if (c.awaitRequest()) {
                c.respond(HELLO);
                c.send(ascii("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello"));
                c.close();
            }
        })) {
            LoadResult r = Backends.run(io, spec(server, 2).toBuilder().pipeline(4).build());
            long failed = count(r, Counter.ERR_CLOSED) + count(r, Counter.ERR_READ);
            assertTrue(count(r, Counter.REQUESTS) > 10, r.counts().toString());
            // three lost per death (the half-answered one and the two behind it), none sent again
            assertTrue(failed >= 3 * (count(r, Counter.REQUESTS) - 2), r.counts().toString());
            assertEquals(0, count(r, Counter.RESENT), r.counts().toString());
            assertEquals(0, count(r, Counter.CLOSES_IDLE) + count(r, Counter.CLOSES_ANNOUNCED), r.counts().toString());
        }
    }

    @Test
    void aServerThatClosesEveryFreshConnectionUnreadIsNeverRetriedForever() throws IOException {
        try (TestServer server = TestServer.start(TestServer.Conn::close)) {
            LoadResult r = Backends.run(io, spec(server, 2));
            assertEquals(0, count(r, Counter.RESENT), r.counts().toString());
            assertTrue(count(r, Counter.ERR_CLOSED) + count(r, Counter.ERR_READ) > 10, r.counts().toString());
        }
    }
}
