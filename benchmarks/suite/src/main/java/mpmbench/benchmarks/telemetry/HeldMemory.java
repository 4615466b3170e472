package mpmbench.benchmarks.telemetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory a target's processes hold for what they serve, read so that two readings of one instance
 * compare: summary.csv's {@code idle_kib_per_conn} is the difference of one reading taken before a
 * cell's idle connections are opened and one taken while they are held, per connection
 * ({@link #perConnection}). kB here are the kernel's, i.e. KiB.
 *
 * <p><b>Per process, its anonymous and shared-memory pages</b>: {@code Pss_Anon + Pss_Shmem} of
 * {@code /proc/PID/smaps_rollup}. File-backed pages (the executable, libjvm.so, libc, the class
 * archive) are left out: their PSS is divided among every process that maps them, the load generators
 * and jcmd included, so it moves when another process starts or ends, not with the target's
 * connections (a load-generator JVM that starts or ends changes every target JVM's share of the pages
 * of libjvm.so they map alike). Whatever a connection costs a process (heap, malloc, thread stacks,
 * buffers) is anonymous memory; what the kernel holds for a socket (its buffers, TCP state) is in no
 * process's PSS, and not in a reading.
 *
 * <p><b>A JVM</b> (a process whose {@code /proc/PID/exe} is named {@code java}) counts its Java heap by
 * the bytes live in it, not by the pages the heap touched: the JDK's {@code jcmd PID -f FILE} runs
 * {@code GC.class_histogram} (a full collection, then a walk of what survived, in one safepoint: its
 * {@code Total} line is the live heap in bytes) and {@code GC.heap_info} (the heap's address range);
 * the reading is the process's anonymous PSS less the anonymous memory of the mappings inside the heap's
 * range ({@code /proc/PID/smaps}; a heap's pages are the JVM's alone, so that is their share of
 * {@code Pss_Anon}, and a class archive's heap objects mapped from its file, shared with other JVMs, stay
 * out as the other file-backed pages do), plus the live bytes. Why not a full collection and then the
 * PSS: after a full GC the collector resizes the heap within its free-ratio bounds (the old generation
 * anywhere from live / 0.6 to live / 0.3 with the default MinHeapFreeRatio 40 and MaxHeapFreeRatio 70),
 * depending on its history, and the pages of eden it touched stay resident; so the heap's PSS of two
 * readings differs by anything from 0 to several times what the connections hold, and between two
 * instances by their luck (the cross-instance figure of the first HTTPS runs read 536–670 KiB per idle
 * TLS connection for the Java targets). A
 * process that is not a JVM (httpd, nginx) is read as it is: nothing JVM-specific is asked of it.
 *
 * <p>Stateless; each {@link #read} starts a jcmd per JVM of the target and pauses that JVM for a full
 * collection: call it from one thread at a time per target, outside a measured window.
 */
public final class HeldMemory {

    /** The longest one JVM may take to answer jcmd (attach, full GC, histogram). */
    static final Duration JCMD_TIMEOUT = Duration.ofSeconds(30);

    /** What jcmd asks each JVM, in order: a full GC with the live bytes, then the heap's bounds. */
    static final String JCMD_COMMANDS = "GC.class_histogram\nGC.heap_info\n";

    /** A generation's or the whole heap's line of {@code GC.heap_info}: "used 1234K [0x…, 0x…, 0x…)". */
    private static final Pattern BOUNDS = Pattern.compile(
            "used \\d+K\\s*\\[(0x\\p{XDigit}+(?:,\\s*0x\\p{XDigit}+)+)\\)");

    /** A mapping's header line of {@code /proc/PID/smaps}: "7f1c2c000000-7f1c2c021000 rw-p …". */
    private static final Pattern MAPPING = Pattern.compile("^(\\p{XDigit}+)-(\\p{XDigit}+) ");

    private HeldMemory() {
    }

    /**
     * One reading of a target: the processes read and their memory summed, or why there is none.
     *
     * @param pids    the live processes read, as the tree listed them (ascending)
     * @param kib     their memory as this class counts it, KiB; -1 when not read
     * @param failure why no reading was taken; null when it was
     * @param kibByPid each process's memory, KiB (they sum to {@code kib})
     * @param fdsByPid each process's open descriptors (a connection it holds is one)
     */
    public record Reading(List<Integer> pids, long kib, String failure, Map<Integer, Long> kibByPid,
                          Map<Integer, Long> fdsByPid) {
        public Reading {
            pids = List.copyOf(pids);
            kibByPid = Map.copyOf(kibByPid);
            fdsByPid = Map.copyOf(fdsByPid);
        }

        /** A reading of processes with their memory and descriptors, in the order of {@code pids}. */
        public static Reading of(List<Integer> pids, long[] kib, long[] fds) {
            Map<Integer, Long> k = new HashMap<>();
            Map<Integer, Long> f = new HashMap<>();
            long sum = 0;
            for (int i = 0; i < pids.size(); i++) {
                k.put(pids.get(i), kib[i]);
                f.put(pids.get(i), fds[i]);
                sum += kib[i];
            }
            return new Reading(pids, sum, null, k, f);
        }

        /** No reading, for the reason given. */
        public static Reading failed(String why) {
            return new Reading(List.of(), -1, why, Map.of(), Map.of());
        }

        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * A per-connection figure: KiB per idle connection held, or NaN with the reason it could not be
     * measured ({@code whyNot} is null exactly when the figure is a number).
     */
    public record Figure(double kibPerConnection, String whyNot) {
        static Figure not(String why) {
            return new Figure(Double.NaN, why);
        }
    }

    /** The share of the idle connections held that the processes present at both readings must have taken. */
    static final double MIN_SHARE_IN_COMMON = 0.10;

    /**
     * (after − before) / held, KiB per connection, from two readings of one instance. When a process
     * started or exited between them (a model that spawns a child for more connections: the new one
     * brings its whole runtime, one that exited took its memory), only the processes present at both
     * count: the growth of their memory over the growth of their open descriptors (each connection one
     * of them held is one), which needs them to have taken at least {@link #MIN_SHARE_IN_COMMON} of the
     * idle connections. NaN with the reason when either reading is missing or failed, when fewer than one
     * connection was held, or when the processes at both readings took too few. May be below 0: the
     * noise of two readings is reported as measured, never clipped.
     *
     * @param before the reading before the idle connections were opened, or null when none was taken
     * @param after  the reading while they were held, or null when none was taken
     * @param held   the idle connections open and answered at the second reading
     */
    public static Figure perConnection(Reading before, Reading after, double held) {
        if (before == null) {
            return Figure.not("not read before the idle connections were opened");
        }
        if (!before.ok()) {
            return Figure.not("the reading before the idle connections failed: " + before.failure());
        }
        if (after == null) {
            return Figure.not("not read while the idle connections were held (the window's end was not signalled)");
        }
        if (!after.ok()) {
            return Figure.not("the reading while the idle connections were held failed: " + after.failure());
        }
        if (!(held >= 1)) {
            return Figure.not("no idle connection held and answered");
        }
        if (before.pids().equals(after.pids())) {
            return new Figure((after.kib() - before.kib()) / held, null);
        }
        long kib = 0;
        long fds = 0;
        for (int pid : before.pids()) {
            if (after.pids().contains(pid)) {
                kib += after.kibByPid().get(pid) - before.kibByPid().get(pid);
                fds += after.fdsByPid().get(pid) - before.fdsByPid().get(pid);
            }
        }
        if (fds < Math.max(1, MIN_SHARE_IN_COMMON * held)) {
            return Figure.not("processes started or exited between the two readings (" + before.pids().size()
                    + ", then " + after.pids().size() + ") and those present at both took " + fds + " of the "
                    + (long) held + " idle connections");
        }
        return new Figure((double) kib / fds, null);
    }

    /**
     * Reads the tree rooted at {@code root} on this machine now: its live processes as {@code proc}
     * lists them, each JVM among them collected and asked through {@code jcmd}. A failed reading names
     * the process and why (unreadable smaps, jcmd refused or timed out, a heap it could not bound).
     *
     * @param proc where the tree's members are listed (this machine's /proc, or the target's cgroup)
     * @param jcmd the JDK's jcmd (beside the suite's java)
     */
    public static Reading read(TargetProc proc, int root, Path jcmd) throws InterruptedException {
        if (root <= 0) {
            return Reading.failed("the target has no PID here");
        }
        List<Integer> pids = proc.sample(root, System.currentTimeMillis()).livePids();
        if (pids.isEmpty()) {
            return Reading.failed("no live process of the target");
        }
        long[] kibs = new long[pids.size()];
        long[] fds = new long[pids.size()];
        Path commands = null;
        try {
            for (int i = 0; i < pids.size(); i++) {
                int pid = pids.get(i);
                Path dir = Path.of("/proc", Integer.toString(pid));
                long kib;
                try {
                    if (PerfWindow.isJava(pid)) {
                        if (commands == null) {
                            commands = Files.createTempFile("mpmbench-jcmd", ".txt");
                            Files.writeString(commands, JCMD_COMMANDS);
                        }
                        JavaHeap heap = parseJcmd(jcmd(jcmd, pid, commands));
                        long anon = anonKib(Files.readString(dir.resolve("smaps_rollup"), StandardCharsets.ISO_8859_1));
                        long heapAnon;
                        try (BufferedReader smaps = Files.newBufferedReader(dir.resolve("smaps"),
                                StandardCharsets.ISO_8859_1)) {
                            heapAnon = anonWithinKib(smaps, heap.low(), heap.high());
                        }
                        kib = anon - heapAnon + heap.liveBytes() / 1024;
                    } else {
                        kib = anonKib(Files.readString(dir.resolve("smaps_rollup"), StandardCharsets.ISO_8859_1));
                    }
                    try (var list = Files.list(dir.resolve("fd"))) {
                        fds[i] = list.count();
                    }
                    kibs[i] = kib;
                } catch (IOException | IllegalArgumentException e) {
                    return Reading.failed("process " + pid + ": " + e.getMessage());
                }
            }
        } finally {
            if (commands != null) {
                try {
                    Files.deleteIfExists(commands);
                } catch (IOException e) {
                    // a few bytes left in /tmp
                }
            }
        }
        return Reading.of(pids, kibs, fds);
    }

    /** jcmd's output for the commands file; IOException naming the process when it fails or overruns. */
    private static String jcmd(Path jcmd, int pid, Path commands) throws IOException, InterruptedException {
        Path out = Files.createTempFile("mpmbench-jcmd", ".out");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Integer.toString(pid), "-f", commands.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(JCMD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("jcmd " + pid + " did not answer within " + JCMD_TIMEOUT.toSeconds() + " s");
            }
            String text = Files.readString(out);
            if (p.exitValue() != 0) {
                throw new IOException("jcmd " + pid + " exited with " + p.exitValue() + ": " + firstLines(text));
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String firstLines(String text) {
        String t = text.strip();
        return t.lines().limit(2).reduce((a, b) -> a + " | " + b).orElse("(no output)");
    }

    /**
     * A JVM's heap after a full collection: the bytes live in it and the address range it may use.
     *
     * @param liveBytes the histogram's total, bytes
     * @param low       the lowest address of the heap (its reservation's start)
     * @param high      the end of its reservation (exclusive)
     */
    record JavaHeap(long liveBytes, long low, long high) {
    }

    /**
     * The live bytes ({@code GC.class_histogram}'s {@code Total} line) and the heap's bounds (the lowest
     * first and the highest last address of {@code GC.heap_info}'s generation or heap lines: Serial's
     * young and tenured generations, Parallel's, G1's one heap). Throws IllegalArgumentException when
     * either is missing (a collector whose heap_info prints no bounds, ZGC's or Shenandoah's).
     */
    static JavaHeap parseJcmd(String out) {
        long live = -1;
        long low = Long.MAX_VALUE;
        long high = -1;
        for (String line : out.split("\n")) {
            String t = line.strip();
            if (t.startsWith("Total ")) {
                String[] f = t.split("\\s+");
                if (f.length >= 3 && f[2].chars().allMatch(Character::isDigit)) {
                    live = Long.parseLong(f[2]);
                }
            }
            Matcher m = BOUNDS.matcher(line);
            if (m.find()) {
                String[] a = m.group(1).split(",\\s*");
                low = Math.min(low, Long.parseUnsignedLong(a[0].substring(2), 16));
                high = Math.max(high, Long.parseUnsignedLong(a[a.length - 1].substring(2), 16));
            }
        }
        if (live < 0) {
            throw new IllegalArgumentException("jcmd GC.class_histogram printed no Total line: " + firstLines(out));
        }
        if (high <= low) {
            throw new IllegalArgumentException("jcmd GC.heap_info printed no heap bounds (a collector other than "
                    + "Serial, Parallel or G1?): " + firstLines(out));
        }
        return new JavaHeap(live, low, high);
    }

    /**
     * {@code Pss_Anon + Pss_Shmem} of a {@code smaps_rollup}, KiB. Throws IllegalArgumentException
     * when the file has no {@code Pss_Anon} line (a kernel older than the split of PSS, or not that file).
     */
    static long anonKib(String smapsRollup) {
        if (smapsRollup.lines().noneMatch(l -> l.startsWith("Pss_Anon:"))) {
            throw new IllegalArgumentException("smaps_rollup has no Pss_Anon line (a kernel without the split of PSS)");
        }
        return ProcFiles.field(smapsRollup, "Pss_Anon:") + ProcFiles.field(smapsRollup, "Pss_Shmem:");
    }

    /**
     * The summed {@code Anonymous:} of the mappings of a {@code /proc/PID/smaps} that lie inside [low,
     * high), KiB (addresses unsigned). Throws IllegalArgumentException when a mapping straddles a bound
     * (the kernel merged the heap's pages with a neighbour's: they cannot be told apart).
     */
    static long anonWithinKib(BufferedReader smaps, long low, long high) throws IOException {
        long sum = 0;
        boolean inside = false;
        String line;
        while ((line = smaps.readLine()) != null) {
            Matcher m = MAPPING.matcher(line);
            if (m.find()) {
                long start = Long.parseUnsignedLong(m.group(1), 16);
                long end = Long.parseUnsignedLong(m.group(2), 16);
                boolean overlaps = Long.compareUnsigned(start, high) < 0 && Long.compareUnsigned(end, low) > 0;
                inside = overlaps && Long.compareUnsigned(start, low) >= 0 && Long.compareUnsigned(end, high) <= 0;
                if (overlaps && !inside) {
                    throw new IllegalArgumentException("a mapping (" + m.group(1) + "-" + m.group(2)
                            + ") straddles the Java heap's bounds");
                }
            } else if (inside && line.startsWith("Anonymous:")) {
                sum += ProcFiles.field(line, "Anonymous:");
            }
        }
        return sum;
    }
}
