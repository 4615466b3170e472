package mpmbench.uring;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An experiment (issue 26): a closed-loop keep-alive HTTP/1.1 client over io_uring through the FFM API,
 * one thread, {@code -c} connections to 127.0.0.1:PORT. It runs {@code --warmup} seconds, then measures
 * {@code -d} seconds and prints one line of {@code key=value}: requests and req/s in the window, the
 * process's CPU (getrusage, every thread) over the window and per request in µs, io_uring_enter calls
 * per request, the loop thread's heap allocation over the window (bytes; 0 means nothing per request).
 *
 * <pre>
 * javac -d out $(find src -name '*.java')
 * taskset -c 1 java -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp out mpmbench.uring.UringClient \
 *     --port 18080 --path /hello -c 64 --warmup 2 -d 10 --mode multishot --setup defer --fixed --reg-ring
 * </pre>
 */
public final class UringClient {

    private UringClient() {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("UringClient: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            run(arena, o);
        }
    }

    private static void run(Arena arena, Options o) {
        MemorySegment request = encode(arena, "GET " + o.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + o.port() + "\r\n\r\n");
        int[] fds = connect(arena, o);
        int entries = Math.max(256, Integer.highestOneBit(o.connections() * 4 - 1) << 1);
        Uring ring = new Uring(arena, entries, o.setupFlags(), 100_000_000L);
        if (o.fixedFiles()) {
            ring.registerFiles(arena, fds);
        }
        if (o.regRing()) {
            ring.registerRing(arena);
        }
        ClientLoop loop = new ClientLoop(arena, o, ring, fds, request);
        MemorySegment rusage = arena.allocate(144, 8);
        long[] cpu0 = new long[2];
        long[] cpu1 = new long[2];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long start = System.nanoTime();
        long windowStart = start + o.warmupS() * 1_000_000_000L;
        long windowEnd = windowStart + o.durationS() * 1_000_000_000L;
        boolean measuring = false;
        long responses0 = 0;
        long enters0 = 0;
        long alloc0 = 0;
        long t0 = 0;
        loop.start();
        while (true) {
            boolean alive = loop.turn();
            long now = loop.now;
            if (!measuring && now >= windowStart) {
                measuring = true;
                t0 = now;
                responses0 = loop.responses;
                enters0 = ring.enters;
                Libc.processCpuMicros(rusage, cpu0);
                alloc0 = threads.getCurrentThreadAllocatedBytes();
                loop.latencies.reset();
            }
            if (now >= windowEnd || !alive) {
                break;
            }
        }
        long t1 = System.nanoTime();
        long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
        Libc.processCpuMicros(rusage, cpu1);
        long n = loop.responses - responses0;
        long enters = ring.enters - enters0;
        double s = (t1 - t0) / 1e9;
        long user = cpu1[0] - cpu0[0];
        long sys = cpu1[1] - cpu0[1];
        System.out.printf("variant=%s connections=%d window_s=%.3f requests=%d req_per_s=%.1f cpu_user_s=%.3f cpu_sys_s=%.3f"
                        + " cpu_us_per_req=%.3f enters_per_req=%.4f reqs_per_enter=%.2f alloc_bytes=%d errors=%d non2xx=%d"
                        + " nobufs=%d total_requests=%d latency_p50_us=%d latency_p99_us=%d%n",
                o.variant(), o.connections(), s, n, n / s, user / 1e6, sys / 1e6, n == 0 ? 0.0 : (user + sys) / (double) n,
                n == 0 ? 0.0 : enters / (double) n, enters == 0 ? 0.0 : n / (double) enters, alloc, loop.errors,
                loop.non2xx, loop.noBuffers, loop.responses,
                loop.latencies.percentile(0.5), loop.latencies.percentile(0.99));
        ring.close();
        for (int fd : fds) {
            Libc.close(fd);
        }
    }

    private static MemorySegment encode(Arena arena, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        MemorySegment m = arena.allocate(b.length, 64);
        MemorySegment.copy(b, 0, m, JAVA_BYTE, 0, b.length);
        return m;
    }

    private static int[] connect(Arena arena, Options o) {
        MemorySegment sa = arena.allocate(16, 4);
        sa.set(JAVA_SHORT, 0, (short) 2); // AF_INET
        sa.set(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) o.port());
        sa.set(JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN), 4, 0x7f000001);
        MemorySegment one = arena.allocate(4, 4);
        one.set(JAVA_INT, 0, 1);
        int[] fds = new int[o.connections()];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = Libc.connectedSocket(sa, one);
        }
        return fds;
    }
}
