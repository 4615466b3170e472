package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.TestServer.HELLO;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;

/**
 * The I/O thread allocates nothing per request in the steady state (keep-alive, closed model, with the
 * state {@link ServerCloses} keeps per answer and per send): its allocated bytes, read once a second by
 * the JVM's per-thread counter, grow by less than a byte per request between the second and the last
 * second of a run. A per-request object of 16 bytes would show as 16.
 */
class SteadyStateAllocationTest {

    @Test
    void theIoThreadAllocatesNothingPerRequestInTheSteadyState() throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<long[]> samples = new ArrayList<>(); // {requests, allocated bytes of the I/O thread}
        try (TestServer server = TestServer.answering(HELLO)) {
            LoadSpec spec = LoadSpec.closed(Target.parse(server.url("/hello")), 1, 2, Duration.ofSeconds(3))
                    .toBuilder().pipeline(2).build();
            new LoadRun(spec, null, new LoadRun.Progress() {
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
        assertTrue(samples.size() >= 2, "samples " + samples.size());
        long[] first = samples.getFirst();
        long[] last = samples.getLast();
        long requests = last[0] - first[0];
        long bytes = last[1] - first[1];
        assertTrue(requests > 1000, "requests " + requests);
        assertTrue(bytes < requests, bytes + " bytes allocated by the I/O thread for " + requests + " requests");
    }
}
