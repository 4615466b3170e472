package mpmbench.loadgen.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time this process (every thread: I/O, JIT compiler, GC, reporter) has used, in seconds, from
 * Linux's {@code /proc/self/stat} ({@code utime}, {@code stime}; clock ticks of 10 ms, USER_HZ = 100).
 * Read twice per run, never on the I/O threads.
 *
 * @param userS user time, s ({@code NaN} when unknown: not Linux)
 * @param sysS  system time, s ({@code NaN} when unknown)
 */
public record ProcessCpu(double userS, double sysS) {

    private static final Path STAT = Path.of("/proc/self/stat");
    private static final double TICK_S = 0.01;

    /** Unknown (not measured). */
    public static final ProcessCpu UNKNOWN = new ProcessCpu(Double.NaN, Double.NaN);

    /** The process's CPU time so far, or {@link #UNKNOWN}. */
    public static ProcessCpu now() {
        try {
            String s = Files.readString(STAT);
            // pid (comm) state ppid ... : comm may hold spaces, so count from the last ')'
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new ProcessCpu(Long.parseLong(f[11]) * TICK_S, Long.parseLong(f[12]) * TICK_S);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** The CPU time used from {@code earlier} to this one. */
    public ProcessCpu since(ProcessCpu earlier) {
        return new ProcessCpu(userS - earlier.userS, sysS - earlier.sysS);
    }

    /** User + system, s. */
    public double totalS() {
        return userS + sysS;
    }

    public boolean known() {
        return !Double.isNaN(userS);
    }
}
