package mpmbench.benchmarks.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The suite's short micro pass (full, or {@code --micro}): {@code MicroMain} in its own JVM (the
 * plan's java, the micro module's {@link #JAR} under the plan's root, working directory the repository root) with short settings
 * ({@link #JMH_ARGS}), writing into {@code OUT/micro-tmp}; JMH's progress lines are echoed, its whole
 * output kept in {@code micro.log}. Then jmh.csv, jmh.json and memory.csv are copied into the results
 * folder. Never fatal: it is stopped after {@link #TIMEOUT_MIN} minutes, and whatever happened goes to
 * env.csv as key {@code micro} ("ran in 212 s", "failed: ...") for report.md.
 */
public final class MicroPass {

    /**
     * Two forks, each 2 + 5 iterations of 0.5 s (Bench_03: 2 + 5 child JVM starts per fork): about 7 min on
     * 2 cores. Two forks, because what a fork lands on varies more than its iterations do (a pipe's round
     * trip read 22 µs with a thread peer in one fork and 16 in the next); ten measured iterations, because
     * JMH's 99.9 % error with three is 31.6 standard errors (Student's t, 2 degrees of freedom) and left
     * claim 5 open at 57 ± 43 µs.
     */
    public static final List<String> JMH_ARGS = List.of("-f", "2", "-wi", "2", "-i", "5", "-w", "500ms", "-r", "500ms");
    public static final int TIMEOUT_MIN = 15;
    static final List<String> FILES = List.of("jmh.csv", "jmh.json", "memory.csv");
    /** The microbenchmarks' jar, relative to the repository root (JMH's layout, built by benchmarks/micro). */
    static final String JAR = "benchmarks/micro/target/benchmarks.jar";

    private MicroPass() {
    }

    /** The command that runs the pass. */
    static List<String> command(String java, String classPath, Path tmp) {
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                "mpmbench.benchmarks.micro.MicroMain", "--out", tmp.toString()));
        cmd.addAll(JMH_ARGS);
        return cmd;
    }

    /** Runs the pass and copies its files into {@code out}; returns the status for env.csv. Never throws. */
    public static String run(SuitePlan plan, Path out, PrintStream err) {
        return run(command(plan.java(), plan.root().resolve(JAR).toString(), out.resolve("micro-tmp")), plan.root(),
                out, err, TimeUnit.MINUTES.toMillis(TIMEOUT_MIN));
    }

    static String run(List<String> cmd, Path workDir, Path out, PrintStream err, long timeoutMs) {
        long start = System.nanoTime();
        Path tmp = out.resolve("micro-tmp");
        err.println("mpmbench suite: micro pass (at most " + timeoutMs / 60_000 + " min): " + String.join(" ", cmd.subList(3, cmd.size())));
        Process p;
        try {
            Files.createDirectories(tmp);
            p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException | RuntimeException e) {
            return report(err, "failed: did not start: " + e.getMessage());
        }
        Thread echo = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 Writer log = Files.newBufferedWriter(out.resolve("micro.log"), StandardCharsets.UTF_8)) {
                String bench = "";
                for (String line; (line = r.readLine()) != null; ) {
                    log.write(line + "\n");
                    if (line.startsWith("# Benchmark: ")) {
                        bench = line.substring(line.lastIndexOf('.', line.lastIndexOf('.') - 1) + 1);
                    } else if (line.startsWith("# Parameters: ")) {
                        bench += " " + line.substring("# Parameters: ".length());
                    } else if (line.startsWith("# Run progress: ")) {
                        err.println("micro " + line.substring("# Run progress: ".length()) + "  next: " + bench);
                        bench = "";
                    } else if (line.startsWith("mpmbench micro:") || line.contains("ERROR")) {
                        err.println("micro " + line);
                    }
                }
            } catch (IOException e) {
                // the log is best effort; the exit status decides
            }
        });
        try {
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return report(err, "failed: stopped after " + timeoutMs / 1000 + " s (see micro.log)");
            }
            echo.join(5000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return report(err, "failed: interrupted");
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        if (p.exitValue() != 0) {
            return report(err, "failed: MicroMain exited with " + p.exitValue() + " after " + seconds + " s (see micro.log)");
        }
        List<String> copied = new ArrayList<>();
        try {
            for (String f : FILES) {
                if (Files.exists(tmp.resolve(f))) {
                    Files.copy(tmp.resolve(f), out.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                    copied.add(f);
                }
            }
        } catch (IOException e) {
            return report(err, "failed: could not copy its files: " + e.getMessage());
        }
        if (!copied.contains("jmh.csv")) {
            return report(err, "failed: MicroMain wrote no jmh.csv (see micro.log)");
        }
        deleteTmp(tmp);
        return report(err, "ran in " + seconds + " s (" + String.join(" ", JMH_ARGS) + "), " + String.join(", ", copied));
    }

    private static String report(PrintStream err, String status) {
        err.println("mpmbench suite: micro pass " + status);
        return status;
    }

    private static void deleteTmp(Path tmp) {
        try (var walk = Files.walk(tmp)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // left in the results folder; harmless
        }
    }
}
