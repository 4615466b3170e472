package mpmbench.server.it;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.engine.LoadRun;
import mpmbench.loadgen.http.Target;

/**
 * The project's load generator running on a thread of the test while the test restarts, kills or
 * stops the server: back-to-back runs of {@link #SEGMENT} each (the generator has a fixed duration)
 * until {@link #stop()}, their counts summed. Between two runs the connections are closed and opened
 * again, a few milliseconds without load; failures are counted in every run, warm-up and grace
 * included. The request timeout is the project's one ({@link LoadSpec#DEFAULT_TIMEOUT}), the suite's
 * and {@code scripts/measure-ops}'s too.
 */
final class BackgroundLoad {

    static final Duration SEGMENT = Duration.ofSeconds(5);

    private final LoadSpec spec;
    private final CompletableFuture<Counts> total = new CompletableFuture<>();
    private volatile boolean stopping;
    private volatile long requests;
    private volatile long segments;

    private BackgroundLoad(LoadSpec spec) {
        this.spec = spec;
        Thread.ofPlatform().name("background-load").daemon().start(this::run);
    }

    /** Closed model, keep-alive, one I/O thread, {@code connections} connections on {@code path}. */
    static BackgroundLoad closed(int port, String path, int connections) {
        return new BackgroundLoad(LoadSpec.closed(Target.parse("http://127.0.0.1:" + port + path), 1, connections,
                SEGMENT));
    }

    /** Open model at {@code rate} requests/s, a new connection per request ({@code Connection: close}). */
    static BackgroundLoad openWithoutKeepAlive(int port, String path, int connections, double rate) {
        return new BackgroundLoad(LoadSpec.closed(Target.parse("http://127.0.0.1:" + port + path), 1, connections,
                SEGMENT).toBuilder().keepAlive(false).rate(rate).build());
    }

    private void run() {
        Counts sum = Counts.zero();
        try {
            while (!stopping) {
                LoadResult r = LoadRun.run(spec);
                sum = sum.plus(r.counts());
                requests = sum.get(Counter.REQUESTS);
                segments++;
            }
            total.complete(sum);
        } catch (IOException | RuntimeException e) {
            total.completeExceptionally(e);
        }
    }

    /** Requests answered so far (updated after each run). */
    long requestsSoFar() {
        return requests;
    }

    /** Ends the load after the run under way; returns the summed counts. */
    Counts stop() throws Exception {
        stopping = true;
        return total.get(SEGMENT.toSeconds() + 15, TimeUnit.SECONDS);
    }

    /**
     * Failed requests: every error counter (refused, reset, closed mid-answer, timed out, bad status),
     * the warm-up's too; the requests a segment left sent and still unanswered when its grace ended
     * (the grace is the timeout: they waited as long as a timed-out one; one answered within it was
     * answered, as a longer segment would have seen); and, in the open model, the requests due but
     * never sent beyond one per connection per segment. At a segment's end a connection with a request
     * in flight may have one more due (the boundary, not the server); more than that means the server
     * stopped taking connections or answering (recycling stalled ~950 of 2,250 before its successor
     * started first). A segment's end is no excuse for more, or restarts timed to fall there would hide.
     * Call after {@link #stop()}.
     */
    long failed(Counts c) {
        long unsentAllowed = segments * spec.connections();
        return c.errors() + c.get(Counter.WARMUP_ERRORS) + c.get(Counter.UNANSWERED) - c.get(Counter.ANSWERED_IN_GRACE)
                + Math.max(0, c.get(Counter.UNSENT) - unsentAllowed);
    }
}
