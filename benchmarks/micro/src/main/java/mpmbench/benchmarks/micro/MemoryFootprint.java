package mpmbench.benchmarks.micro;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mpmbench.server.config.Mpm;

/**
 * Memory per unit of work, the third part of claim 5 next to start and switch time (not a JMH
 * benchmark: it measures resident memory, not time). Writes {@code memory.csv}:
 * <pre>
 * unit,count,rss_kb_per_unit,pss_kb_per_unit,heap_kb_per_unit
 * child_jvm_prefork,1,…            a real server child (see ChildJvm), idle 1 s after ready
 * platform_thread,500,…            one more idle platform thread in a JVM with the child's options
 * virtual_thread,10000,…           one more idle virtual thread, same JVM options
 * </pre>
 * A child's row is its whole RSS and PSS from {@code /proc/PID/smaps_rollup} (PSS divides shared pages
 * among the processes mapping them, so it is what one more child costs the machine when several
 * run; with one child only, the JDK's shared libraries count fully). A thread's row is the growth of
 * its probe JVM's RSS and PSS, and of its heap in use after a GC, divided by the number of threads
 * started; each thread is blocked in {@code CountDownLatch.await()}, as an idle worker waits for a
 * connection. The probe runs with the server's child JVM options (-Xss512k among them), so a platform
 * thread's stack is what a worker thread of a child gets; a virtual thread's stack lives in the heap,
 * which is why its heap column is the one to read. Numbers are in KiB, '.' decimals.
 */
public final class MemoryFootprint {

    static final String HEADER = "unit,count,rss_kb_per_unit,pss_kb_per_unit,heap_kb_per_unit";
    private static final int PLATFORM_THREADS = 500;
    private static final int VIRTUAL_THREADS = 10_000;

    private MemoryFootprint() {
    }

    /** {@code MemoryFootprint [FILE]} writes memory.csv (default ./memory.csv); {@code --probe KIND N} is internal. */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--probe")) {
            System.out.println(probe(args[1], Integer.parseInt(args[2])));
            return;
        }
        Path file = Path.of(args.length > 0 ? args[0] : "memory.csv");
        measure(file);
        System.out.println("wrote " + file);
        Runtime.getRuntime().halt(0);
    }

    /** Measures every row and writes the CSV file. Replaces this JVM's stdin (see {@link ChildJvm}). */
    static void measure(Path file) throws IOException, InterruptedException {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Mpm mpm : Mpm.values()) {
            try (ChildJvm jvm = new ChildJvm(mpm)) {
                Process child = jvm.startToReady();
                Thread.sleep(1_000);
                long[] m = residentKb(child.pid());
                rows.add(String.format(Locale.ROOT, "child_jvm_%s,1,%d,%d,", mpm.id(), m[0], m[1]));
                jvm.stopChild();
            }
        }
        rows.add(runProbe("platform", PLATFORM_THREADS));
        rows.add(runProbe("virtual", VIRTUAL_THREADS));
        Files.write(file, rows, StandardCharsets.UTF_8);
        rows.forEach(System.out::println);
    }

    private static String runProbe(String kind, int count) throws IOException, InterruptedException {
        Process p = HelperProcess.start(MemoryFootprint.class, "--probe", kind, Integer.toString(count));
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            line = r.readLine();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || line == null) {
            p.destroyForcibly();
            throw new IOException("memory probe " + kind + " failed: " + line);
        }
        return line;
    }

    /** In the probe JVM: grows it by {@code count} idle threads and returns the CSV row. */
    static String probe(String kind, int count) throws InterruptedException, IOException {
        Thread.Builder builder = kind.equals("virtual") ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(count);
        Runnable idle = () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        // Warm the code paths once so the measurement sees threads, not class loading.
        List<Thread> warm = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            warm.add(builder.start(() -> { }));
        }
        for (Thread t : warm) {
            t.join();
        }
        long heapBefore = heapUsedAfterGc();
        long[] before = residentKb(ProcessHandle.current().pid());
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            threads.add(builder.start(idle));
        }
        started.await();
        Thread.sleep(200);
        long heapAfter = heapUsedAfterGc();
        long[] after = residentKb(ProcessHandle.current().pid());
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return String.format(Locale.ROOT, "%s_thread,%d,%.2f,%.2f,%.2f", kind, count,
                (after[0] - before[0]) / (double) count, (after[1] - before[1]) / (double) count,
                (heapAfter - heapBefore) / 1024.0 / count);
    }

    private static long heapUsedAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(50);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** RSS and PSS of a process in KiB, from /proc/PID/smaps_rollup. */
    static long[] residentKb(long pid) throws IOException {
        long rss = -1;
        long pss = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            if (line.startsWith("Rss:")) {
                rss = kb(line);
            } else if (line.startsWith("Pss:")) {
                pss = kb(line);
            }
        }
        return new long[] {rss, pss};
    }

    private static long kb(String line) {
        String[] f = line.trim().split("\\s+");
        return Long.parseLong(f[1]);
    }
}
