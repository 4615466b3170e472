package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cgroup of one target's own: made before the target starts, entered by the target's first process
 * before it execs (so every process it forks is inside from the start), read while it runs, removed
 * when it has stopped. The kernel keeps an exited member's CPU in the group's counters, so the CPU of
 * a window is the difference of two readings whatever forked or exited in between.
 *
 * <p>Layout: {@code mpmbench/NAME-SUITEPID-N} under the suite's own group, in every hierarchy it reads
 * ({@link CgroupHost}). v2: {@code cpu.stat} (µs), {@code memory.current}, {@code pids.current} (the
 * last two when the parent lets {@code +memory +pids} be enabled: a v2 group holding processes cannot
 * enable them, the no-internal-processes rule, so then the hierarchy's root is tried). v1:
 * {@code cpuacct.usage} (ns), {@code cpuacct.usage_user} (ns), {@code memory.usage_in_bytes},
 * {@code pids.current}.
 *
 * <p>Usage: {@code TargetCgroup g = TargetCgroup.make("httpd-event"); new
 * ProcessBuilder(g.wrap(command))...; ... g.read() ...; (stop the target) g.close();}
 *
 * <p>Threading: {@link #read} may be called from any thread; {@link #close} once, after the target
 * stopped. Errors: {@link #make} throws with one line (not root, no delegation, nothing mounted);
 * {@link #read} throws when the group's files cannot be read; {@link #close} prints one line to
 * stderr when the group cannot be removed (a member still running) and leaves it.
 */
public final class TargetCgroup implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final CpuMethod method;
    private final Path cpu;
    private final Optional<Path> memory;
    private final Optional<Path> pids;
    /** Every directory made, the target's group in each hierarchy. */
    private final List<Path> dirs;

    private TargetCgroup(CpuMethod method, Path cpu, Optional<Path> memory, Optional<Path> pids, List<Path> dirs) {
        this.method = method;
        this.cpu = cpu;
        this.memory = memory;
        this.pids = pids;
        this.dirs = List.copyOf(dirs);
    }

    /** A new empty group for the target {@code name} on this machine; throws with one line when none can be made. */
    public static TargetCgroup make(String name) throws IOException {
        return make(CgroupHost.detect(), name);
    }

    /**
     * As {@link #make(String)}, or empty after printing why to stderr (one line, the first time only:
     * the suite then reads /proc for every target).
     */
    public static Optional<TargetCgroup> makeOrWarn(String name) {
        try {
            return Optional.of(make(name));
        } catch (IOException e) {
            if (!WARNED.getAndSet(true)) {
                System.err.println("telemetry: no cgroup for the targets (" + e.getMessage() + "): CPU read from /proc");
            }
            return Optional.empty();
        }
    }

    /** A new group under {@code host}'s parents. */
    public static TargetCgroup make(CgroupHost host, String name) throws IOException {
        String leaf = name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + ProcessHandle.current().pid() + "-"
                + COUNT.incrementAndGet();
        List<Path> made = new ArrayList<>();
        try {
            if (host.method() == CpuMethod.CGROUP_V2) {
                Path group = makeV2(host, leaf, made);
                boolean mem = Files.exists(group.resolve("memory.current"));
                return new TargetCgroup(CpuMethod.CGROUP_V2, group, mem ? Optional.of(group) : Optional.empty(),
                        Files.exists(group.resolve("pids.current")) ? Optional.of(group) : Optional.empty(), made);
            }
            Path cpu = makeIn(host.cpu(), leaf, made);
            Optional<Path> mem = host.memory().isPresent() ? Optional.of(makeIn(host.memory().get(), leaf, made))
                    : Optional.empty();
            Optional<Path> pids = host.pids().isPresent() ? Optional.of(makeIn(host.pids().get(), leaf, made))
                    : Optional.empty();
            return new TargetCgroup(CpuMethod.CGROUP_V1, cpu, mem, pids, made);
        } catch (IOException e) {
            new TargetCgroup(host.method(), host.cpu(), Optional.empty(), Optional.empty(), made).removeDirs();
            throw e;
        }
    }

    /**
     * v2: under the suite's own group when it lets memory and pids be enabled for its children, else
     * under the hierarchy's root (root may always); CPU works in either ({@code cpu.stat} needs no
     * controller), so the first place a group can be made at all is kept when neither enables them.
     */
    private static Path makeV2(CgroupHost host, String leaf, List<Path> made) throws IOException {
        List<Path> parents = new ArrayList<>(List.of(host.cpu()));
        host.v2Root().filter(r -> !r.equals(host.cpu())).ifPresent(parents::add);
        IOException first = null;
        Path fallback = null;
        for (Path parent : parents) {
            List<Path> here = new ArrayList<>();
            try {
                enable(parent);
                Path base = mkdir(parent.resolve("mpmbench"), here);
                enable(base);
                Path group = mkdir(base.resolve(leaf), here);
                if (Files.exists(group.resolve("memory.current"))) {
                    if (fallback != null) {
                        made.remove(fallback);
                        rmdir(fallback);
                    }
                    made.addAll(here);
                    return group;
                }
                if (fallback == null) {
                    fallback = group;
                    made.addAll(here);
                } else {
                    here.reversed().forEach(TargetCgroup::rmdir);
                }
            } catch (IOException e) {
                here.reversed().forEach(TargetCgroup::rmdir);
                first = first == null ? e : first;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw first;
    }

    /** Enables {@code +memory +pids} for {@code dir}'s children where they are offered; quietly does without. */
    private static void enable(Path dir) {
        try {
            String offered = Files.readString(dir.resolve("cgroup.controllers"));
            for (String c : List.of("memory", "pids")) {
                if (List.of(offered.trim().split(" +")).contains(c)) {
                    try {
                        Files.writeString(dir.resolve("cgroup.subtree_control"), "+" + c);
                    } catch (IOException busy) {
                        // a group with processes of its own cannot enable them (v2's no-internal-processes rule)
                    }
                }
            }
        } catch (IOException e) {
            // not a v2 group we may write: the group is made without memory and pids
        }
    }

    private static Path makeIn(Path parent, String leaf, List<Path> made) throws IOException {
        return mkdir(mkdir(parent.resolve("mpmbench"), made).resolve(leaf), made);
    }

    /** Makes {@code dir} (kept in {@code made} when this call made it). */
    private static Path mkdir(Path dir, List<Path> made) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new IOException("cannot make " + dir + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null && !e.getMessage().equals(dir.toString()) ? ": " + e.getMessage() : "") + ")");
        }
        if (!dir.getFileName().toString().equals("mpmbench")) {
            made.add(dir); // the shared parent stays for the next target
        }
        return dir;
    }

    /** cgroup-v2 or cgroup-v1. */
    public CpuMethod method() {
        return method;
    }

    /** The group's directory CPU is read from ({@code cpu.stat} or {@code cpuacct.usage}). */
    public Path cpuDir() {
        return cpu;
    }

    /**
     * {@code command} started through {@code sh}, which writes its own PID into the group's
     * {@code cgroup.procs} in every hierarchy and then execs the command (same PID, so the target's root
     * PID is the started process's). A failed write is silent: the target runs outside the group, the
     * group reads no member, and {@link CgroupProc} then reads /proc.
     */
    public List<String> wrap(List<String> command) {
        StringBuilder script = new StringBuilder();
        for (Path d : dirs) {
            script.append("echo $$ > '").append(d.resolve("cgroup.procs")).append("' 2>/dev/null; ");
        }
        script.append("exec \"$@\"");
        List<String> out = new ArrayList<>(List.of("sh", "-c", script.toString(), "sh"));
        out.addAll(command);
        return out;
    }

    /** The group's member processes now ({@code cgroup.procs}); empty when unreadable. */
    public List<Integer> members() {
        try {
            return CgroupFiles.procs(Files.readString(cpu.resolve("cgroup.procs")));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * One reading of the group's counters.
     *
     * @param cpuNs       user + system CPU of every process that ever ran in the group, ns (v2: µs × 1000)
     * @param userNs      its user part, ns; -1 when the kernel does not say (old v1 without usage_user)
     * @param memoryBytes {@code memory.current} / {@code memory.usage_in_bytes}, bytes; -1 when not read
     * @param tasks       {@code pids.current} (threads); -1 when not read
     * @param members     {@code cgroup.procs}
     */
    public record Reading(long cpuNs, long userNs, long memoryBytes, int tasks, List<Integer> members) {
    }

    /** Reads the counters now; throws when the CPU file cannot be read. */
    public Reading read() throws IOException {
        long cpuNs;
        long userNs;
        if (method == CpuMethod.CGROUP_V2) {
            String stat = Files.readString(cpu.resolve("cpu.stat"));
            long usage = CgroupFiles.usageUsec(stat);
            if (usage < 0) {
                throw new IOException("no usage_usec in " + cpu.resolve("cpu.stat"));
            }
            cpuNs = usage * 1000;
            long user = CgroupFiles.userUsec(stat);
            userNs = user < 0 ? -1 : user * 1000;
        } else {
            cpuNs = CgroupFiles.number(Files.readString(cpu.resolve("cpuacct.usage")));
            userNs = optional(cpu.resolve("cpuacct.usage_user"));
        }
        long mem = memory.map(m -> optional(m.resolve(method == CpuMethod.CGROUP_V2 ? "memory.current"
                : "memory.usage_in_bytes"))).orElse(-1L);
        int tasks = (int) (long) pids.map(p -> optional(p.resolve("pids.current"))).orElse(-1L);
        return new Reading(cpuNs, userNs, mem, tasks, members());
    }

    private static long optional(Path file) {
        try {
            return CgroupFiles.number(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Removes the group, once its members have gone (waits up to 2 s for the last ones to be reaped);
     * one line to stderr when it cannot.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!members().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        removeDirs();
    }

    private void removeDirs() {
        for (Path d : dirs.reversed()) {
            if (!rmdir(d)) {
                System.err.println("telemetry: cannot remove cgroup " + d + " (members left: " + members() + ")");
            }
        }
    }

    private static boolean rmdir(Path d) {
        try {
            Files.deleteIfExists(d);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
