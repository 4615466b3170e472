/**
 * Telemetry of a target and of the machine it runs on, read once a second and at a window's ends.
 *
 * <p>A target's process tree ({@link mpmbench.benchmarks.telemetry.TreeSample}): CPU in ns, RSS and
 * PSS (smaps_rollup), threads, voluntary and involuntary context switches (summed over threads), live
 * processes and open file descriptors. Its CPU comes from one of three places, recorded with every
 * reading ({@link mpmbench.benchmarks.telemetry.CpuMethod}, summary.csv's {@code cpu_method}):
 * <ul>
 *   <li>{@code cgroup-v2} / {@code cgroup-v1}: the target runs in a cgroup of its own
 *       ({@link mpmbench.benchmarks.telemetry.TargetCgroup}, entered before it execs), and the kernel's
 *       counters of the group give its CPU, exited children counted once; the group's member list is
 *       the tree for everything else ({@link mpmbench.benchmarks.telemetry.CgroupProc});
 *   <li>{@code proc}: no group could be made (not root, no delegation, another host): the tree by
 *       parent PID from {@code /proc}, CPU = every live or zombie member's own and reaped children's
 *       time ({@link mpmbench.benchmarks.telemetry.ProcessReading#sum}), on this machine
 *       ({@link mpmbench.benchmarks.telemetry.ProcReader}) or over ssh
 *       ({@link mpmbench.benchmarks.telemetry.RemoteProc}).
 * </ul>
 *
 * <p>The machine ({@link mpmbench.benchmarks.telemetry.MachineCpu}): busy, steal and total CPU time and
 * the load average, from {@code /proc/stat} and {@code /proc/loadavg}, for the suite's "disturbed" rule.
 *
 * <p>Parsers work on text alone ({@link mpmbench.benchmarks.telemetry.ProcFiles},
 * {@link mpmbench.benchmarks.telemetry.CgroupFiles}) and are tested on real files under
 * src/test/resources/proc.
 *
 * <p>May use: the JDK and the load generator's ssh client ({@code mpmbench.loadgen.agent.Ssh}) only; never
 * the runner that calls it (module suite).
 */
package mpmbench.benchmarks.telemetry;
