package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Linux perf over one measured window, on the CPUs the target may use: {@code perf record} samples
 * every CPU of the list at {@link #FREQUENCY_HZ} (the target's processes are picked out afterwards by
 * PID, {@link PerfReport}), and {@code perf stat} counts system calls ({@code raw_syscalls:sys_enter})
 * and context switches on the same CPUs. Both are stopped with SIGINT, which makes perf write what it
 * has. The JIT-compiled Java frames get their names from {@code /tmp/perf-PID.map}, which
 * {@link #writeJitMaps} asks each JVM of the target for ({@code jcmd PID Compiler.perfmap}) before the
 * target stops.
 *
 * <p>Costs the target much: every system call passes the tracepoint, and on a guest without
 * hardware counters every sample is a timer interrupt that unwinds a call chain. Measured on the
 * 2-vCPU guest of 2026-12-06 (hello, 16 connections, wrk): CPU per request 1.25× (java-worker) to
 * 1.7× (nginx) the same targets' without perf. So a profiled run gives shares, counts per request
 * and the top symbols; its req/s and CPU per request are compared only with profiled runs. Needs perf ({@code linux-perf}) and either root or
 * {@code kernel.perf_event_paranoid} ≤ -1 for tracepoints on every CPU: {@link #unavailable} says why
 * not in one line. Used by one cell's thread.
 */
public final class PerfWindow {

    /** Samples per second per CPU: a prime, so the sampling does not beat with a periodic timer. */
    public static final int FREQUENCY_HZ = 997;

    /** The events {@code perf stat} counts, in the order its CSV lines come. */
    public static final List<String> STAT_EVENTS = List.of("raw_syscalls:sys_enter", "context-switches", "task-clock");

    private final Process record;
    private final Process stat;
    private boolean stopped;

    private PerfWindow(Process record, Process stat) {
        this.record = record;
        this.stat = stat;
    }

    /**
     * Why perf cannot profile here (one line naming what is missing), or null when it can: it runs
     * {@code perf stat} on the syscall tracepoint for an instant.
     */
    public static String unavailable() {
        try {
            Process p = new ProcessBuilder("perf", "stat", "-a", "-e", STAT_EVENTS.getFirst(), "--", "true")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                String first = out.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + p.exitValue());
                return "perf cannot count system calls on every CPU here (" + first.strip() + "): run as root, or "
                        + "set kernel.perf_event_paranoid to -1";
            }
            return null;
        } catch (IOException e) {
            return "perf is not installed (apt-get install linux-perf)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while trying perf";
        }
    }

    /**
     * Starts both perf processes on {@code cpus} (perf's list, e.g. {@code 0} or {@code 0-1}; null:
     * every CPU), writing {@code data} (perf record's file) and {@code stat} (perf stat's CSV).
     */
    public static PerfWindow start(String cpus, Path data, Path stat) throws IOException {
        List<String> where = cpus == null ? List.of("-a") : List.of("-a", "-C", cpus);
        List<String> rec = new ArrayList<>(List.of("perf", "record", "-q", "-F", Integer.toString(FREQUENCY_HZ), "-g"));
        rec.addAll(where);
        rec.addAll(List.of("-o", data.toString()));
        List<String> st = new ArrayList<>(List.of("perf", "stat", "-x", ",", "-e", String.join(",", STAT_EVENTS)));
        st.addAll(where);
        st.addAll(List.of("-o", stat.toString()));
        Process r = new ProcessBuilder(rec).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Process s;
        try {
            s = new ProcessBuilder(st).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            r.destroyForcibly();
            throw e;
        }
        return new PerfWindow(r, s);
    }

    /** Stops both with SIGINT and waits for them to write their files (at most 30 s, then killed); once. */
    public void stop() throws InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        for (Process p : List.of(stat, record)) {
            interrupt(p);
        }
        for (Process p : List.of(stat, record)) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static void interrupt(Process p) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            p.destroy();
        }
    }

    /**
     * Asks each Java process among {@code pids} for its JIT map ({@code /tmp/perf-PID.map}) with the
     * JDK's {@code jcmd} next to {@code java}; a process that is not a JVM (httpd, nginx) or has gone
     * is skipped. At most {@code timeout} in all.
     */
    public static void writeJitMaps(List<Integer> pids, Path java, Duration timeout) throws InterruptedException {
        Path jcmd = java.resolveSibling("jcmd");
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int pid : pids) {
            if (!isJava(pid)) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Process p = new ProcessBuilder(jcmd.toString(), Integer.toString(pid), "Compiler.perfmap")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                // jcmd missing or the JVM gone: its frames stay unnamed, the report says "unnamed JIT code"
            }
        }
    }

    private static boolean isJava(int pid) {
        try {
            String exe = Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "exe")).getFileName().toString();
            return exe.equals("java");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
