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
 * @param load1    1-minute load average
 * @param load5    5-minute load average
 * @param load15   15-minute load average
 * @param nanoTime {@link System#nanoTime()} when read (ns; only differences mean anything)
 */
public record MachineCpu(long user, long nice, long system, long idle, long iowait, long irq, long softirq,
                         long steal, double load1, double load5, double load15, long nanoTime) {

    /**
     * What the machine's CPUs did between two readings, ns summed over all CPUs.
     *
     * @param busyNs  user + nice + system + irq + softirq (steal, idle and iowait are not the machine working)
     * @param stealNs steal
     * @param totalNs every field (about wallNs × CPUs)
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
        for (String line : procStat.split("\n")) {
            String[] w = line.trim().split(" +");
            if (w.length > 1 && w[0].equals("cpu")) {
                for (int i = 0; i < f.length && i + 1 < w.length; i++) {
                    f[i] = Long.parseLong(w[i + 1]);
                }
                found = true;
                break;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no aggregate cpu line in /proc/stat");
        }
        String[] l = loadavg.trim().split(" +");
        return new MachineCpu(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], Double.parseDouble(l[0]),
                Double.parseDouble(l[1]), Double.parseDouble(l[2]), nanoTime);
    }

    /** Busy ticks: user + nice + system + irq + softirq. */
    public long busyTicks() {
        return user + nice + system + irq + softirq;
    }

    /** All ticks: busy + idle + iowait + steal. */
    public long totalTicks() {
        return busyTicks() + idle + iowait + steal;
    }

    /** The interval from {@code earlier} to this reading. */
    public Interval since(MachineCpu earlier) {
        return new Interval((busyTicks() - earlier.busyTicks()) * TreeSample.NS_PER_TICK,
                (steal - earlier.steal) * TreeSample.NS_PER_TICK,
                (totalTicks() - earlier.totalTicks()) * TreeSample.NS_PER_TICK, nanoTime - earlier.nanoTime);
    }
}
