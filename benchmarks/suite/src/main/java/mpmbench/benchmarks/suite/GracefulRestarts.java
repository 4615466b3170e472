package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The graceful restarts of one {@code graceful-restart} cell, from threads of their own so the load
 * generator's progress is read meanwhile: {@link #start()} at the beginning of the measured window,
 * then restart {@code k} (from 0) is asked for {@code 1 s + k × spacing} later, through the target's
 * own control command ({@link RunningTarget#gracefulCommand()}).
 *
 * <p>When a restart happened, as a wall-clock instant: {@code mpmbench ctl} prints "done in N ms"
 * measured from just before it signalled the master (it waits until a child of the new generation is
 * ready), so its instant is its exit less N ms; {@code apache2 -k graceful} and {@code nginx -s reload}
 * exit right after they signalled, so theirs is their exit. Our {@code ctl} is a JVM: its start costs
 * the machine a few hundred ms of CPU that the peers' commands do not.
 */
final class GracefulRestarts {

    /** The longest one control command may take. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CTL_DONE = Pattern.compile("done in (\\d+) ms");

    /**
     * One restart asked for.
     *
     * @param atEpochMs  when the target was signalled, epoch ms
     * @param commandMs  how long the control command ran, ms (ours: until the new generation was ready)
     * @param exitCode   the command's exit status (-1: it did not finish in time or could not start)
     * @param output     its output, trimmed
     */
    record Restart(long atEpochMs, long commandMs, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final List<String> command;
    private final int count;
    private final Duration spacing;
    private final Restart[] done;
    private final List<Thread> commands = new ArrayList<>();
    /** The control commands started and not yet reaped: their CPU is the cell's, not someone else's. */
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private Thread scheduler;

    GracefulRestarts(List<String> command, int count, Duration spacing) {
        this.command = List.copyOf(command);
        this.count = count;
        this.spacing = spacing;
        this.done = new Restart[count];
    }

    /**
     * Starts the schedule now (the measured window's start); later calls do nothing. Each command is
     * started at its time whether the one before has returned or not: ours returns only once a child
     * of the new generation is ready, which may take longer than the spacing, and the restarts must
     * fall inside the measured window.
     */
    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        long t0 = System.nanoTime();
        scheduler = Thread.ofPlatform().daemon().name("graceful-restarts").start(() -> {
            for (int k = 0; k < count; k++) {
                long due = t0 + TimeUnit.SECONDS.toNanos(1) + spacing.toNanos() * k;
                try {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                int index = k;
                Thread t = Thread.ofPlatform().daemon().name("graceful-restart-" + (k + 1))
                        .start(() -> {
                            Restart r = restartOnce(command, running);
                            synchronized (done) {
                                done[index] = r;
                            }
                        });
                synchronized (commands) {
                    commands.add(t);
                }
            }
        });
    }

    /**
     * Stops asking for more restarts, waits for the commands still running (each at most the command
     * timeout) and returns the restarts asked for, in order.
     */
    List<Restart> finish() throws InterruptedException {
        Thread s;
        synchronized (this) {
            s = scheduler;
        }
        if (s == null) {
            return List.of();
        }
        s.interrupt(); // a wait for the next restart is cut short
        s.join();
        List<Thread> started;
        synchronized (commands) {
            started = List.copyOf(commands);
        }
        for (Thread t : started) {
            t.join(COMMAND_TIMEOUT.toMillis() + 5_000);
        }
        List<Restart> out = new ArrayList<>();
        synchronized (done) {
            for (Restart r : done) {
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * The CPU the control commands still running have used so far, with their descendants, ns (0 when
     * none runs). One that has exited and been reaped counts in this JVM's {@code cutime} instead.
     */
    long runningCpuNs() {
        long ns = 0;
        for (Process p : running) {
            ProcessHandle h = p.toHandle();
            ns += cpuNs(h) + h.descendants().mapToLong(GracefulRestarts::cpuNs).sum();
        }
        return ns;
    }

    private static long cpuNs(ProcessHandle h) {
        return h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Runs the control command once and times it. */
    static Restart restartOnce(List<String> command) {
        return restartOnce(command, ConcurrentHashMap.newKeySet());
    }

    /** Runs the control command once and times it, in {@code running} while it runs. */
    private static Restart restartOnce(List<String> command, Set<Process> running) {
        long start = System.currentTimeMillis();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            running.add(p);
            try {
                return awaitCommand(command, p, start);
            } finally {
                running.remove(p);
            }
        } catch (IOException e) {
            long end = System.currentTimeMillis();
            return new Restart(end, end - start, -1, "cannot run " + command.getFirst() + ": " + e.getMessage());
        }
    }

    private static Restart awaitCommand(List<String> command, Process p, long start) throws IOException {
        try {
            boolean finished;
            try {
                finished = p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                finished = p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Thread.currentThread().interrupt();
            }
            long end = System.currentTimeMillis();
            if (!finished) {
                p.destroyForcibly();
                return new Restart(end, end - start, -1, "did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return new Restart(signalledAt(out, end), end - start, p.exitValue(), out);
        } catch (InterruptedException e) {
            long end = System.currentTimeMillis();
            Thread.currentThread().interrupt();
            return new Restart(end, end - start, -1, "interrupted while " + command.getFirst() + " ran");
        }
    }

    /** The instant the target was signalled: ctl's exit less its "done in N ms", else the command's exit. */
    static long signalledAt(String output, long exitEpochMs) {
        Matcher m = CTL_DONE.matcher(output);
        return m.find() ? exitEpochMs - Long.parseLong(m.group(1)) : exitEpochMs;
    }
}
