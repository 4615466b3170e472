package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where this machine lets the suite make a cgroup for a target, read from {@code /proc/self/mounts}
 * and {@code /proc/self/cgroup}. The parent of every target's group is the group the suite itself is
 * in (so limits set on the suite, like a container's memory limit, still bind its targets).
 *
 * <ul>
 *   <li>v1 when a {@code cpuacct} hierarchy is mounted (also on hybrid hosts, where the v2 tree
 *       mounted beside it holds no controller): {@code cpuacct}, and {@code memory} and {@code pids}
 *       when mounted;
 *   <li>else v2 when a {@code cgroup2} file system is mounted (the unified hierarchy: one tree,
 *       {@code cpu.stat} exists without the cpu controller, memory and pids when enabled).
 * </ul>
 *
 * @param method   {@link CpuMethod#CGROUP_V1} or {@link CpuMethod#CGROUP_V2}
 * @param cpu      the suite's own group in the hierarchy CPU is read from (v2: the only one)
 * @param memory   v1: the suite's group in the memory hierarchy; empty when not mounted (and on v2)
 * @param pids     v1: the same in the pids hierarchy; empty when not mounted (and on v2)
 * @param v2Root   v2: the hierarchy's mount point (its root group); empty on v1
 */
public record CgroupHost(CpuMethod method, Path cpu, Optional<Path> memory, Optional<Path> pids,
                         Optional<Path> v2Root) {

    /** This machine's; throws with one line saying why there is none. */
    public static CgroupHost detect() throws IOException {
        String mounts;
        String self;
        try {
            mounts = Files.readString(Path.of("/proc/self/mounts"));
            self = Files.readString(Path.of("/proc/self/cgroup"));
        } catch (IOException e) {
            throw new IOException("no /proc/self/mounts or /proc/self/cgroup (" + e.getMessage() + ")");
        }
        return parse(mounts, self);
    }

    /** From the two files' text; throws with one line when neither v1 cpuacct nor v2 is mounted. */
    public static CgroupHost parse(String mounts, String selfCgroup) throws IOException {
        List<CgroupFiles.Mount> all = CgroupFiles.parseMounts(mounts);
        Map<String, String> own = CgroupFiles.parseSelfCgroup(selfCgroup);
        Optional<Path> cpuacct = v1(all, own, "cpuacct");
        if (cpuacct.isPresent()) {
            return new CgroupHost(CpuMethod.CGROUP_V1, cpuacct.get(), v1(all, own, "memory"), v1(all, own, "pids"),
                    Optional.empty());
        }
        for (CgroupFiles.Mount m : all) {
            if (m.fsType().equals("cgroup2") && own.containsKey("")) {
                Path root = Path.of(m.dir());
                return new CgroupHost(CpuMethod.CGROUP_V2, under(root, own.get("")), Optional.empty(), Optional.empty(),
                        Optional.of(root));
            }
        }
        throw new IOException("no cgroup v2 and no v1 cpuacct hierarchy is mounted");
    }

    /** The suite's own group in the v1 hierarchy that holds {@code controller}, if one is mounted. */
    private static Optional<Path> v1(List<CgroupFiles.Mount> all, Map<String, String> own, String controller) {
        for (CgroupFiles.Mount m : all) {
            if (m.fsType().equals("cgroup") && m.options().contains(controller) && own.containsKey(controller)) {
                return Optional.of(under(Path.of(m.dir()), own.get(controller)));
            }
        }
        return Optional.empty();
    }

    /**
     * The group {@code groupPath} under {@code mount}; the mount itself when that is not there (a
     * container without a cgroup namespace sees its host's path, but has its own group mounted as root).
     */
    private static Path under(Path mount, String groupPath) {
        String rel = groupPath.startsWith("/") ? groupPath.substring(1) : groupPath;
        Path p = rel.isEmpty() ? mount : mount.resolve(rel);
        return Files.isDirectory(p) ? p : mount;
    }
}
