package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Starting a native child process: {@code /bin/true} started with {@link ProcessBuilder} and waited
 * for, stdio discarded.
 *
 * <p>Isolates the operating system's part of "a process per unit of work": on Linux the JDK spawns
 * through {@code posix_spawn} of its {@code jspawnhelper}, which then {@code exec}s the program, so
 * this is fork/exec, the dynamic loader, exit and reaping, with nothing of the JVM's own start-up.
 * httpd's prefork pays only a fork (no exec); a Java child pays this plus a JVM start
 * (Bench_03_ChildJvmStart).
 *
 * <p>Reading: µs from {@code start()} to the exit status, against {@link Bench_01_ThreadStart}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Bench_02_ProcessStart {

    private static final ProcessBuilder TRUE = new ProcessBuilder("/bin/true")
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);

    @Benchmark
    public int binTrue() throws IOException, InterruptedException {
        return TRUE.start().waitFor();
    }
}
