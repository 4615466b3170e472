package mpmbench.benchmarks.telemetry;

import java.util.List;

/**
 * One reading of a target's whole process tree, summed over its processes. CPU in ns (with the
 * exited children, counted once: see {@link CpuMethod}); memory in kB, except the cgroup's own
 * charge in bytes. Immutable.
 *
 * @param epochMs        when it was taken
 * @param processes      live processes in the tree (root included; zombies not)
 * @param threads        threads over all of them
 * @param rssKb          resident set, summed (counts shared pages once per process)
 * @param pssKb          proportional set, summed from smaps_rollup (shared pages divided among sharers)
 * @param cpuNs          user + system CPU time, ns, cumulative since the tree started: only
 *                       differences of two samples of the same method mean anything
 * @param userNs         its user part, ns (from the cgroup when it says, else from /proc)
 * @param voluntaryCtx   voluntary context switches, summed over live members' threads
 * @param involuntaryCtx involuntary context switches, summed
 * @param runDelayNs     ns the live members' threads spent runnable waiting for a CPU (the kernel's
 *                       {@code run_delay}, {@code /proc/PID/task/TID/schedstat}), summed, cumulative
 *                       since each thread started; -1 when not read
 * @param fds            open file descriptors, summed
 * @param cpuMethod      where {@code cpuNs} came from
 * @param cgroupMemoryBytes the group's memory charge ({@code memory.current}, v1
 *                       {@code memory.usage_in_bytes}: page cache and kernel memory included), bytes;
 *                       -1 when not read (the /proc method, or no memory controller)
 * @param cgroupTasks    the group's tasks (threads) by the kernel ({@code pids.current}); -1 when not read
 * @param livePids       the live members' PIDs, ascending (zombies not): context switches are per live
 *                       thread, and an exited process takes its counts with it (the kernel keeps no
 *                       cumulative count for reaped children, as it does for CPU), so two samples'
 *                       switches compare only over the same processes ({@link #ctxSwitchesSince})
 */
public record TreeSample(long epochMs, int processes, int threads, long rssKb, long pssKb, long cpuNs,
                         long userNs, long voluntaryCtx, long involuntaryCtx, long runDelayNs, int fds, CpuMethod cpuMethod,
                         long cgroupMemoryBytes, int cgroupTasks, List<Integer> livePids) {

    public TreeSample {
        livePids = List.copyOf(livePids);
    }

    public static final TreeSample EMPTY = new TreeSample(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** ns per clock tick of {@code /proc/PID/stat} ({@code USER_HZ}). */
    public static final long NS_PER_TICK = 1_000_000_000L / ProcFiles.TICKS_PER_SECOND;

    /**
     * The /proc method's sample from clock ticks, the unit of {@code /proc/PID/stat} (the shape callers
     * written before ns used).
     */
    public TreeSample(long epochMs, int processes, int threads, long rssKb, long pssKb, long cpuTicks,
                      long userTicks, long voluntaryCtx, long involuntaryCtx, int fds) {
        this(epochMs, processes, threads, rssKb, pssKb, cpuTicks * NS_PER_TICK, userTicks * NS_PER_TICK,
                voluntaryCtx, involuntaryCtx, -1, fds, CpuMethod.PROC, -1, -1, List.of());
    }

    /** CPU in clock ticks (rounded down from ns), for callers written before ns. */
    public long cpuTicks() {
        return cpuNs / NS_PER_TICK;
    }

    /** User CPU in clock ticks (rounded down from ns). */
    public long userTicks() {
        return userNs / NS_PER_TICK;
    }

    public double rssMb() {
        return rssKb / 1024.0;
    }

    public double pssMb() {
        return pssKb / 1024.0;
    }

    public long ctxSwitches() {
        return voluntaryCtx + involuntaryCtx;
    }

    /** CPU time in ns between this sample and an earlier one. */
    public long cpuNsSince(TreeSample earlier) {
        return cpuNs - earlier.cpuNs;
    }

    /**
     * Context switches between this sample and an earlier one of the same live processes and as many
     * threads; NaN when either changed (a process or thread that exited took its counts, one that
     * started brought counts from before: the difference would be a wrong number, possibly negative).
     */
    public double ctxSwitchesSince(TreeSample earlier) {
        return sameTasks(earlier) ? ctxSwitches() - earlier.ctxSwitches() : Double.NaN;
    }

    /**
     * ns the target's threads waited for a CPU between this sample and an earlier one, under the same
     * rule as {@link #ctxSwitchesSince}; NaN when it changed or either was not read.
     */
    public double runDelayNsSince(TreeSample earlier) {
        return sameTasks(earlier) && runDelayNs >= 0 && earlier.runDelayNs >= 0
                ? runDelayNs - earlier.runDelayNs : Double.NaN;
    }

    /**
     * The same live processes with as many threads: the per-thread counts of the two samples are
     * then those of the same threads (a thread that ends while another starts in one process is not
     * seen).
     */
    private boolean sameTasks(TreeSample earlier) {
        return livePids.equals(earlier.livePids) && threads == earlier.threads;
    }

    /** CPU time in µs between this sample and an earlier one. */
    public double cpuUsSince(TreeSample earlier) {
        return cpuNsSince(earlier) / 1e3;
    }
}
