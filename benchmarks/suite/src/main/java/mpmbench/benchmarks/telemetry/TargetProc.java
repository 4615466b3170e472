package mpmbench.benchmarks.telemetry;

/**
 * Where a target's processes and sockets are read: this machine's {@code /proc}
 * ({@link #local()}), or another host's over one ssh session ({@link RemoteProc}). Both read the same
 * files and sum them the same way ({@link ProcessReading#sum}); a target in a cgroup of its own is read
 * through it ({@link #inCgroup}).
 */
public interface TargetProc {

    /** The tree rooted at {@code root} now; {@link TreeSample#EMPTY}'s zeros (with the time) when it is gone or unreadable. */
    TreeSample sample(int root, long epochMs);

    /** Established TCP connections whose local port is {@code port} (the server's side of each); 0 when unreadable. */
    int established(int port);

    /**
     * A target the suite placed in a cgroup of its own, on this machine: CPU from the group's counters
     * ({@link CgroupProc}); falls back to {@link #local()}'s reading when the group holds nothing.
     */
    static TargetProc inCgroup(TargetCgroup group) {
        return CgroupProc.local(group);
    }

    /** This machine's {@code /proc}. */
    static TargetProc local() {
        ProcReader reader = ProcReader.system();
        TcpTable tcp = TcpTable.system();
        return new TargetProc() {
            @Override
            public TreeSample sample(int root, long epochMs) {
                return reader.sample(root, epochMs);
            }

            @Override
            public int established(int port) {
                return tcp.established(port);
            }
        };
    }
}
