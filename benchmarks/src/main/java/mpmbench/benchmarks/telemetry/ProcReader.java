package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a {@link TreeSample} of a process tree from a {@code /proc} directory (the real one, or a
 * fixture in tests). A process that exits while it is read is skipped.
 */
public final class ProcReader {

    private final Path proc;

    public ProcReader(Path proc) {
        this.proc = proc;
    }

    public static ProcReader system() {
        return new ProcReader(Path.of("/proc"));
    }

    /** The tree rooted at {@code root} now; {@link TreeSample#EMPTY} (with the time) when it is gone. */
    public TreeSample sample(int root, long epochMs) {
        List<ProcessReading> readings = new ArrayList<>();
        for (int pid : ProcessTree.of(proc, root)) {
            Path dir = proc.resolve(Integer.toString(pid));
            try {
                ProcFiles.Stat stat = ProcFiles.parseStat(Files.readString(dir.resolve("stat")));
                ProcFiles.Status status = ProcFiles.parseStatus(Files.readString(dir.resolve("status")));
                long[] ctx = threadCtxSwitches(dir, status);
                readings.add(new ProcessReading(stat, status, readPss(dir), ctx[0], ctx[1], countFds(dir)));
            } catch (IOException | RuntimeException gone) {
                // exited between the listing and the read
            }
        }
        return ProcessReading.sum(root, epochMs, readings);
    }

    /**
     * Voluntary and involuntary context switches summed over the process's threads
     * ({@code /proc/PID/status} counts the main thread only); the main thread's when the task list
     * cannot be read.
     */
    private static long[] threadCtxSwitches(Path dir, ProcFiles.Status main) {
        long[] sum = new long[2];
        try (Stream<Path> tasks = Files.list(dir.resolve("task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    ProcFiles.Status s = ProcFiles.parseStatus(Files.readString(t.resolve("status")));
                    sum[0] += s.voluntaryCtxSwitches();
                    sum[1] += s.involuntaryCtxSwitches();
                } catch (IOException gone) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return new long[] {main.voluntaryCtxSwitches(), main.involuntaryCtxSwitches()};
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
