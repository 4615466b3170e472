package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.results.Status;
import mpmbench.benchmarks.telemetry.MachineCpu;
import mpmbench.benchmarks.telemetry.ProcFiles;
import mpmbench.benchmarks.telemetry.TreeSample;

/**
 * What else the machine did during a measured window: its steal time ({@code steal_pct}, % of all
 * CPU time: the hypervisor ran someone else while this guest wanted to run) and the CPU every process
 * other than the measured ones used ({@code other_cpu_pct}, % of one core): the machine's busy time
 * ({@code /proc/stat}) less the target's (its cgroup or tree), the load generator's (its own account
 * of the window), the idle or trickling holder's and this suite JVM's with the children it reaped in
 * the window (a control command, reaped or still running), all read from the kernel. Beyond {@link Schemas#DISTURBED_STEAL_PCT} or
 * {@link Schemas#DISTURBED_OTHER_CPU_PCT} the row is {@code disturbed}: its numbers are the machine's
 * as much as the target's. Marks are taken on the load generator's reader thread at its window lines.
 */
final class WindowDisturbance {

    /**
     * A reading at one end of the window; {@code machine} null when /proc/stat could not be read.
     *
     * @param suiteCpuNs      this JVM's own CPU and the control commands still running, ns
     * @param reapedCpuNs     the CPU of the children this JVM reaped ({@code cutime + cstime}), ns: control
     *                        commands that ended, and a load generator that ended its window by exiting (wrk)
     * @param holderCpuNs     the idle or trickling holder's CPU, ns
     * @param generatorReaped the load generator's process had exited and been reaped when
     *                        {@code reapedCpuNs} was read, so its CPU is in it
     */
    record Mark(MachineCpu machine, long suiteCpuNs, long reapedCpuNs, long holderCpuNs, boolean generatorReaped) {

        /**
         * The machine, this JVM, the children it reaped and the control commands still running
         * ({@code restarts} null: none), the holder (null: none) and whether the load generator
         * ({@code generator} null: not started) has been reaped, now.
         */
        static Mark now(Process holder, GracefulRestarts restarts, Process generator) {
            MachineCpu m;
            try {
                m = MachineCpu.read();
            } catch (IOException e) {
                m = null;
            }
            long running = restarts == null ? 0 : restarts.runningCpuNs();
            long holderNs = holder == null ? 0 : cpuNs(holder.toHandle());
            // Process.isAlive() turns false once the JDK's waitpid has returned, after the kernel moved
            // the child's CPU into ours: read until the generator's state is the same on both sides
            // of the reading, so that the flag says which side of the reaping the reading fell on.
            for (int attempt = 0; ; attempt++) {
                boolean reapedBefore = generator != null && !generator.isAlive();
                ProcFiles.Stat st;
                try {
                    st = ProcFiles.parseStat(Files.readString(Path.of("/proc/self/stat")));
                } catch (IOException | RuntimeException e) {
                    return new Mark(m, cpuNs(ProcessHandle.current()) + running, 0, holderNs, false);
                }
                boolean reapedAfter = generator != null && !generator.isAlive();
                if (reapedBefore == reapedAfter || attempt == 2) {
                    return new Mark(m, (st.utimeTicks() + st.stimeTicks()) * TreeSample.NS_PER_TICK + running,
                            (st.cutimeTicks() + st.cstimeTicks()) * TreeSample.NS_PER_TICK, holderNs, reapedAfter);
                }
            }
        }

        private static long cpuNs(ProcessHandle p) {
            return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }

    private WindowDisturbance() {
    }

    /**
     * How far below zero {@code other_cpu_pct}'s remainder may fall from rounding alone, ns (beyond
     * it the share is not measured, see {@link #put}): the
     * readings in whole clock ticks at both ends of the window: /proc/stat's idle, iowait and steal of
     * each CPU, this JVM's four fields (utime, stime, cutime, cstime) and the holder's two.
     */
    static long tickSlackNs(int cpus) {
        return 2 * TreeSample.NS_PER_TICK * (3L * Math.max(1, cpus) + 4 + 2);
    }

    /**
     * Puts {@code steal_pct} and {@code other_cpu_pct} into the row, and makes a measured row
     * {@code disturbed} (its earlier status and reason kept in the reason) when either passes its
     * threshold. Nothing when a mark is missing.
     *
     * @param targetCpuNs    the target's CPU over the window on this machine (0 when it runs elsewhere), ns
     * @param generatorCpuNs the load generator's CPU over its window on this machine, ns
     * @param suiteInTarget  this JVM is one of the target's processes (a {@code url=} target whose
     *                       {@code pid=} is the suite's, as its tests do): the target's CPU then holds
     *                       the suite's, and that of its children (the load generator, the holder), once
     */
    static void put(Row.Builder row, Mark start, Mark end, double targetCpuNs, double generatorCpuNs,
                    boolean suiteInTarget) {
        put(row, start, end, targetCpuNs, generatorCpuNs, suiteInTarget, false);
    }

    /**
     * As above; with {@code duet} (a row of {@code suite --duet}, {@link DuetInstances}) a busy window is said in
     * the reason but the row keeps its status: the two builds shared that window, so whatever else ran slowed
     * both, and their ratio, the only figure a duet row is judged by, stands (the prototype's A/A ratio held
     * its 0.05 sd at a load average of 14-30, results/duet-2026-12-06).
     */
    static void put(Row.Builder row, Mark start, Mark end, double targetCpuNs, double generatorCpuNs,
                    boolean suiteInTarget, boolean duet) {
        if (start == null || end == null || start.machine() == null || end.machine() == null) {
            return;
        }
        MachineCpu.Interval i = end.machine().since(start.machine());
        if (i.wallNs() <= 0) {
            return;
        }
        // The generator's CPU is counted once: when it was reaped inside the window (wrk ends its window
        // by exiting, and the JDK reaps it at once), this JVM's reaped children hold it, beside the
        // control commands that ended; else its own account gives it.
        double reaped = end.reapedCpuNs() - start.reapedCpuNs();
        boolean generatorInReaped = end.generatorReaped() && !start.generatorReaped();
        double ours = suiteInTarget ? nz(targetCpuNs) : nz(targetCpuNs) + reaped + (generatorInReaped ? 0 : nz(generatorCpuNs))
                + (end.suiteCpuNs() - start.suiteCpuNs()) + (end.holderCpuNs() - start.holderCpuNs());
        double remainder = i.busyNs() - ours;
        double steal = i.stealPct();
        row.put("steal_pct", steal);
        if (remainder < -tickSlackNs(end.machine().cpus())) {
            // The measured processes used more CPU than the machine says it was busy: not rounding
            // (whole ticks), so something was counted twice (as wrk was, once by its own account and
            // once as this JVM's reaped child, before the Mark knew). Neither 0 (no disturbance: not
            // known) nor the negative share (not a number of anything) is written; the target's own
            // figures, from its cgroup or tree, stand.
            row.put("other_cpu_pct", Double.NaN);
            String note = String.format(Locale.ROOT, "other processes' CPU not measured: /proc/stat's busy time "
                    + "fell %.0f ms short of the CPU of the target, the load generator and the suite", -remainder / 1e6);
            row.put("reason", row.get("reason").isEmpty() ? note : row.get("reason") + "; " + note);
            return;
        }
        // Whole ticks at both ends make a small negative remainder rounding: 0.
        double other = Math.max(0, remainder) * 100.0 / i.wallNs();
        row.put("other_cpu_pct", other);
        Status status = Status.of(row.get("status"));
        if (!status.measured() || status == Status.INVALID) {
            return;
        }
        if ((steal > Schemas.DISTURBED_STEAL_PCT || other > Schemas.DISTURBED_OTHER_CPU_PCT) && duet) {
            String note = String.format(Locale.ROOT, "the machine was busy with other work in the window (steal %.1f %%, "
                    + "other processes %.0f %% of a core), not marked disturbed: the duet's two builds shared it", steal, other);
            row.put("reason", row.get("reason").isEmpty() ? note : row.get("reason") + "; " + note);
            return;
        }
        if (steal > Schemas.DISTURBED_STEAL_PCT || other > Schemas.DISTURBED_OTHER_CPU_PCT) {
            String was = status == Status.OK ? "" : "; was " + status.text()
                    + (row.get("reason").isEmpty() ? "" : ": " + row.get("reason"));
            row.put("status", Status.DISTURBED.text()).put("reason", String.format(Locale.ROOT,
                    "the machine was busy with other work in the window: steal %.1f %% of its CPU time (limit %.0f), "
                            + "other processes %.0f %% of a core (limit %.0f)", steal, Schemas.DISTURBED_STEAL_PCT,
                    other, Schemas.DISTURBED_OTHER_CPU_PCT) + was);
        }
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
