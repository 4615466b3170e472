package mpmbench.benchmarks.telemetry;

/**
 * One reading of a target's whole process tree, summed over its processes. CPU in clock ticks
 * (including the reaped children the root has waited for), memory in kB.
 *
 * @param epochMs    when it was taken
 * @param processes  live processes in the tree (root included)
 * @param threads    threads over all of them
 * @param rssKb      resident set, summed (counts shared pages once per process)
 * @param pssKb      proportional set, summed (shared pages divided among their sharers)
 * @param cpuTicks   user + system ticks
 * @param userTicks  user ticks
 * @param voluntaryCtx   voluntary context switches, summed
 * @param involuntaryCtx involuntary context switches, summed
 * @param fds        open file descriptors, summed
 */
public record TreeSample(long epochMs, int processes, int threads, long rssKb, long pssKb, long cpuTicks,
                         long userTicks, long voluntaryCtx, long involuntaryCtx, int fds) {

    public static final TreeSample EMPTY = new TreeSample(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double rssMb() {
        return rssKb / 1024.0;
    }

    public double pssMb() {
        return pssKb / 1024.0;
    }

    public long ctxSwitches() {
        return voluntaryCtx + involuntaryCtx;
    }

    /** CPU time in µs between this sample and an earlier one. */
    public double cpuUsSince(TreeSample earlier) {
        return (cpuTicks - earlier.cpuTicks) * 1e6 / ProcFiles.TICKS_PER_SECOND;
    }
}
