package mpmbench.uring;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * One io_uring instance, as the kernel's {@code include/uapi/linux/io_uring.h} lays it out: set up with
 * {@code io_uring_setup}, its SQ and CQ rings mapped once (one mapping, {@code IORING_FEAT_SINGLE_MMAP}),
 * its SQE array mapped beside them. SQEs are written in place and published with the SQ tail (a release
 * store) just before the one {@code io_uring_enter} of a loop turn, which submits them all and waits for
 * at least {@code minComplete} completions (with a timeout, so that the loop sees its clock). The SQ's
 * index array is the identity, written once. Owned by one thread ({@code IORING_SETUP_SINGLE_ISSUER}
 * where asked); nothing is allocated after the constructor.
 */
final class Uring {

    static final int SETUP_COOP_TASKRUN = 1 << 8;
    static final int SETUP_SINGLE_ISSUER = 1 << 12;
    static final int SETUP_DEFER_TASKRUN = 1 << 13;

    static final int OP_SEND = 26;
    static final int OP_RECV = 27;

    static final int SQE_FIXED_FILE = 1;
    static final int SQE_IO_LINK = 1 << 2;
    static final int SQE_BUFFER_SELECT = 1 << 5;
    static final int SQE_CQE_SKIP_SUCCESS = 1 << 6;

    /** sqe->ioprio of a recv: arm the poll before trying (the data is not there yet when it is submitted). */
    static final int RECVSEND_POLL_FIRST = 1;
    static final int RECV_MULTISHOT = 1 << 1;

    static final int CQE_F_BUFFER = 1;
    static final int CQE_F_MORE = 1 << 1;

    private static final int ENTER_GETEVENTS = 1;
    private static final int ENTER_EXT_ARG = 1 << 3;
    private static final int ENTER_REGISTERED_RING = 1 << 4;
    private static final int REGISTER_FILES = 2;
    private static final int REGISTER_RING_FDS = 20;
    private static final int FEAT_SINGLE_MMAP = 1;
    private static final long OFF_SQES = 0x10000000L;
    private static final int SQE_BYTES = 64;
    private static final int CQE_BYTES = 16;

    private static final VarHandle INT = JAVA_INT.varHandle();

    final int ringFd;
    private final MemorySegment rings;
    private final MemorySegment sqes;
    private final int sqHead;
    private final int sqTail;
    private final int sqMask;
    private final int sqEntries;
    private final int cqHead;
    private final int cqTail;
    private final int cqMask;
    private final int cqes;
    /** The wait's arguments ({@code io_uring_getevents_arg} and its timespec), written once. */
    private final MemorySegment waitArg;
    private int enterFd;
    private int enterFlags = ENTER_GETEVENTS | ENTER_EXT_ARG;
    /** The next SQE's index (not yet published) and how many were written since the last enter. */
    private int localSqTail;
    private int unsubmitted;
    private int localCqHead;
    /** io_uring_enter calls made (the only system call of the steady state). */
    long enters;

    Uring(Arena arena, int entries, int setupFlags, long waitTimeoutNs) {
        MemorySegment p = arena.allocate(120, 8);
        p.set(JAVA_INT, 8, setupFlags);
        long fd = Libc.syscall(Libc.SYS_IO_URING_SETUP, entries, p.address(), 0, 0, 0, 0);
        if (fd < 0) {
            throw new IllegalStateException("io_uring_setup(flags 0x" + Integer.toHexString(setupFlags) + "): errno " + -fd);
        }
        ringFd = (int) fd;
        enterFd = ringFd;
        sqEntries = p.get(JAVA_INT, 0);
        int cqEntries = p.get(JAVA_INT, 4);
        int features = p.get(JAVA_INT, 20);
        if ((features & FEAT_SINGLE_MMAP) == 0) {
            throw new IllegalStateException("kernel without IORING_FEAT_SINGLE_MMAP");
        }
        int sqOff = 40;
        int cqOff = 80;
        int sqArray = p.get(JAVA_INT, sqOff + 24);
        cqes = p.get(JAVA_INT, cqOff + 20);
        long ringBytes = Math.max(sqArray + 4L * sqEntries, cqes + (long) CQE_BYTES * cqEntries);
        rings = MemorySegment.ofAddress(Libc.mmap(ringBytes, ringFd, 0)).reinterpret(ringBytes);
        sqes = MemorySegment.ofAddress(Libc.mmap((long) SQE_BYTES * sqEntries, ringFd, OFF_SQES))
                .reinterpret((long) SQE_BYTES * sqEntries);
        sqHead = p.get(JAVA_INT, sqOff);
        sqTail = p.get(JAVA_INT, sqOff + 4);
        sqMask = rings.get(JAVA_INT, p.get(JAVA_INT, sqOff + 8));
        cqHead = p.get(JAVA_INT, cqOff);
        cqTail = p.get(JAVA_INT, cqOff + 4);
        cqMask = rings.get(JAVA_INT, p.get(JAVA_INT, cqOff + 8));
        for (int i = 0; i < sqEntries; i++) {
            rings.set(JAVA_INT, sqArray + 4L * i, i);
        }
        localSqTail = rings.get(JAVA_INT, sqTail);
        localCqHead = rings.get(JAVA_INT, cqHead);
        waitArg = arena.allocate(24 + 16, 8);
        waitArg.set(JAVA_LONG, 16, waitArg.address() + 24);
        waitArg.set(JAVA_LONG, 24, waitTimeoutNs / 1_000_000_000L);
        waitArg.set(JAVA_LONG, 32, waitTimeoutNs % 1_000_000_000L);
    }

    /** Registers the sockets ({@code IORING_REGISTER_FILES}): SQEs then name slot {@code i} for {@code fds[i]}. */
    void registerFiles(Arena arena, int[] fds) {
        MemorySegment a = arena.allocate(4L * fds.length, 4);
        for (int i = 0; i < fds.length; i++) {
            a.setAtIndex(JAVA_INT, i, fds[i]);
        }
        long r = Libc.syscall(Libc.SYS_IO_URING_REGISTER, ringFd, REGISTER_FILES, a.address(), fds.length, 0, 0);
        if (r < 0) {
            throw new IllegalStateException("IORING_REGISTER_FILES: errno " + -r);
        }
    }

    /** Registers the ring's own descriptor: io_uring_enter then skips the descriptor table. */
    void registerRing(Arena arena) {
        MemorySegment upd = arena.allocate(16, 8);
        upd.set(JAVA_INT, 0, -1);
        upd.set(JAVA_LONG, 8, ringFd);
        long r = Libc.syscall(Libc.SYS_IO_URING_REGISTER, ringFd, REGISTER_RING_FDS, upd.address(), 1, 0, 0);
        if (r != 1) {
            throw new IllegalStateException("IORING_REGISTER_RING_FDS: " + r);
        }
        enterFd = upd.get(JAVA_INT, 0);
        enterFlags |= ENTER_REGISTERED_RING;
    }

    /** Register a provided-buffer ring ({@code IORING_REGISTER_PBUF_RING}) through this ring. */
    long register(int opcode, long arg, int nrArgs) {
        return Libc.syscall(Libc.SYS_IO_URING_REGISTER, ringFd, opcode, arg, nrArgs, 0, 0);
    }

    /** Writes the next SQE (every field; the rest zero). Returns false when the SQ is full. */
    boolean prep(int opcode, int sqeFlags, int ioprio, int fd, long addr, int len, int msgFlags, long userData, int bufGroup) {
        if (localSqTail - (int) INT.getAcquire(rings, (long) sqHead) >= sqEntries) {
            return false;
        }
        long at = (long) (localSqTail & sqMask) * SQE_BYTES;
        sqes.set(JAVA_LONG, at, (opcode & 0xffL) | (sqeFlags & 0xffL) << 8 | (ioprio & 0xffffL) << 16 | (long) fd << 32);
        sqes.set(JAVA_LONG, at + 8, 0L);
        sqes.set(JAVA_LONG, at + 16, addr);
        sqes.set(JAVA_LONG, at + 24, (len & 0xffffffffL) | (long) msgFlags << 32);
        sqes.set(JAVA_LONG, at + 32, userData);
        sqes.set(JAVA_LONG, at + 40, bufGroup & 0xffffL);
        sqes.set(JAVA_LONG, at + 48, 0L);
        sqes.set(JAVA_LONG, at + 56, 0L);
        localSqTail++;
        unsubmitted++;
        return true;
    }

    /**
     * Publishes the SQEs written since the last call and submits them, waiting for {@code minComplete}
     * completions or the timeout, in one {@code io_uring_enter}.
     *
     * @return what the kernel returned (SQEs consumed), or -errno (-62 ETIME: the timeout passed)
     */
    long submitAndWait(int minComplete) {
        INT.setRelease(rings, (long) sqTail, localSqTail);
        int n = unsubmitted;
        unsubmitted = 0;
        enters++;
        return Libc.syscall(Libc.SYS_IO_URING_ENTER, enterFd, n, minComplete, enterFlags, waitArg.address(), 24);
    }

    /** The CQ's tail (acquire): completions up to it may be read. */
    int cqReady() {
        return (int) INT.getAcquire(rings, (long) cqTail);
    }

    int cqHead() {
        return localCqHead;
    }

    long cqeUserData(int head) {
        return rings.get(JAVA_LONG, cqes + (long) (head & cqMask) * CQE_BYTES);
    }

    int cqeRes(int head) {
        return rings.get(JAVA_INT, cqes + (long) (head & cqMask) * CQE_BYTES + 8);
    }

    int cqeFlags(int head) {
        return rings.get(JAVA_INT, cqes + (long) (head & cqMask) * CQE_BYTES + 12);
    }

    /** Hands the CQEs before {@code head} back to the kernel (release). */
    void cqAdvance(int head) {
        localCqHead = head;
        INT.setRelease(rings, (long) cqHead, head);
    }

    void close() {
        Libc.close(ringFd);
    }
}
