package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a {@link TreeSample} of a process tree from a {@code /proc} directory (the real one, or a
 * fixture in tests): the {@link CpuMethod#PROC} method, and the per-process files (PSS, RSS, threads,
 * fds, context switches) of a cgroup's members for {@link CgroupProc}. Stateless: callable from any
 * thread. An unreadable file reads as nothing (0), never an exception.
 */
public final class ProcReader {

    /** Reads of a tree whose members keep vanishing while it is read (a fork storm) before one is taken as it is. */
    static final int ATTEMPTS = 3;

    private final Path proc;

    public ProcReader(Path proc) {
        this.proc = proc;
    }

    public static ProcReader system() {
        return new ProcReader(Path.of("/proc"));
    }

    /**
     * The tree rooted at {@code root} now, zombies included for CPU ({@link ProcessReading#sum});
     * {@link TreeSample#EMPTY} (with the time) when it is gone.
     *
     * <p>Members are read parents first ({@link ProcessTree#members} order), so a child reaped while the
     * tree is read is never counted twice (its own stat and its reaper's {@code cutime}); it could be
     * missed (reaped after its parent was read, before itself), and then the whole tree is read again,
     * up to {@value #ATTEMPTS} times. Missing a long-lived child would take its whole life's CPU out of
     * a window's end.
     */
    public TreeSample sample(int root, long epochMs) {
        List<ProcessReading> readings = List.of();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Integer> members = ProcessTree.members(proc, root);
            readings = readAll(members);
            if (readings.size() == members.size()) {
                break; // no member vanished between the listing and its read
            }
        }
        return ProcessReading.sum(root, epochMs, readings);
    }

    /**
     * The readings of {@code pids} (a cgroup's member list, or a tree), in that order. A process gone
     * before its stat was read is left out; one that exits after it keeps its CPU with nothing else
     * (it counts as exited, like a zombie).
     */
    public List<ProcessReading> readAll(List<Integer> pids) {
        List<ProcessReading> readings = new ArrayList<>();
        for (int pid : pids) {
            ProcessReading r = read(pid);
            if (r != null) {
                readings.add(r);
            }
        }
        return readings;
    }

    /** One process's reading, or {@code null} when it is gone (or its stat unreadable). */
    private ProcessReading read(int pid) {
        Path dir = proc.resolve(Integer.toString(pid));
        ProcFiles.Stat stat;
        try {
            stat = ProcFiles.parseStat(Files.readString(dir.resolve("stat")));
        } catch (IOException | RuntimeException gone) {
            return null; // exited before it was read
        }
        if (stat.state() == 'Z') {
            return ProcessReading.exited(stat);
        }
        try {
            ProcFiles.Status status = ProcFiles.parseStatus(Files.readString(dir.resolve("status")));
            long[] ctx = threadCounts(dir, status);
            return new ProcessReading(stat, status, readPss(dir), ctx[0], ctx[1], ctx[2], countFds(dir));
        } catch (IOException | RuntimeException gone) {
            // exited between its stat and its status: its CPU as read stays (its reaper may have been
            // read before it reaped it), the rest is gone with it
            return ProcessReading.exited(stat);
        }
    }

    /**
     * Voluntary and involuntary context switches and the run-queue wait in ns, summed over the
     * process's threads ({@code /proc/PID/status} counts the main thread only); the main thread's
     * switches and no wait (-1) when the task list cannot be read.
     */
    private static long[] threadCounts(Path dir, ProcFiles.Status main) {
        long[] sum = new long[3];
        try (Stream<Path> tasks = Files.list(dir.resolve("task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                ProcFiles.Status s;
                try {
                    s = ProcFiles.parseStatus(Files.readString(t.resolve("status")));
                } catch (IOException gone) {
                    continue; // the thread ended
                }
                sum[0] += s.voluntaryCtxSwitches();
                sum[1] += s.involuntaryCtxSwitches();
                long delay;
                try {
                    delay = ProcFiles.parseRunDelayNs(Files.readString(t.resolve("schedstat")));
                } catch (IOException e) {
                    delay = -1; // no schedstat in this kernel, or the thread ended just now: not known
                }
                sum[2] = sum[2] < 0 || delay < 0 ? -1 : sum[2] + delay;
            }
        } catch (IOException e) {
            return new long[] {main.voluntaryCtxSwitches(), main.involuntaryCtxSwitches(), -1};
        }
        return sum;
    }

    private static long readPss(Path dir) {
        try {
            return ProcFiles.parsePssKb(Files.readString(dir.resolve("smaps_rollup")));
        } catch (IOException e) {
            return 0;
        }
    }

    private static int countFds(Path dir) {
        try (Stream<Path> s = Files.list(dir.resolve("fd"))) {
            return (int) s.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
