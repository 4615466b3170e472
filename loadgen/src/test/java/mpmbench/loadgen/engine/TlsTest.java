package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mpmbench.loadgen.IoBackend;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.TlsEngine;
import mpmbench.loadgen.TlsOptions;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;

/**
 * {@code https://} end to end against a real JSSE server on loopback ({@link TlsTestServer}): every mode
 * of the generator over TLS, the handshakes and resumptions it counts against what the server saw, SNI
 * and ALPN on the wire, and {@code --tls-verify} refusing a self-signed certificate; on each TLS engine
 * ({@code --tls-engine jsse} and {@code openssl}) and each I/O backend.
 */
@ParameterizedClass(name = "io {0}, {1}")
@MethodSource("backendsAndEngines")
class TlsTest {

    /** Each test runs on each I/O backend and each TLS engine. */
    @Parameter(0)
    IoBackend io;

    @Parameter(1)
    TlsEngine engine;

    static Stream<Arguments> backendsAndEngines() {
        return Stream.of(Arguments.of(IoBackend.NIO, TlsEngine.JSSE), Arguments.of(IoBackend.EPOLL, TlsEngine.JSSE),
                Arguments.of(IoBackend.NIO, TlsEngine.OPENSSL), Arguments.of(IoBackend.EPOLL, TlsEngine.OPENSSL));
    }

    @BeforeEach
    void backendUsable() {
        Backends.assumeUsable(io);
        TlsEnginesTest.assumeUsable(engine);
    }

    /** Runs {@code spec} on this test's backend and engine, and checks that the result names both. */
    private LoadResult run(LoadSpec spec) throws IOException {
        LoadResult r = Backends.run(io, spec.toBuilder().tls(spec.tls().withEngine(engine)).build());
        assertEquals(engine.text(), r.tlsEngine(), "the TLS engine the result records");
        return r;
    }

    private static final Duration SHORT = Duration.ofMillis(1500);

    /**
     * A JVM's first TLS handshakes load and interpret JSSE's classes on the loop's thread: on the busy
     * 2-vCPU machine the first TLS 1.3 one took seconds, longer than a test's window. One run per
     * protocol first, as a run's warm-up would.
     */
    @BeforeAll
    static void warmJsse() throws IOException {
        try (TlsTestServer server = TlsTestServer.start()) {
            for (String protocol : TlsOptions.KNOWN_PROTOCOLS) {
                LoadRun.run(spec(server, "localhost", 1).duration(Duration.ofMillis(500)).keepAlive(false)
                        .connectTimeout(Duration.ofSeconds(10))
                        .tls(new TlsOptions(List.of(protocol), TlsOptions.Resume.NONE, false).withEngine(TlsEngine.JSSE))
                        .build());
            }
        }
    }

    private static long count(LoadResult r, Counter c) {
        return r.counts().get(c);
    }

    private static LoadSpec.Builder spec(TlsTestServer server, String host, int connections) {
        return LoadSpec.builder(Target.parse(server.url(host, "/hello"))).threads(1).connections(connections)
                .duration(SHORT);
    }

    @Test
    void keepAliveOverTlsHandshakesOncePerConnectionWithSniAndAlpn() throws IOException {
        try (TlsTestServer server = TlsTestServer.start()) {
            LoadResult r = run(spec(server, "localhost", 3).build());
            long n = count(r, Counter.REQUESTS);
            assertTrue(n > 100, "requests " + n);
            assertEquals(0, r.counts().errorsWithWarmup(), r.counts().toString());
            assertEquals(3, count(r, Counter.TLS_HANDSHAKES), r.counts().toString());
            assertEquals(0, count(r, Counter.TLS_RESUMED), "a first handshake cannot resume");
            assertEquals(3, server.handshakes.get());
            assertEquals(3, r.handshake().getTotalCount());
            assertTrue(r.handshake().getMinValue() >= 1, "handshake times in µs");
            assertEquals(Set.of("localhost"), server.serverNames);
            assertEquals(Set.of("http/1.1"), server.applicationProtocols);
            assertEquals(Set.of("TLSv1.3"), server.protocols);
            assertEquals(server.responses.get(), n + count(r, Counter.ANSWERED_IN_GRACE));
        }
    }

    @Test
    void anAddressSendsNoSniAndTls12IsOfferedAlone() throws IOException {
        try (TlsTestServer server = TlsTestServer.start()) {
            LoadResult r = run(spec(server, "127.0.0.1", 1)
                    .tls(new TlsOptions(List.of(TlsOptions.TLS12), TlsOptions.Resume.TICKET, false)).build());
            assertTrue(count(r, Counter.REQUESTS) > 50, r.counts().toString());
            assertEquals(Set.of("(none)"), server.serverNames);
            assertEquals(Set.of("TLSv1.2"), server.protocols);
        }
    }

    /**
     * Without keep-alive every request is a new connection and a new handshake: none resumes with
     * {@code none}; with {@code ticket} or {@code session-id} all but the first resume. The server's
     * count of resumed handshakes agrees with ours, give or take the connections in progress at the
     * window's end and a session resumed within the millisecond it was made.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.3,none", "TLSv1.3,ticket", "TLSv1.2,none", "TLSv1.2,ticket", "TLSv1.2,session-id"})
    void churnHandshakesPerRequestAndResumesAsAsked(String protocol, String resume) throws IOException {
        try (TlsTestServer server = TlsTestServer.start()) {
            TlsOptions tls = new TlsOptions(List.of(protocol), TlsOptions.Resume.of(resume), false);
            // 3 s: a cold JVM's TLS 1.3 full handshake took up to 0.5 s on a busy 2-vCPU machine
            LoadResult r = run(spec(server, "localhost", 2).duration(Duration.ofSeconds(3)).keepAlive(false)
                    .tls(tls).build());
            long n = count(r, Counter.REQUESTS);
            long hs = count(r, Counter.TLS_HANDSHAKES);
            long resumed = count(r, Counter.TLS_RESUMED);
            System.out.printf("%s %s: %d requests, handshake p50 %d us, p99 %d us, latency p50 %d us%n", protocol,
                    resume, n, r.handshake().getValueAtPercentile(50), r.handshake().getValueAtPercentile(99),
                    r.uncorrected().getValueAtPercentile(50));
            assertTrue(n >= 3, r.counts().toString());
            assertEquals(0, r.counts().errorsWithWarmup(), r.counts().toString());
            assertTrue(hs >= n && hs <= n + 2, "a handshake per request: " + r.counts());
            assertEquals(hs, r.handshake().getTotalCount());
            long full = hs - resumed;
            if (tls.resume() == TlsOptions.Resume.NONE) {
                assertEquals(0, resumed, r.counts().toString());
            } else {
                // the first of each connection, and (TLS 1.3) one that reconnected before its ticket came
                assertTrue(resumed >= 1 && full <= 4 && resumed >= n - 4, "only the first handshakes are full: "
                        + r.counts());
            }
            long serverResumed = server.resumedHandshakes.get();
            assertTrue(Math.abs(serverResumed - resumed) <= 3, "server saw " + serverResumed + " of "
                    + server.handshakes.get() + " resumed, we counted " + resumed + " (" + r.counts() + ")");
        }
    }

    @Test
    void openModelIdleAndTricklingConnectionsRunOverTls() throws IOException {
        try (TlsTestServer server = TlsTestServer.start()) {
            LoadResult r = run(spec(server, "localhost", 2).rate(400).idle(5).trickle(2)
                    .trickleInterval(Duration.ofMillis(100)).build());
            assertEquals(count(r, Counter.SCHEDULED), count(r, Counter.REQUESTS) + r.counts().requestErrors()
                    + count(r, Counter.UNSENT) + count(r, Counter.UNANSWERED), r.counts().toString());
            assertTrue(count(r, Counter.REQUESTS) > 400, r.counts().toString());
            assertEquals(0, r.counts().errorsWithWarmup(), r.counts().toString());
            assertEquals(5, count(r, Counter.IDLE_OPEN_ANSWERED), r.counts().toString());
            assertEquals(2, count(r, Counter.TRICKLE_HELD), r.counts().toString());
            assertTrue(count(r, Counter.TRICKLE_BYTES) >= 2 * 3, r.counts().toString()); // a byte per 100 ms once handshaken
            assertEquals(2 + 5 + 2, count(r, Counter.TLS_HANDSHAKES), "active, idle and trickling: " + r.counts());
        }
    }

    @Test
    void verifyRefusesASelfSignedCertificateAsAConnectError() throws IOException {
        try (TlsTestServer server = TlsTestServer.start()) {
            LoadResult r = run(spec(server, "localhost", 1).duration(Duration.ofMillis(500))
                    .tls(new TlsOptions(TlsOptions.KNOWN_PROTOCOLS, TlsOptions.Resume.TICKET, true)).build());
            assertEquals(0, count(r, Counter.REQUESTS), r.counts().toString());
            assertTrue(count(r, Counter.ERR_CONNECT) > 0, r.counts().toString());
            assertEquals(0, count(r, Counter.TLS_HANDSHAKES));
            assertEquals(0, server.responses.get());
        }
    }

    /**
     * After the handshake the I/O thread allocates almost nothing per request: this code's buffers are
     * per connection (OpenSSL's are native: under 64 bytes per request on the I/O thread); what is left with JSSE is JSSE's own (an {@code SSLEngineResult} per wrap and unwrap, and what
     * its ciphers allocate), measured here and bounded well below one record buffer (16 KiB) per request (about 2.9 KB measured with JDK 25, all
     * of it inside JSSE's wrap and unwrap).
     */
    @Test
    void theSteadyStateOverTlsAllocatesNoBufferPerRequest() throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<long[]> samples = new ArrayList<>();
        try (TlsTestServer server = TlsTestServer.start()) {
            new LoadRun(spec(server, "localhost", 2).duration(Duration.ofSeconds(3)).io(io)
                    .tls(TlsOptions.DEFAULT.withEngine(engine)).build(), null, new LoadRun.Progress() {
                private long io = -1; // this run's I/O thread: the newest of that name (an earlier run's may linger)

                @Override
                public void second(double elapsedS, Counts counts, Histogram[] interval, boolean warmup) {
                    if (io < 0) {
                        io = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("mpmbench-io-0"))
                                .mapToLong(Thread::threadId).max().orElse(-1);
                    }
                    samples.add(new long[] {counts.get(Counter.REQUESTS), threads.getThreadAllocatedBytes(io)});
                }
            }).run();
        }
        // getThreadAllocatedBytes is -1 once the thread has ended: a last second read after the run's end
        samples.removeIf(x -> x[1] < 0);
        long requests = samples.getLast()[0] - samples.getFirst()[0];
        long bytes = samples.getLast()[1] - samples.getFirst()[1];
        assertTrue(requests > 1000, "requests " + requests);
        System.out.printf("TLS steady state: %d bytes allocated by the I/O thread for %d requests (%.1f per request)%n",
                bytes, requests, (double) bytes / requests);
        if (engine == TlsEngine.OPENSSL) { // OpenSSL's buffers are native: the loop's own rule, (almost) nothing
            assertTrue(bytes < 64L * requests, bytes + " bytes for " + requests + " requests with OpenSSL");
        } else {
            assertTrue(bytes > 0 && bytes < 8 * 1024 * requests, bytes + " bytes for " + requests + " requests");
        }
    }
}
