package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.TestServer.HELLO;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;

/**
 * The I/O thread allocates nothing per request in the steady state (keep-alive, closed model, with the
 * state {@link ServerCloses} keeps per answer and per send): its allocated bytes, read once a second by
 * the JVM's per-thread counter, grow by less than a byte per request in the median second of the measured
 * window (after a 2 s warm-up). A per-request object of 16 bytes would show as 16.
 * On every I/O backend.
 */
@ParameterizedClass(name = "io {0}")
@EnumSource(value = IoBackend.class, names = {"NIO", "EPOLL"})
class SteadyStateAllocationTest {

    /** Each test runs on each I/O backend. */
    @Parameter
    IoBackend io;

    @BeforeEach
    void backendUsable() {
        Backends.assumeUsable(io);
    }

    @Test
    void theIoThreadAllocatesNothingPerRequestInTheSteadyState() throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<long[]> samples = new ArrayList<>(); // {requests, allocated bytes of the I/O thread}
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadSpec spec = LoadSpec.closed(Target.parse(server.url("/hello")), 1, 2, Duration.ofSeconds(5))
                    .toBuilder().pipeline(2).warmup(Duration.ofSeconds(2)).build();
            new LoadRun(Backends.on(io, spec), null, new LoadRun.Progress() {
                @Override
                public void second(double elapsedS, Counts counts, Histogram[] interval, boolean warmup) {
                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                        if (t.getName().equals("mpmbench-io-0")) {
                            samples.add(new long[] {counts.get(Counter.REQUESTS), threads.getThreadAllocatedBytes(t.threadId())});
                        }
                    }
                }
            }).run();
        }
        // getThreadAllocatedBytes is -1 once the thread has ended: such a reading would make any count pass
        samples.removeIf(x -> x[1] < 0);
        // the warm-up's seconds (no request of the window yet) compile the path: epoll's FFM calls allocate
        // until C2 has compiled them (about 4 MB in the first 2-3 s), NIO's until the selector's are
        samples.removeIf(x -> x[0] == 0);
        assertTrue(samples.size() >= 4, "samples in the window " + samples.size());
        // bytes per request in each second of the window: a per-request object shows in every second, a
        // recompilation (a few hundred KB once, on a busy machine late) in one; the median tells them apart
        List<Double> perRequest = new ArrayList<>();
        long requests = 0;
        for (int i = 1; i < samples.size(); i++) {
            long n = samples.get(i)[0] - samples.get(i - 1)[0];
            requests += n;
            perRequest.add((samples.get(i)[1] - samples.get(i - 1)[1]) / (double) Math.max(1, n));
        }
        assertTrue(requests > 1000, "requests " + requests);
        List<Double> sorted = perRequest.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        assertTrue(median < 1, "bytes per request of the I/O thread in each second of the window: " + perRequest);
    }
}
