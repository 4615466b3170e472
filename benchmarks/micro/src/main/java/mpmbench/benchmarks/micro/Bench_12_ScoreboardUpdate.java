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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import mpmbench.server.config.Mpm;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.WorkerSlotObserver;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * What the scoreboard adds to each request: the writes a worker thread makes to its own slot of the
 * mapped scoreboard file ({@link SharedScoreboard}, release stores on a MemorySegment), uncontended.
 * <ul>
 *   <li>{@code statusWrite}: one status change ({@code setWorkerStatus}).</li>
 *   <li>{@code perRequest}: the whole sequence {@link WorkerSlotObserver} makes for one kept-alive
 *       request: READING, WRITING, the request and byte counters, KEEPALIVE.</li>
 * </ul>
 *
 * <p>Reading: ns per operation; next to {@link Bench_11_ServeRequest} it tells whether the
 * scoreboard is a measurable share of a request (it should not be: a few ns against hundreds).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Bench_12_ScoreboardUpdate {

    private Path file;
    private SharedScoreboard board;
    private WorkerSlotObserver slot;
    private int flip;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : System.getProperty("java.io.tmpdir"));
        file = Files.createTempFile(dir, "mpmbench-micro-", ".scoreboard");
        board = SharedScoreboard.create(file, 4, 25, Mpm.WORKER.ordinal(), ProcessHandle.current().pid());
        slot = new WorkerSlotObserver(board, 1, 7);
    }

    @Benchmark
    public int statusWrite() {
        flip ^= 1;
        board.setWorkerStatus(1, 7, flip == 0 ? WorkerStatus.READING : WorkerStatus.WRITING);
        return flip;
    }

    @Benchmark
    public long perRequest() {
        slot.reading();
        slot.writing();
        slot.requestDone(245);
        slot.keepAlive();
        return board.workerRequests(1, 7);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        board.delete();
    }
}
