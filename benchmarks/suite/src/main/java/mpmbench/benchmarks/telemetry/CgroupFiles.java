package mpmbench.benchmarks.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsers of the cgroup files the telemetry reads and of the two files that say where cgroups are
 * ({@code /proc/self/mounts}, {@code /proc/self/cgroup}), working on text alone so they are tested on
 * fixtures. Units as the kernel prints them: {@code cpu.stat} in µs, {@code cpuacct.usage} in ns,
 * memory in bytes.
 */
public final class CgroupFiles {

    private CgroupFiles() {
    }

    /** A cgroup file system mounted: v2 ({@code cgroup2}) or a v1 hierarchy with its controllers. */
    public record Mount(String fsType, String dir, List<String> options) {
    }

    /** The {@code cgroup} and {@code cgroup2} lines of {@code /proc/self/mounts}. */
    public static List<Mount> parseMounts(String mounts) {
        List<Mount> out = new ArrayList<>();
        for (String line : mounts.split("\n")) {
            String[] f = line.trim().split(" +");
            if (f.length >= 4 && (f[2].equals("cgroup") || f[2].equals("cgroup2"))) {
                out.add(new Mount(f[2], unescape(f[1]), List.of(f[3].split(","))));
            }
        }
        return out;
    }

    /**
     * {@code /proc/self/cgroup}: the path of this process's group per controller (v1: each controller
     * of a hierarchy's line, {@code name=systemd} as such), and under key {@code ""} the v2 path.
     */
    public static Map<String, String> parseSelfCgroup(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(":", 3);
            if (f.length < 3) {
                continue;
            }
            for (String controller : f[1].split(",", -1)) {
                out.put(controller, f[2]);
            }
        }
        return out;
    }

    /** {@code cpu.stat}'s {@code usage_usec} (µs); -1 when absent. */
    public static long usageUsec(String cpuStat) {
        return key(cpuStat, "usage_usec");
    }

    /** {@code cpu.stat}'s {@code user_usec} (µs); -1 when absent. */
    public static long userUsec(String cpuStat) {
        return key(cpuStat, "user_usec");
    }

    /** A file holding one number ({@code cpuacct.usage}, {@code memory.current}, {@code pids.current}). */
    public static long number(String text) {
        return Long.parseLong(text.trim());
    }

    /** {@code cgroup.procs}: the member PIDs, one a line. */
    public static List<Integer> procs(String text) {
        List<Integer> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(Integer.parseInt(line.trim()));
            }
        }
        return out;
    }

    /** The value of a {@code key value} line (cpu.stat's format); -1 when there is none. */
    static long key(String text, String key) {
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(" +");
            if (f.length == 2 && f[0].equals(key)) {
                return Long.parseLong(f[1]);
            }
        }
        return -1;
    }

    /** /proc/self/mounts writes a space in a path as {@code \040} (octal escapes). */
    private static String unescape(String path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 3 < path.length()) {
                b.append((char) Integer.parseInt(path.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
