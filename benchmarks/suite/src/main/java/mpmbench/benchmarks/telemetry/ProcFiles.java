package mpmbench.benchmarks.telemetry;

import java.util.List;

/**
 * Parsers of the Linux {@code /proc/PID/*} files the sampler reads, working on the files' text alone
 * so they are tested on fixtures. Units are stated per field: memory in kB as the kernel prints it,
 * CPU time in clock ticks ({@code USER_HZ}, 100 on Linux).
 */
public final class ProcFiles {

    /** Linux's {@code USER_HZ}: clock ticks per second in {@code /proc/PID/stat}. */
    public static final int TICKS_PER_SECOND = 100;

    private ProcFiles() {
    }

    /** The fields of {@code /proc/PID/stat} the sampler uses. CPU fields in clock ticks. */
    public record Stat(int pid, char state, int ppid, long utimeTicks, long stimeTicks,
                       long cutimeTicks, long cstimeTicks) {
    }

    /**
     * Parses {@code /proc/PID/stat}. The command name (field 2) may hold spaces and parentheses, so the
     * fields after it are found from the last {@code ')'}.
     */
    public static Stat parseStat(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + text);
        }
        int pid = Integer.parseInt(text.substring(0, open).trim());
        String[] f = text.substring(close + 2).trim().split(" +");
        // f[0] is field 3 (state): field n is f[n - 3].
        return new Stat(pid, f[0].charAt(0), Integer.parseInt(f[1]), Long.parseLong(f[11]),
                Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]));
    }

    /** The fields of {@code /proc/PID/status} the sampler uses. */
    public record Status(long rssKb, int threads, long voluntaryCtxSwitches, long involuntaryCtxSwitches) {
    }

    /** Parses {@code /proc/PID/status}; a missing field (a zombie has no VmRSS) reads 0. */
    public static Status parseStatus(String text) {
        return new Status(field(text, "VmRSS:"), (int) field(text, "Threads:"),
                field(text, "voluntary_ctxt_switches:"), field(text, "nonvoluntary_ctxt_switches:"));
    }

    /**
     * The second field of a thread's {@code /proc/PID/task/TID/schedstat} ({@code run_delay}): ns it
     * spent runnable on a run queue, waiting for a CPU, since it started; -1 when the line is not
     * that file's (a kernel without {@code CONFIG_SCHED_INFO} has no such file).
     */
    public static long parseRunDelayNs(String schedstat) {
        String[] f = schedstat.trim().split(" ");
        if (f.length != 3) {
            return -1;
        }
        try {
            Long.parseLong(f[0]);
            Long.parseLong(f[2]);
            return Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The {@code Pss:} line of {@code /proc/PID/smaps_rollup}, in kB (0 when absent). */
    public static long parsePssKb(String smapsRollup) {
        return field(smapsRollup, "Pss:");
    }

    /** The first number after {@code key} at the start of a line, or 0 when there is no such line. */
    static long field(String text, String key) {
        for (String line : List.of(text.split("\n"))) {
            if (line.startsWith(key)) {
                String rest = line.substring(key.length()).trim();
                int end = 0;
                while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
                    end++;
                }
                return end == 0 ? 0 : Long.parseLong(rest.substring(0, end));
            }
        }
        return 0;
    }
}
