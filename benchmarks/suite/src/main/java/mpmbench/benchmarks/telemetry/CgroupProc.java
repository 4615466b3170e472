package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.util.List;

/**
 * A target in a {@link TargetCgroup} of its own, read on this machine: CPU (and the group's memory
 * charge and task count) from the kernel's counters of the group, everything else (PSS from
 * smaps_rollup, RSS, threads, fds, context switches) summed over the group's member list
 * ({@code cgroup.procs}, the authoritative list of the tree's processes) by {@link ProcReader}.
 *
 * <p>When the group has no member (the target could not enter it: {@link TargetCgroup#wrap}'s write
 * failed) or its counters cannot be read, the sample is the /proc method's over the tree of
 * {@code root} ({@link CpuMethod#PROC}), so a reading always says where its CPU came from.
 *
 * <p>Threading: as {@link ProcReader}, callable from any thread.
 */
public final class CgroupProc implements TargetProc {

    private final TargetCgroup group;
    private final ProcReader proc;
    private final TcpTable tcp;

    public CgroupProc(TargetCgroup group, ProcReader proc, TcpTable tcp) {
        this.group = group;
        this.proc = proc;
        this.tcp = tcp;
    }

    /** The group on this machine's /proc. */
    public static CgroupProc local(TargetCgroup group) {
        return new CgroupProc(group, ProcReader.system(), TcpTable.system());
    }

    @Override
    public TreeSample sample(int root, long epochMs) {
        TargetCgroup.Reading g;
        try {
            g = group.read();
        } catch (IOException | RuntimeException e) {
            return proc.sample(root, epochMs);
        }
        if (g.members().isEmpty()) {
            return proc.sample(root, epochMs);
        }
        List<ProcessReading> readings = proc.readAll(g.members());
        TreeSample s = ProcessReading.sum(root, epochMs, readings);
        return new TreeSample(epochMs, s.processes(), s.threads(), s.rssKb(), s.pssKb(), g.cpuNs(),
                g.userNs() >= 0 ? g.userNs() : s.userNs(), s.voluntaryCtx(), s.involuntaryCtx(), s.runDelayNs(), s.fds(),
                group.method(), g.memoryBytes(), g.tasks(), s.livePids());
    }

    @Override
    public int established(int port) {
        return tcp.established(port);
    }
}
