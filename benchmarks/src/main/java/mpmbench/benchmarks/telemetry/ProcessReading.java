package mpmbench.benchmarks.telemetry;

import java.util.List;

/**
 * What the sampler reads of one process ({@code /proc/PID/stat}, {@code status},
 * {@code smaps_rollup}, its threads' {@code status} and its {@code fd} folder), wherever it was read.
 *
 * @param stat           its stat line
 * @param status         its status file (the main thread's context switches)
 * @param pssKb          {@code Pss:} of smaps_rollup, kB (0 when unreadable)
 * @param voluntaryCtx   voluntary context switches summed over its threads (the main thread's when
 *                       the task list cannot be read)
 * @param involuntaryCtx the same for involuntary ones
 * @param fds            open file descriptors (0 when the fd folder cannot be read)
 */
public record ProcessReading(ProcFiles.Stat stat, ProcFiles.Status status, long pssKb, long voluntaryCtx,
                             long involuntaryCtx, int fds) {

    /**
     * The tree's sample: every reading summed; CPU includes the reaped children of {@code root} only
     * (the others' reaped children are in the tree already, or were).
     */
    public static TreeSample sum(int root, long epochMs, List<ProcessReading> readings) {
        int threads = 0;
        int fds = 0;
        long rss = 0;
        long pss = 0;
        long cpu = 0;
        long user = 0;
        long vol = 0;
        long invol = 0;
        for (ProcessReading r : readings) {
            threads += r.status().threads();
            rss += r.status().rssKb();
            pss += r.pssKb();
            user += r.stat().utimeTicks();
            cpu += r.stat().utimeTicks() + r.stat().stimeTicks();
            if (r.stat().pid() == root) {
                user += r.stat().cutimeTicks();
                cpu += r.stat().cutimeTicks() + r.stat().cstimeTicks();
            }
            vol += r.voluntaryCtx();
            invol += r.involuntaryCtx();
            fds += r.fds();
        }
        return new TreeSample(epochMs, readings.size(), threads, rss, pss, cpu, user, vol, invol, fds);
    }
}
