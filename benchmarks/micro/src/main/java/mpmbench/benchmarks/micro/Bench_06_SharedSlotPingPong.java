package mpmbench.benchmarks.micro;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

/**
 * Ping-pong through shared memory, with nobody ever blocked in the kernel: the benchmark thread
 * writes a number into a mapped slot (release) and spins until the peer, spinning on that slot
 * (acquire), writes it back into another. This is how the scoreboard carries state between the
 * master and its children. See {@link SharedSlot} for the layout and the spin/yield policy.
 *
 * <p>The peer ({@code peer}) is a platform thread of this JVM, or a helper JVM ({@code SharedSlot}'s
 * main, started like a server child with ChildJvmOptions' defaults) mapping the same file in
 * /dev/shm. With no wake-up involved, a round trip is two cache-line transfers between cores: the
 * process boundary should cost (almost) nothing here, unlike in {@link Bench_05_PipePingPong}.
 * Both sides keep a core busy: on 2 cores that is the whole machine while it runs.
 *
 * <p>Reading: ns per round trip. Against Bench_05 it separates what a process switch costs (the
 * kernel wake-up) from what sharing data between processes costs (nothing more than between threads).
 *
 * <p>Also run in SampleTime mode: on a loaded machine a switch sometimes waits a whole scheduler time
 * slice, which drags the average far from the typical case; the sampled median ({@code p0.50}) shows
 * the typical round trip, the upper percentiles how often the wait happens.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Bench_06_SharedSlotPingPong {

    @Param({"thread", "process"})
    public String peer;

    private Path file;
    private SharedSlot slot;
    private SharedSlot echoSide;
    private Thread echo;
    private Process helper;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : System.getProperty("java.io.tmpdir"));
        file = Files.createTempFile(dir, "mpmbench-micro-", ".slot");
        slot = new SharedSlot(file);
        if ("process".equals(peer)) {
            helper = HelperProcess.start(SharedSlot.class, file.toString());
            String line = new BufferedReader(new InputStreamReader(helper.getInputStream())).readLine();
            if (!"ready".equals(line)) {
                throw new IOException("shared-slot helper did not start: " + line);
            }
        } else {
            echoSide = new SharedSlot(file);
            echo = Thread.ofPlatform().daemon().name("slot-echo").start(echoSide::echoUntilStopped);
        }
    }

    @Benchmark
    public long roundTrip() {
        return slot.ping();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        slot.stopEcho();
        if (helper != null) {
            if (!helper.waitFor(5, TimeUnit.SECONDS)) {
                helper.destroyForcibly();
            }
        } else {
            echo.join(5_000);
            echoSide.close();
        }
        slot.close();
        Files.deleteIfExists(file);
    }
}
