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
 * @param runDelayNs     ns its threads spent runnable waiting for a CPU ({@code schedstat}'s run_delay),
 *                       summed over its threads; -1 when not read
 * @param fds            open file descriptors (0 when the fd folder cannot be read)
 */
public record ProcessReading(ProcFiles.Stat stat, ProcFiles.Status status, long pssKb, long voluntaryCtx,
                             long involuntaryCtx, long runDelayNs, int fds) {

    /**
     * The tree's sample by the /proc method. CPU counts every process of the tree once, whatever
     * state it is in when sampled (proc(5), and the kernel's {@code wait_task_zombie}, which adds a
     * reaped child's {@code utime + cutime} to its reaper's {@code cutime}):
     * <ul>
     *   <li>live or zombie (exited, not yet reaped): its own {@code utime + stime} (a zombie keeps them);
     *   <li>reaped by a member: inside that member's {@code cutime + cstime}, recursively (a child
     *       reaped by a grandchild is in the grandchild's, which is in its reaper's once it is reaped);
     * </ul>
     * so CPU = Σ over live and zombie members of {@code utime + stime + cutime + cstime}. A zombie's
     * {@code cutime} counts too: it holds the children it reaped before it exited, and moves into its
     * reaper's {@code cutime} only when it is reaped itself. Lost: a process reaped outside the tree
     * (an orphan re-parented to init). Zombies count for CPU only, not for processes, threads or
     * anything else.
     *
     * @param root     the tree's root (kept for the callers; every member is summed alike)
     * @param readings the members, zombies included
     */
    public static TreeSample sum(int root, long epochMs, List<ProcessReading> readings) {
        int processes = 0;
        int threads = 0;
        int fds = 0;
        long rss = 0;
        long pss = 0;
        long cpu = 0;
        long user = 0;
        long vol = 0;
        long invol = 0;
        long runDelay = 0;
        List<Integer> pids = new java.util.ArrayList<>();
        for (ProcessReading r : readings) {
            ProcFiles.Stat st = r.stat();
            user += st.utimeTicks() + st.cutimeTicks();
            cpu += st.utimeTicks() + st.stimeTicks() + st.cutimeTicks() + st.cstimeTicks();
            if (st.state() == 'Z') {
                continue;
            }
            processes++;
            pids.add(st.pid());
            threads += r.status().threads();
            rss += r.status().rssKb();
            pss += r.pssKb();
            vol += r.voluntaryCtx();
            invol += r.involuntaryCtx();
            runDelay = runDelay < 0 || r.runDelayNs() < 0 ? -1 : runDelay + r.runDelayNs();
            fds += r.fds();
        }
        pids.sort(null);
        return new TreeSample(epochMs, processes, threads, rss, pss, cpu * TreeSample.NS_PER_TICK,
                user * TreeSample.NS_PER_TICK, vol, invol, runDelay, fds, CpuMethod.PROC, -1, -1, pids);
    }

    /**
     * A process that had exited when it was read (a zombie, or gone after its stat was read): its CPU
     * counts, nothing else does. Its state reads {@code 'Z'}.
     */
    public static ProcessReading exited(ProcFiles.Stat stat) {
        ProcFiles.Stat z = new ProcFiles.Stat(stat.pid(), 'Z', stat.ppid(), stat.utimeTicks(), stat.stimeTicks(),
                stat.cutimeTicks(), stat.cstimeTicks());
        return new ProcessReading(z, new ProcFiles.Status(0, 0, 0, 0), 0, 0, 0, 0, 0);
    }
}
