package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A request word and a reply word in a mapped file, each on its own cache line, written with release
 * and read with acquire semantics, as {@code SharedScoreboard} does. Waiting spins with
 * {@link Thread#onSpinWait()} and yields the CPU every {@value #SPINS_BEFORE_YIELD} spins, so a waiter
 * never sleeps in the kernel (no wake-up is needed: the other side only writes memory) yet leaves
 * room for the other side on a 2-core machine.
 *
 * <p>One writer per word: the pinging side writes the request, the echoing side the reply. A request
 * of -1 tells the echo loop to return. Neither side waits forever: a ping unanswered for
 * {@value #GIVE_UP_SECONDS} s throws, and an echo loop with no request for as long returns, so a
 * crashed peer never leaves a process spinning on a core.
 *
 * <p>Also a main: {@code SharedSlot FILE} echoes on FILE until told to stop (the process peer of
 * {@link Bench_06_SharedSlotPingPong}).
 */
final class SharedSlot implements AutoCloseable {

    static final int SIZE = 128;
    private static final long REQUEST = 0;
    private static final long REPLY = 64;
    private static final int SPINS_BEFORE_YIELD = 100;
    private static final long GIVE_UP_SECONDS = 30;
    private static final long GIVE_UP_NANOS = GIVE_UP_SECONDS * 1_000_000_000L;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final Arena arena = Arena.ofShared();
    private final MemorySegment memory;
    private long sequence;

    SharedSlot(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            if (ch.size() < SIZE) {
                ch.write(java.nio.ByteBuffer.allocate(SIZE), 0);
            }
            memory = ch.map(FileChannel.MapMode.READ_WRITE, 0, SIZE, arena);
        }
    }

    /** Sends the next number and waits for its echo; returns the echo. */
    long ping() {
        long sent = ++sequence;
        LONG.setRelease(memory, REQUEST, sent);
        long r;
        int spins = 0;
        long since = 0;
        while ((r = (long) LONG.getAcquire(memory, REPLY)) != sent) {
            spins = spin(spins);
            if (spins == 0) {
                since = gaveUp(since, "no echo from the peer");
            }
        }
        return r;
    }

    /**
     * Echoes every request into the reply word until the request is -1. Starts from 0, the value of a
     * fresh file, so a first request written before this loop starts is not missed.
     */
    void echoUntilStopped() {
        long last = 0;
        while (true) {
            long r;
            int spins = 0;
            long since = 0;
            while ((r = (long) LONG.getAcquire(memory, REQUEST)) == last) {
                spins = spin(spins);
                if (spins == 0 && (since = waited(since)) == EXPIRED) {
                    return;
                }
            }
            if (r == -1) {
                return;
            }
            last = r;
            LONG.setRelease(memory, REPLY, r);
        }
    }

    void stopEcho() {
        LONG.setRelease(memory, REQUEST, -1L);
    }

    private static final long EXPIRED = Long.MIN_VALUE;

    /** Checked after each yield: when waiting started (0: not yet), or EXPIRED past the limit. */
    private static long waited(long since) {
        long now = System.nanoTime();
        if (since == 0) {
            return now;
        }
        return now - since > GIVE_UP_NANOS ? EXPIRED : since;
    }

    private static long gaveUp(long since, String what) {
        long s = waited(since);
        if (s == EXPIRED) {
            throw new IllegalStateException(what + " for " + GIVE_UP_SECONDS + " s");
        }
        return s;
    }

    private static int spin(int spins) {
        if (++spins >= SPINS_BEFORE_YIELD) {
            Thread.yield();
            return 0;
        }
        Thread.onSpinWait();
        return spins;
    }

    @Override
    public void close() {
        arena.close();
    }

    public static void main(String[] args) throws IOException {
        try (SharedSlot slot = new SharedSlot(Path.of(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            slot.echoUntilStopped();
        }
    }
}
