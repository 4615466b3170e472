package mpmbench.server.handler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What one token of {@link CpuPlant} costs on this machine and JVM, in ns of the calling thread's CPU
 * time: the loop is warmed until the JIT has compiled it, then {@code CALLS} calls of each size are
 * timed. Prints a CSV ({@code tokens,calls,cpu_ns_per_call,cpu_ns_per_token}), one line per size, to
 * standard output. Run as {@code java -cp server/target/mpmbench-server.jar
 * mpmbench.server.handler.PlantCalibration [TOKENS...]} (default sizes 1000, 10000, 100000);
 * {@code scripts/compare-planted} runs it and keeps the output beside its runs. Single-threaded.
 */
public final class PlantCalibration {

    /** CPU time spent on each size: enough for the thread clock's resolution (about 1 µs) to vanish. */
    private static final long TARGET_NS = 200_000_000L;

    private PlantCalibration() {
    }

    public static void main(String[] args) {
        long[] sizes = args.length == 0 ? new long[] {1_000, 10_000, 100_000}
                : java.util.Arrays.stream(args).mapToLong(PlantCalibration::tokens).toArray();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long keep = 0;
        for (int i = 0; i < 20_000; i++) { // C2 compiles the loop long before this ends
            keep += CpuPlant.consume(1_000);
        }
        System.out.println("tokens,calls,cpu_ns_per_call,cpu_ns_per_token");
        for (long size : sizes) {
            long calls = Math.max(1, TARGET_NS / 2 / Math.max(1, size)); // about 2 ns a token: ~0.2 s per size
            long t0 = mx.getCurrentThreadCpuTime();
            for (long c = 0; c < calls; c++) {
                keep += CpuPlant.consume(size);
            }
            double ns = mx.getCurrentThreadCpuTime() - t0;
            System.out.printf(Locale.ROOT, "%d,%d,%.1f,%.4f%n", size, calls, ns / calls, ns / calls / size);
        }
        if (keep == 0) {
            System.out.println("# (the chain's sum happened to be 0)");
        }
    }

    private static long tokens(String s) {
        try {
            long t = Long.parseLong(s.strip());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // below
        }
        System.err.println("PlantCalibration: TOKENS '" + s + "' must be an integer of at least 1");
        System.exit(2);
        return 0;
    }
}
