package mpmbench.benchmarks.telemetry;

/**
 * Where a reading's CPU time came from, written as summary.csv's {@code cpu_method} column
 * ({@link #label()}).
 */
public enum CpuMethod {
    /** The target's own cgroup on the unified hierarchy: {@code cpu.stat}'s {@code usage_usec}. */
    CGROUP_V2("cgroup-v2"),
    /** The target's own cgroup in the v1 {@code cpuacct} hierarchy: {@code cpuacct.usage} (ns). */
    CGROUP_V1("cgroup-v1"),
    /** The tree's {@code /proc/PID/stat} files: every member's own and reaped children's ticks. */
    PROC("proc");

    private final String label;

    CpuMethod(String label) {
        this.label = label;
    }

    /** The column's value: {@code cgroup-v2}, {@code cgroup-v1} or {@code proc}. */
    public String label() {
        return label;
    }
}
