package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time and load average at one instant, from {@code /proc/stat}'s aggregate
 * {@code cpu} line (all CPUs together, cumulative since boot, clock ticks of {@code USER_HZ}) and
 * {@code /proc/loadavg}. Two readings give a window's busy, steal and total CPU time
 * ({@link #since}), from which the suite judges whether the machine was disturbed:
 * {@code steal_pct = stealNs / totalNs · 100},
 * {@code other_cpu_pct = (busyNs − target − generator) / wallNs · 100} (of one CPU).
 *
 * <p>Busy is the time the CPUs were <em>not</em> idle, waiting for I/O or stolen: CPUs × wall time
 * less those. The busy fields themselves ({@code user}, {@code system}…) are not used: with tick
 * accounting ({@code CONFIG_TICK_CPU_ACCOUNTING}, the common kernel) they are sampled at the timer
 * tick, and a tickless idle CPU that wakes thousands of times a second is sampled mostly while awake.
 * Measured here, a target core serving 4,000 req/s read 547 busy ticks beside 332 idle ones in a
 * 600-tick window, while idle, which the kernel counts exactly on a tickless CPU, was right: busy from
 * the busy fields made half a core of "other" CPU out of nothing.
 *
 * <p>Fields in clock ticks as the kernel prints them (proc(5)); {@code guest} and {@code guest_nice}
 * are left out because the kernel already counts them in {@code user} and {@code nice}.
 * Immutable; {@link #read} is safe from any thread.
 *
 * @param user     ticks in user mode
 * @param nice     ticks in user mode at low priority
 * @param system   ticks in kernel mode
 * @param idle     ticks idle
 * @param iowait   ticks idle waiting for I/O
 * @param irq      ticks serving interrupts
 * @param softirq  ticks serving softirqs
 * @param steal    ticks the hypervisor ran something else while this machine wanted to run
 * @param cpus     CPUs online (the {@code cpuN} lines)
 * @param load1    1-minute load average
 * @param load5    5-minute load average
 * @param load15   15-minute load average
 * @param nanoTime {@link System#nanoTime()} when read (ns; only differences mean anything)
 */
public record MachineCpu(long user, long nice, long system, long idle, long iowait, long irq, long softirq,
                         long steal, int cpus, double load1, double load5, double load15, long nanoTime) {

    /**
     * What the machine's CPUs did between two readings, ns summed over all CPUs.
     *
     * @param busyNs  totalNs less idle, iowait and steal (at least 0)
     * @param stealNs steal
     * @param totalNs wallNs × CPUs
     * @param wallNs  time between the readings
     */
    public record Interval(long busyNs, long stealNs, long totalNs, long wallNs) {

        /** Steal in % of all CPU time; NaN over an empty interval. */
        public double stealPct() {
            return totalNs > 0 ? stealNs * 100.0 / totalNs : Double.NaN;
        }
    }

    /** This machine's, now; throws with one line when /proc cannot be read. */
    public static MachineCpu read() throws IOException {
        long now = System.nanoTime();
        try {
            return parse(Files.readString(Path.of("/proc/stat")), Files.readString(Path.of("/proc/loadavg")), now);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read /proc/stat or /proc/loadavg (" + e.getMessage() + ")");
        }
    }

    /**
     * From the files' text. Fields missing on old kernels (steal before 2.6.11 and the like) read 0.
     *
     * @throws IllegalArgumentException when there is no aggregate {@code cpu} line
     */
    public static MachineCpu parse(String procStat, String loadavg, long nanoTime) {
        long[] f = new long[8];
        boolean found = false;
        int cpus = 0;
        for (String line : procStat.split("\n")) {
            String[] w = line.trim().split(" +");
            if (w.length > 1 && w[0].equals("cpu")) {
                for (int i = 0; i < f.length && i + 1 < w.length; i++) {
                    f[i] = Long.parseLong(w[i + 1]);
                }
                found = true;
            } else if (w.length > 1 && w[0].startsWith("cpu")) {
                cpus++;
            }
        }
        if (!found || cpus == 0) {
            throw new IllegalArgumentException("no aggregate cpu line or no cpuN line in /proc/stat");
        }
        String[] l = loadavg.trim().split(" +");
        return new MachineCpu(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], cpus, Double.parseDouble(l[0]),
                Double.parseDouble(l[1]), Double.parseDouble(l[2]), nanoTime);
    }

    /** Ticks the CPUs were not working for this machine: idle + iowait + steal. */
    public long notBusyTicks() {
        return idle + iowait + steal;
    }

    /** The interval from {@code earlier} to this reading (busy from the wall time, see the class). */
    public Interval since(MachineCpu earlier) {
        long wallNs = nanoTime - earlier.nanoTime;
        long totalNs = wallNs * cpus;
        long notBusyNs = (notBusyTicks() - earlier.notBusyTicks()) * TreeSample.NS_PER_TICK;
        return new Interval(Math.max(0, totalNs - notBusyNs), (steal - earlier.steal) * TreeSample.NS_PER_TICK,
                totalNs, wallNs);
    }
}
