package mpmbench.uring;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * A provided-buffer ring ({@code IORING_REGISTER_PBUF_RING}, group {@link #GROUP}): {@code count} buffers
 * of {@code size} bytes the kernel picks from for multishot receives. Each entry is an
 * {@code io_uring_buf} (addr, len, bid); the ring's tail is the 16 bits at offset 14 of entry 0. A buffer
 * the loop has read is given back with {@link #recycle} and published with {@link #publish} once per
 * loop turn. Owned by the loop thread.
 */
final class BufRing {

    static final int GROUP = 0;
    private static final int REGISTER_PBUF_RING = 22;
    private static final int ENTRY_BYTES = 16;
    private static final VarHandle SHORT = JAVA_SHORT.varHandle();

    private final MemorySegment ring;
    private final MemorySegment buffers;
    private final int mask;
    private final int size;
    private int tail;

    BufRing(Arena arena, Uring uring, int count, int size) {
        if (Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("buffer count must be a power of two");
        }
        this.size = size;
        mask = count - 1;
        ring = arena.allocate((long) ENTRY_BYTES * count, 4096);
        buffers = arena.allocate((long) size * count, 4096);
        MemorySegment reg = arena.allocate(40, 8);
        reg.set(JAVA_LONG, 0, ring.address());
        reg.set(JAVA_INT, 8, count);
        reg.set(JAVA_SHORT, 12, (short) GROUP);
        long r = uring.register(REGISTER_PBUF_RING, reg.address(), 1);
        if (r < 0) {
            throw new IllegalStateException("IORING_REGISTER_PBUF_RING: errno " + -r);
        }
        for (int bid = 0; bid < count; bid++) {
            recycle(bid);
        }
        publish();
    }

    /** Where buffer {@code bid} starts, for reading what the kernel put there. */
    long offsetOf(int bid) {
        return (long) bid * size;
    }

    MemorySegment buffers() {
        return buffers;
    }

    void recycle(int bid) {
        long at = (long) (tail & mask) * ENTRY_BYTES;
        ring.set(JAVA_LONG, at, buffers.address() + (long) bid * size);
        ring.set(JAVA_INT, at + 8, size);
        ring.set(JAVA_SHORT, at + 12, (short) bid);
        tail++;
    }

    void publish() {
        SHORT.setRelease(ring, 14L, (short) tail);
    }
}
