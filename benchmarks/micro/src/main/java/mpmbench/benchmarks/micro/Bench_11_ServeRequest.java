package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import mpmbench.server.config.Mpm;
import mpmbench.server.handler.Router;
import mpmbench.server.http.ConnectionObserver;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.ConnectionTimeouts;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.Outcome;
import mpmbench.server.http.StatusPage;
import mpmbench.server.http.request.HttpLimits;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.WorkerSlotObserver;

/**
 * One {@code GET /hello} served by the server's connection loop ({@link Http1Connection} with the
 * real {@link Router}), in memory: the request arrives in one read on a kept-alive connection, is
 * parsed, routed, the response head is encoded (status line, Date, Server, Last-Modified, ETag,
 * Content-Length, Content-Type) with its 13-byte body into the write buffer and written in one call,
 * then the connection finds nothing more to read and parks (Outcome.IDLE), as under the event model.
 *
 * <p>Isolates the CPU a request costs in the server's own code, independent of the model and of the
 * kernel: the request-parsing share is {@link Bench_10_RequestParse}; what is left is routing and the
 * response encoder (which is package-private to the server, so it is measured on this path).
 * {@code observer}: {@code none}, or {@code scoreboard}, the {@link WorkerSlotObserver} every worker
 * thread uses (four slot writes per request, see {@link Bench_12_ScoreboardUpdate}).
 *
 * <p>Reading: ns per request and, with {@code -prof gc}, B/op, which should be about 0 (the server
 * allocates nothing per /hello request in the steady state).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Bench_11_ServeRequest {

    @Param({"wrk", "browser"})
    public String request;

    @Param({"none", "scoreboard"})
    public String observer;

    private final Http1Connection connection = new Http1Connection(HttpLimits.DEFAULTS,
            new ConnectionTimeouts(true, 5_000, 0, 60_000), new Router(StatusPage.NONE));
    private final ConnectionState state = new ConnectionState(true);
    private OneRequestIo io;
    private ConnectionObserver connectionObserver;
    private Outcome last;
    private SharedScoreboard board;
    private Path boardFile;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        io = new OneRequestIo(Bench_10_RequestParse.request(request));
        if ("scoreboard".equals(observer)) {
            boardFile = Files.createTempFile("mpmbench-micro-", ".scoreboard");
            board = SharedScoreboard.create(boardFile, 1, 1, Mpm.WORKER.ordinal(), ProcessHandle.current().pid());
            connectionObserver = new WorkerSlotObserver(board, 0, 0);
        } else {
            connectionObserver = ConnectionObserver.NONE;
        }
    }

    @Benchmark
    public Outcome serveOne() {
        io.arm();
        last = connection.serve(io, connectionObserver, state);
        return last;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (last != Outcome.IDLE || io.written() == 0) {
            throw new IllegalStateException("the connection closed or wrote nothing: the benchmark is broken");
        }
        if (board != null) {
            board.delete();
        }
    }
}
