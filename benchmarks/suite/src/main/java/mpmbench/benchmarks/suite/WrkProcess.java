package mpmbench.benchmarks.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One wrk process of {@link WrkRun}: started, its standard output read line by line (the measured
 * window's instants told as they are printed), bounded in time, its output kept in the cell's console
 * file and its summary parsed ({@link WrkSummary}). Called from the suite's thread; the window's
 * callbacks come from the reader thread.
 */
final class WrkProcess {

    private WrkProcess() {
    }

    /** The measured window's two instants, told from the thread reading wrk's output. */
    interface Window {
        /** wrk's process started (before the window). */
        default void spawned(Process wrk) {
        }

        void started();

        void ended();
    }

    /** One wrk run: its exit code, its summary (null when it printed none) and the last lines of its stderr or why. */
    record Ran(int exit, WrkSummary summary, String stderrTail) {
        LoadgenRun.Outcome failed(List<LoadgenRun.Second> seconds) {
            return new LoadgenRun.Outcome(Map.of(), List.copyOf(seconds), exit, "wrk: " + stderrTail);
        }
    }

    static Ran run(List<String> cmd, Path console, Duration limit, Window window)
            throws IOException, InterruptedException {
        return run(cmd, console, limit, window, false);
    }

    /**
     * Runs wrk, its output appended to {@code console} after the command line, at most {@code limit}.
     * With a {@code window}: {@code lineBuffered}, it is told the window started at wrk's "Running"
     * line and ended at the first line after its "threads and connections" one; else at the process's
     * start and end.
     */
    static Ran run(List<String> cmd, Path console, Duration limit, Window window, boolean lineBuffered)
            throws IOException, InterruptedException {
        Files.writeString(console, "$ " + String.join(" ", cmd) + "\n", StandardOpenOption.APPEND);
        Path err = Files.createTempFile(console.getParent(), "wrk", ".err");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        } catch (IOException e) {
            Files.deleteIfExists(err);
            return new Ran(-1, null, "cannot start: " + e.getMessage());
        }
        if (window != null) {
            window.spawned(p);
        }
        if (window != null && !lineBuffered) {
            window.started();
        }
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().name("wrk-stdout").start(() -> {
            boolean started = false;
            boolean ended = false;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (window != null && lineBuffered) {
                        if (!started && line.startsWith("Running ")) {
                            started = true;
                            window.started();
                        } else if (started && !ended && !line.contains(" threads and ")) {
                            ended = true;
                            window.ended();
                        }
                    }
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // wrk went away
            }
            if (window != null && lineBuffered && started && !ended) {
                window.ended();
            }
        });
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(err);
            throw new IOException("wrk did not finish within " + limit.toSeconds() + " s");
        }
        reader.join(5_000);
        if (window != null && !lineBuffered) {
            window.ended();
        }
        String stdout;
        synchronized (out) {
            stdout = out.toString();
        }
        List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        Files.writeString(console, stdout + String.join("\n", errLines) + (errLines.isEmpty() ? "" : "\n"),
                StandardOpenOption.APPEND);
        String tail = String.join(" | ", errLines.subList(Math.max(0, errLines.size() - 3), errLines.size()));
        try {
            return new Ran(p.exitValue(), WrkSummary.parse(stdout), tail);
        } catch (IllegalArgumentException e) {
            return new Ran(p.exitValue(), null, "exit " + p.exitValue() + ", " + e.getMessage()
                    + (tail.isEmpty() ? "" : ": " + tail));
        }
    }
}
