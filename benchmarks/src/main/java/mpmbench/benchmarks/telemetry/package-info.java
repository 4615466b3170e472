/**
 * Process telemetry from Linux's /proc: the target's process tree (by parent PID) summed once a
 * second — RSS and PSS (smaps_rollup), CPU user and system time (clock ticks), threads, voluntary
 * and involuntary context switches (summed over threads), processes and open file descriptors.
 */
package mpmbench.benchmarks.telemetry;
