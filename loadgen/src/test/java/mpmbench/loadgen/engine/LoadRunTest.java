package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.TestServer.HELLO;
import static mpmbench.loadgen.engine.TestServer.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import mpmbench.loadgen.IoBackend;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.SteadyState;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;

/** The engine against tiny in-test servers: exact counts, each error class, and runs that end on time. */
@ParameterizedClass(name = "io {0}")
@EnumSource(value = IoBackend.class, names = {"NIO", "EPOLL"})
class LoadRunTest {

    /** Each test runs on each I/O backend. */
    @Parameter
    IoBackend io;

    @BeforeEach
    void backendUsable() {
        Backends.assumeUsable(io);
    }

    private static final Duration SHORT = Duration.ofMillis(500);

    private LoadSpec spec(TestServer server, int threads, int connections, Duration d) {
        return Backends.on(io, LoadSpec.closed(Target.parse(server.url("/hello")), threads, connections, d));
    }

    private static long count(LoadResult r, Counter c) {
        return r.counts().get(c);
    }

    /** Runs and checks that the run ended within duration + grace + slack, whatever the server did. */
    private LoadResult runOnTime(LoadSpec spec) throws IOException {
        long t0 = System.nanoTime();
        LoadResult r = Backends.run(io, spec);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        long boundMs = spec.maxWarmup().plus(spec.duration()).plus(spec.grace()).toMillis() + 500;
        assertTrue(elapsedMs <= boundMs, "run took " + elapsedMs + " ms, bound " + boundMs + " ms");
        return r;
    }

    /**
     * No error, and no request lost: the ones unanswered at the window's end (the closed model's last
     * round, the open model's last sends) were all answered in the grace.
     */
    private static void assertNoErrors(LoadResult r) {
        assertEquals(0, r.counts().errorsWithWarmup(), r.counts().toString());
        assertEquals(count(r, Counter.ANSWERED_IN_GRACE), count(r, Counter.UNANSWERED), r.counts().toString());
        assertTrue(count(r, Counter.UNANSWERED) <= (long) r.spec().connections() * r.spec().pipeline(),
                r.counts().toString());
    }

    /** Every answer the server sent was counted once: in the window, the warm-up, or the grace. */
    private static void assertEveryAnswerCounted(TestServer server, LoadResult r) {
        assertEquals(server.responses.get(), count(r, Counter.REQUESTS) + count(r, Counter.WARMUP_REQUESTS)
                + count(r, Counter.ANSWERED_IN_GRACE), r.counts().toString());
    }

    @Test
    void closedModelCountsEveryResponseExactlyOnce() throws IOException {
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadResult r = runOnTime(spec(server, 2, 4, SHORT));
            long n = count(r, Counter.REQUESTS);
            assertTrue(n > 100, "requests " + n);
            assertEveryAnswerCounted(server, r);
            assertEquals(n, r.corrected().getTotalCount(), "the closed model records no lower bounds");
            assertEquals(n, r.uncorrected().getTotalCount());
            assertEquals(n * HELLO.length, count(r, Counter.BYTES));
            assertEquals(0, r.lag().getTotalCount());
            assertNoErrors(r);
        }
    }

    @Test
    void warmupIsCountedButKeptOutOfTheHistograms() throws IOException {
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadResult r = runOnTime(spec(server, 1, 2, SHORT).toBuilder().warmup(Duration.ofMillis(300)).build());
            long n = count(r, Counter.REQUESTS);
            long warm = count(r, Counter.WARMUP_REQUESTS);
            assertTrue(warm > 0 && n > 0, r.counts().toString());
            assertEquals(n, r.corrected().getTotalCount());
            assertEveryAnswerCounted(server, r);
        }
    }

    @Test
    void settlingWarmupEndsWhenTheRateIsSteadyAndTheWindowFollows() throws IOException {
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadSpec spec = spec(server, 1, 2, SHORT).toBuilder().rate(2000).settle(Duration.ofSeconds(8)).build();
            List<Double> over = new ArrayList<>();
            List<Double> windowOver = new ArrayList<>();
            long t0 = System.nanoTime();
            LoadResult r = new LoadRun(spec, null, new LoadRun.Progress() {
                @Override
                public void second(double elapsedS, Counts counts, org.HdrHistogram.Histogram[] interval,
                                   boolean warmup) {
                }

                @Override
                public void warmupOver(double elapsedS, boolean settled) {
                    over.add(elapsedS);
                }

                @Override
                public void windowOver(double elapsedS) {
                    windowOver.add(elapsedS);
                }
            }).run();
            double elapsedS = (System.nanoTime() - t0) / 1e9;
            // a fixed rate is steady from the start: the rule's minimum of 2 × 2 s, not the 8 s cap
            assertTrue(r.settled(), "not settled");
            assertEquals(2.0 * SteadyState.WINDOW_S, r.warmupSeconds(), 0.2);
            assertEquals(List.of(r.warmupSeconds()), over);
            assertEquals(1, windowOver.size(), "told once");
            assertEquals(r.warmupSeconds() + r.durationSeconds(), windowOver.getFirst(), 1e-6);
            assertIdentity(r);
            assertEquals(SHORT.toNanos(), r.windowNs());
            assertTrue(elapsedS < 6, "took " + elapsedS + " s");
            assertEquals(1000, count(r, Counter.REQUESTS), 60);
            assertEquals(8000, count(r, Counter.WARMUP_REQUESTS), 300);
        }
    }

    @Test
    void stopEndsTheRunEarlyAndReportsTheShorterWindow() throws Exception {
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadRun run = new LoadRun(spec(server, 1, 2, Duration.ofSeconds(30)), null, null);
            Thread stopper = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                run.stop();
            });
            long t0 = System.nanoTime();
            LoadResult r = run.run();
            stopper.join();
            assertTrue((System.nanoTime() - t0) / 1e9 < 5, "the run did not stop");
            assertTrue(r.stoppedEarly());
            assertEquals(0.7, r.durationSeconds(), 0.3);
            assertTrue(count(r, Counter.REQUESTS) > 0);
            assertNoErrors(r);
        }
    }

    /** The open model's identity: every request scheduled in the window counted exactly once. */
    static void assertIdentity(LoadResult r) {
        Counts n = r.counts();
        assertEquals(n.get(Counter.SCHEDULED), n.get(Counter.REQUESTS) + n.requestErrors() + n.get(Counter.UNSENT)
                + n.get(Counter.UNANSWERED), "requests + request errors + unsent + unanswered == scheduled: " + n);
        assertEquals(n.get(Counter.REQUESTS) + n.get(Counter.UNSENT) + n.get(Counter.UNANSWERED),
                r.corrected().getTotalCount(), "the corrected histogram: the answered and, at a lower bound, the rest");
        assertEquals(n.get(Counter.REQUESTS), r.uncorrected().getTotalCount(), "the uncorrected: the answered only");
    }

    @Test
    void openModelCountsEveryScheduledRequestOnceInANormalRun() throws IOException {
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadResult r = runOnTime(spec(server, 2, 4, Duration.ofSeconds(1)).toBuilder().rate(2000)
                    .warmup(Duration.ofMillis(200)).build());
            long n = count(r, Counter.REQUESTS);
            long unsent = count(r, Counter.UNSENT);
            // 4 connections every 2 ms, offsets 0, 0.5, 1, 1.5 ms: every 0.5 ms of [0.2 s, 1.2 s) is intended once
            assertEquals(2000, count(r, Counter.SCHEDULED));
            assertIdentity(r);
            // A request goes unsent only while its connection is busy: each connection sends every 2 ms, so
            // many unsent requests need answers slower than that (an in-test server starved by a busy machine).
            assertTrue(unsent <= 8 || r.uncorrected().getValueAtPercentile(99) > 2_000,
                    "unsent " + unsent + " although answers took " + r.uncorrected().getValueAtPercentile(99) + " us at p99");
            assertEveryAnswerCounted(server, r);
            // the lag: every request of the window that was sent
            assertEquals(n + count(r, Counter.UNANSWERED), r.lag().getTotalCount());
            assertNoErrors(r);
            assertTrue(r.nanosecondTimer(), "the tests run with the jar's native access (see the pom's argLine)");
        }
    }

    /**
     * Coordinated omission at the window's end: a server that stops answering halfway through the
     * window. Every request scheduled after that is still counted (unsent: its connection waits for an
     * answer that never comes; unanswered: the one in flight on each connection) and is in the corrected
     * histogram at window end − intended send time, so the histogram shows the wait they were made to
     * have, not their absence. The requests in flight time out in the grace, after the window's end:
     * unanswered, not timeouts.
     */
    @Test
    void aServerThatStopsAnsweringMidWindowLeavesEveryScheduledRequestInTheHistogramAtALowerBound()
            throws IOException {
        int rate = 1000;
        int connections = 4;
        long answerOnly = 200 + 500; // the warm-up's 200 and the window's first half
        java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
        try (TestServer server = TestServer.start(c -> {
            while (c.awaitRequest()) {
                if (answered.incrementAndGet() <= answerOnly) {
                    c.respond(HELLO);
                }
            }
        })) {
            LoadResult r = runOnTime(spec(server, 1, connections, Duration.ofSeconds(1)).toBuilder().rate(rate)
                    .warmup(Duration.ofMillis(200)).timeout(Duration.ofMillis(1500)).build());
            Counts n = r.counts();
            assertEquals(1000, n.get(Counter.SCHEDULED), n.toString());
            assertIdentity(r);
            assertEquals(0, n.errorsWithWarmup(), "timeouts after the window's end are unanswered: " + n);
            assertEquals(connections, n.get(Counter.UNANSWERED), "one in flight on each connection: " + n);
            assertEquals(0, n.get(Counter.ANSWERED_IN_GRACE));
            assertEquals(answerOnly, server.responses.get());
            assertEveryAnswerCounted(server, r);
            long censored = n.get(Counter.UNSENT) + n.get(Counter.UNANSWERED);
            assertTrue(censored >= 400 && censored <= 600, n.toString());
            // The censored requests are the last ones of the schedule, one every 1/rate s up to the window's
            // end: at least censored − x·rate of them waited x or longer. Answered requests take far less
            // than 50 ms here, so the values at or above 50 ms are the censored ones, at their lower bounds.
            Histogram corrected = r.corrected();
            for (double x : new double[] {0.05, 0.1, 0.2, 0.3}) {
                long atLeast = censored - (long) Math.ceil(x * rate);
                long recorded = corrected.getCountBetweenValues(corrected.lowestEquivalentValue((long) (x * 1e6)),
                        corrected.getMaxValue());
                // (a few answered ones may join them on a machine that paused the test server)
                assertTrue(recorded >= atLeast && recorded <= atLeast + 2 * connections + 20,
                        recorded + " values >= " + x + " s, expected about " + atLeast + ": " + n);
            }
            // the longest lower bound: from the first request after the stop to the window's end
            assertEquals(censored / (double) rate, corrected.getMaxValue() / 1e6, 0.05);
        }
    }

    @Test
    void noKeepAliveOpensOneConnectionPerRequest() throws IOException {
        byte[] closing = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        try (TestServer server = TestServer.start(c -> {
            if (c.awaitRequest()) {
                c.respond(closing);
            }
        })) {
            LoadResult r = runOnTime(spec(server, 1, 2, SHORT).toBuilder().keepAlive(false).build());
            long n = count(r, Counter.REQUESTS);
            assertTrue(n > 20, "requests " + n);
            assertEveryAnswerCounted(server, r);
            assertTrue(server.accepted.get() >= n);
            assertEquals(n * closing.length, count(r, Counter.BYTES));
            assertNoErrors(r);
        }
    }

    @Test
    void openModelWithoutKeepAliveConnectsWhenEachRequestIsDue() throws IOException {
        byte[] closing = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        try (TestServer server = TestServer.start(c -> {
            if (c.awaitRequest()) {
                c.respond(closing);
            }
        })) {
            LoadResult r = runOnTime(spec(server, 1, 2, SHORT).toBuilder().keepAlive(false).rate(400).build());
            long n = count(r, Counter.REQUESTS);
            long unsent = count(r, Counter.UNSENT);
            long unanswered = count(r, Counter.UNANSWERED);
            assertEquals(200, count(r, Counter.SCHEDULED));
            assertIdentity(r);
            // as in the keep-alive case: unsent only while a connection is busy past its 5 ms interval
            assertTrue(unsent <= 4 || r.uncorrected().getValueAtPercentile(99) > 5_000, "unsent " + unsent);
            assertEveryAnswerCounted(server, r);
            // a connection per request sent (and perhaps one connect started for a request left unsent)
            assertTrue(server.accepted.get() >= n + unanswered && server.accepted.get() <= n + unanswered + 2,
                    "accepted " + server.accepted + ", " + r.counts());
            assertEquals(n + unanswered, r.lag().getTotalCount());
            assertNoErrors(r);
        }
    }

    @Test
    void pipelinedResponsesOfMixedFramingAreParsedInOrder() throws IOException {
        byte[] chunked = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nHello\r\n8;x=y\r\n, World!\r\n0\r\nX-Trailer: 1\r\n\r\n");
        byte[] empty = ascii("HTTP/1.1 204 No Content\r\n\r\n");
        // Answers only once four requests have arrived: a client that does not pipeline gets nothing.
        try (TestServer server = TestServer.start(c -> {
            while (true) {
                for (int i = 0; i < 4; i++) {
                    if (!c.awaitRequest()) {
                        return;
                    }
                }
                c.respond(HELLO);
                c.respond(chunked);
                c.respond(empty);
                c.respond(HELLO);
            }
        })) {
            LoadResult r = runOnTime(spec(server, 1, 2, SHORT).toBuilder().pipeline(4).timeout(Duration.ofMillis(300)).build());
            long n = count(r, Counter.REQUESTS);
            assertTrue(n > 40, "requests " + n);
            assertEveryAnswerCounted(server, r);
            // An answer after the window's end is not the window's (unanswered, see Counter): a batch the
            // end cuts is counted in part, on each connection, so the window holds whole batches but two.
            long batch = 2L * HELLO.length + chunked.length + empty.length;
            long bytes = count(r, Counter.BYTES);
            assertTrue(bytes >= (n / 4 - 2) * batch && bytes <= (n / 4 + 2) * batch, "bytes " + bytes + " for " + n);
            assertEquals(0, count(r, Counter.ERR_PARSE), r.counts().toString());
            // At the end the client stops sending, so the server may sit on a partial batch; a batch in
            // flight at the window's end is unanswered, whether its answers come in the grace or not.
            long tail = count(r, Counter.ERR_TIMEOUT) + count(r, Counter.UNANSWERED);
            assertTrue(tail <= 2 * 4, r.counts().toString());
            assertEquals(tail, r.counts().errors() + count(r, Counter.UNANSWERED), r.counts().toString());
        }
    }

    @Test
    void serverClosingKeepAliveConnectionsIsNoErrorAndTheyAreReopened() throws IOException {
        byte[] last = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        try (TestServer server = TestServer.start(c -> {
            for (int i = 0; i < 3 && c.awaitRequest(); i++) {
                c.respond(HELLO);
            }
            if (c.awaitRequest()) {
                c.respond(last); // like MaxKeepAliveRequests: the 4th answer closes
            }
        })) {
            LoadResult r = runOnTime(spec(server, 1, 2, SHORT));
            long n = count(r, Counter.REQUESTS);
            assertTrue(n > 40, "requests " + n);
            assertEveryAnswerCounted(server, r);
            long graceBytes = server.responseBytes.get() - count(r, Counter.BYTES); // answers after the window
            assertTrue(graceBytes >= 0 && graceBytes <= count(r, Counter.ANSWERED_IN_GRACE) * last.length,
                    graceBytes + " bytes answered after the window: " + r.counts());
            assertTrue(count(r, Counter.RECONNECTS) >= n / 4 - 2, r.counts().toString());
            assertNoErrors(r);
        }
    }

    @Test
    void serverClosingMidResponseCountsClosedErrors() throws IOException {
        try (TestServer server = TestServer.start(c -> {
            if (c.awaitRequest()) {
                c.send(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part"));
                c.close();
            }
        })) {
            LoadResult r = runOnTime(spec(server, 1, 2, SHORT));
            assertTrue(count(r, Counter.ERR_CLOSED) > 0, r.counts().toString());
            assertEquals(0, count(r, Counter.REQUESTS));
            assertTrue(r.completedNothing());
        }
    }

    @Test
    void garbageCountsParseErrors() throws IOException {
        try (TestServer server = TestServer.start(c -> {
            while (c.awaitRequest()) {
                c.send(ascii("SSH-2.0-OpenSSH\r\n\r\n"));
            }
        })) {
            LoadResult r = runOnTime(spec(server, 1, 2, SHORT));
            assertTrue(count(r, Counter.ERR_PARSE) > 0, r.counts().toString());
            assertEquals(0, count(r, Counter.REQUESTS));
        }
    }

    @Test
    void endlessHeadersAreAParseErrorNotAHang() throws IOException {
        byte[] header = ascii("X-Filler: " + "y".repeat(1000) + "\r\n");
        try (TestServer server = TestServer.start(c -> {
            if (c.awaitRequest()) {
                c.send(ascii("HTTP/1.1 200 OK\r\n"));
                while (true) {
                    c.send(header);
                }
            }
        })) {
            LoadResult r = runOnTime(spec(server, 1, 1, SHORT));
            assertTrue(count(r, Counter.ERR_PARSE) > 0, r.counts().toString());
        }
    }

    @Test
    void serverThatNeverAnswersCountsTimeoutsAndEndsOnTime() throws IOException {
        try (TestServer server = TestServer.start(c -> {
            while (c.awaitRequest()) {
                // never answer
            }
        })) {
            LoadSpec spec = spec(server, 1, 2, Duration.ofMillis(700)).toBuilder().timeout(Duration.ofMillis(200)).build();
            LoadResult r = runOnTime(spec);
            assertTrue(count(r, Counter.ERR_TIMEOUT) >= 4, r.counts().toString());
            assertEquals(0, count(r, Counter.REQUESTS));
        }
    }

    @Test
    void requestsInFlightAtTheEndAreCountedUnanswered() throws IOException {
        try (TestServer server = TestServer.start(c -> {
            while (c.awaitRequest()) {
                // never answer
            }
        })) {
            // The timeout (5 s) outlasts the grace (2 s): the requests are still in flight at the end.
            LoadResult r = runOnTime(spec(server, 1, 3, Duration.ofMillis(300)).toBuilder().timeout(Duration.ofSeconds(5)).build());
            assertEquals(3, count(r, Counter.UNANSWERED), r.counts().toString());
            assertEquals(0, count(r, Counter.ERR_TIMEOUT));
        }
    }

    @Test
    void refusedConnectsAreConnectErrors() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LoadSpec spec = LoadSpec.closed(Target.parse("http://127.0.0.1:" + port + "/"), 1, 2, Duration.ofMillis(300));
        LoadResult r = runOnTime(spec);
        assertTrue(count(r, Counter.ERR_CONNECT) > 2, r.counts().toString());
        assertTrue(r.completedNothing());
    }

    @Test
    void errorStatusesAreCountedAndStillTimed() throws IOException {
        byte[] error = ascii("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
        try (TestServer server = TestServer.answering(error)) {
            LoadResult r = runOnTime(spec(server, 1, 1, Duration.ofMillis(300)));
            long n = count(r, Counter.REQUESTS);
            assertTrue(n > 0);
            assertEquals(n, count(r, Counter.ERR_STATUS));
            assertEquals(n, r.corrected().getTotalCount());
        }
    }

    @Test
    void idleConnectionsAreHeldAndReportedWhenTheServerClosesThem() throws IOException {
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadResult r = runOnTime(spec(server, 2, 2, Duration.ofMillis(800))
                    .toBuilder().idle(20).idleInterval(Duration.ofMillis(200)).build());
            assertEquals(20, count(r, Counter.IDLE_ESTABLISHED), r.counts().toString());
            assertEquals(20, count(r, Counter.IDLE_ANSWERED));
            assertEquals(20, count(r, Counter.IDLE_HELD));
            assertEquals(0, count(r, Counter.IDLE_CLOSED) + count(r, Counter.IDLE_FAILED));
            assertEquals(0, r.counts().errors());
        }
        try (TestServer server = TestServer.start(c -> {
            if (c.awaitRequest()) {
                c.respond(HELLO);
            }
        })) {
            LoadResult r = runOnTime(spec(server, 1, 1, Duration.ofMillis(500))
                    .toBuilder().idle(10).idleInterval(Duration.ofMillis(200)).build());
            assertEquals(10, count(r, Counter.IDLE_ESTABLISHED), r.counts().toString());
            assertEquals(10, count(r, Counter.IDLE_CLOSED));
            assertEquals(0, count(r, Counter.IDLE_HELD));
        }
    }

    @Test
    void idleRatePacesTheOpensOnAFixedSchedule() throws IOException {
        try (TestServer server = TestServer.answering(HELLO)) {
            // 20 connections at 20/s: one every 50 ms, so a 600 ms window starts at most 13 of them
            LoadResult r = runOnTime(spec(server, 1, 1, Duration.ofMillis(600))
                    .toBuilder().idle(20).idleRate(20).build());
            assertEquals(20, idleClasses(r), r.counts().toString());
            assertTrue(count(r, Counter.IDLE_NOT_STARTED) >= 7, "paced: " + r.counts());
            assertTrue(count(r, Counter.IDLE_ANSWERED) >= 1, r.counts().toString());
            assertEquals(0, count(r, Counter.IDLE_CLOSED) + count(r, Counter.IDLE_FAILED), r.counts().toString());
        }
        try (TestServer server = TestServer.answering(HELLO)) { // unpaced: all of them at once
            LoadResult r = runOnTime(spec(server, 1, 1, Duration.ofMillis(600)).toBuilder().idle(20).build());
            assertEquals(0, count(r, Counter.IDLE_NOT_STARTED), r.counts().toString());
        }
    }

    @Test
    void eachIdleConnectionReSendsOnItsOwnTimeNotOnTheTimeoutScan() throws IOException {
        try (TestServer server = TestServer.answering(HELLO)) {
            // every 30 ms for 600 ms: about 20 requests per idle connection; sent only at the 100 ms
            // scan of the timeouts (as before), at most 7
            LoadResult r = runOnTime(spec(server, 1, 1, Duration.ofMillis(600)).toBuilder().rate(5)
                    .idle(10).idleInterval(Duration.ofMillis(30)).build());
            assertEquals(10, count(r, Counter.IDLE_HELD), r.counts().toString());
            long idleRequests = server.requests.get() - count(r, Counter.REQUESTS) - count(r, Counter.WARMUP_REQUESTS);
            assertTrue(idleRequests >= 10 * 9, "idle requests " + idleRequests + ", " + r.counts());
        }
    }

    /** The end classes of the idle connections, which must sum to --idle. */
    private static long idleClasses(LoadResult r) {
        long sum = 0;
        for (IdleClass k : IdleClass.values()) {
            sum += count(r, k.counter);
        }
        return sum;
    }

    @Test
    void everyIdleConnectionEndsInExactlyOneClassEvenWhenTheServerDoesNotAccept() throws IOException {
        // a listener that never accepts, with a backlog of 1: a few handshakes complete, the rest wait
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LoadSpec spec = LoadSpec.closed(Target.parse("http://127.0.0.1:" + s.getLocalPort() + "/"), 1, 1,
                    Duration.ofMillis(400)).toBuilder().timeout(Duration.ofMillis(300)).idle(150).idleInterval(Duration.ofSeconds(3)).build();
            LoadResult r = runOnTime(spec);
            assertEquals(150, idleClasses(r), r.counts().toString());
            assertTrue(count(r, Counter.IDLE_CONNECTING) > 0, r.counts().toString());
            assertTrue(count(r, Counter.IDLE_NOT_STARTED) > 0, "at most 64 connects in progress: " + r.counts());
            assertEquals(count(r, Counter.IDLE_OPEN_ANSWERED) + count(r, Counter.IDLE_OPEN_UNANSWERED),
                    count(r, Counter.IDLE_HELD));
            assertEquals(0, count(r, Counter.IDLE_OPEN_ANSWERED), "nobody answers");
        }
    }

    @Test
    void refusedIdleConnectsAreTheirOwnClass() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LoadSpec spec = LoadSpec.closed(Target.parse("http://127.0.0.1:" + port + "/"), 1, 1, Duration.ofMillis(400))
                .toBuilder().idle(30).idleInterval(Duration.ofSeconds(3)).build();
        LoadResult r = runOnTime(spec);
        assertEquals(30, count(r, Counter.IDLE_REFUSED), r.counts().toString());
        assertEquals(30, count(r, Counter.IDLE_FAILED));
        assertEquals(30, idleClasses(r));
    }

    @Test
    void rfc9112ObsFoldIsReadAndDisagreeingContentLengthsAreParseErrorsThatClose() throws IOException {
        byte[] folded = ascii("HTTP/1.1 200 OK\r\nContent-Length: 13\r\nX-Folded: first part\r\n   second part\r\n"
                + "\r\nHello, World!");
        try (TestServer server = TestServer.answering(folded)) {
            LoadResult r = runOnTime(spec(server, 1, 2, SHORT));
            assertTrue(count(r, Counter.REQUESTS) > 20, r.counts().toString());
            assertEquals(0, count(r, Counter.ERR_PARSE), r.counts().toString());
        }
        byte[] conflicting = ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 13\r\n\r\nHello, World!");
        try (TestServer server = TestServer.answering(conflicting)) {
            LoadResult r = runOnTime(spec(server, 1, 2, SHORT));
            assertEquals(0, count(r, Counter.REQUESTS), r.counts().toString());
            long parse = count(r, Counter.ERR_PARSE);
            assertTrue(parse > 5, r.counts().toString());
            // each error closed its connection: one connection accepted per error (plus the ones open at the end)
            assertTrue(server.accepted.get() >= parse, "accepted " + server.accepted + ", parse errors " + parse);
        }
    }

    @Test
    void bindSpreadsSourceAddresses() throws IOException {
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadSpec base = spec(server, 1, 4, Duration.ofMillis(300));
            LoadSpec spec = base.toBuilder()
                    .bindAddresses(List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3"))).build();
            LoadResult r = runOnTime(spec);
            assertTrue(count(r, Counter.REQUESTS) > 0);
            assertEquals(java.util.Set.of("127.0.0.2", "127.0.0.3"), server.remoteAddresses);
        }
    }
}
