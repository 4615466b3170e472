package mpmbench.uring;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The glibc calls the experiment makes through the FFM API: {@code syscall(2)} for io_uring's three
 * system calls (no liburing), {@code mmap} for its rings, the socket calls of the setup, and
 * {@code getrusage} for the process's CPU. Stateless; looked up once. x86-64 only (the system call
 * numbers).
 */
final class Libc {

    static final long SYS_IO_URING_SETUP = 425;
    static final long SYS_IO_URING_ENTER = 426;
    static final long SYS_IO_URING_REGISTER = 427;

    /** {@code long syscall(long n, ...)}: six variadic longs (unused ones are ignored by the kernel). */
    private static final MethodHandle SYSCALL;
    private static final MethodHandle MMAP;
    private static final MethodHandle SOCKET;
    private static final MethodHandle SETSOCKOPT;
    private static final MethodHandle CONNECT;
    private static final MethodHandle CLOSE;
    private static final MethodHandle GETRUSAGE;
    private static final MethodHandle ERRNO_LOCATION;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        SYSCALL = linker.downcallHandle(libc.find("syscall").orElseThrow(),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
        MMAP = linker.downcallHandle(libc.find("mmap").orElseThrow(),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        SOCKET = linker.downcallHandle(libc.find("socket").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        SETSOCKOPT = linker.downcallHandle(libc.find("setsockopt").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        CONNECT = linker.downcallHandle(libc.find("connect").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        CLOSE = linker.downcallHandle(libc.find("close").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        GETRUSAGE = linker.downcallHandle(libc.find("getrusage").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        ERRNO_LOCATION = linker.downcallHandle(libc.find("__errno_location").orElseThrow(),
                FunctionDescriptor.of(ADDRESS));
    }

    private Libc() {
    }

    /** A raw system call; returns the kernel's result, or -errno (libc's -1 turned back into -errno). */
    static long syscall(long n, long a, long b, long c, long d, long e, long f) {
        try {
            long r = (long) SYSCALL.invokeExact(n, a, b, c, d, e, f);
            return r == -1 ? -errno() : r;
        } catch (Throwable t) {
            throw new IllegalStateException("syscall " + n, t);
        }
    }

    static long mmap(long length, int fd, long offset) {
        final int protReadWrite = 0x3;
        final int mapSharedPopulate = 0x01 | 0x8000;
        try {
            long r = (long) MMAP.invokeExact(0L, length, protReadWrite, mapSharedPopulate, fd, offset);
            if (r == -1) {
                throw new IllegalStateException("mmap of the ring at " + Long.toHexString(offset) + ": errno " + errno());
            }
            return r;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap", t);
        }
    }

    /** A blocking TCP socket with TCP_NODELAY connected to {@code sockaddrIn} (a {@code sockaddr_in}). */
    static int connectedSocket(MemorySegment sockaddrIn, MemorySegment one) {
        try {
            int fd = (int) SOCKET.invokeExact(2 /* AF_INET */, 1 | 0x80000 /* SOCK_STREAM | SOCK_CLOEXEC */, 0);
            if (fd < 0) {
                throw new IllegalStateException("socket: errno " + errno());
            }
            int r = (int) SETSOCKOPT.invokeExact(fd, 6 /* IPPROTO_TCP */, 1 /* TCP_NODELAY */, one, 4);
            r = (int) CONNECT.invokeExact(fd, sockaddrIn, (int) sockaddrIn.byteSize());
            if (r != 0) {
                throw new IllegalStateException("connect: errno " + errno());
            }
            return fd;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("socket calls", t);
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close", t);
        }
    }

    /**
     * The process's CPU (every thread: the loop, JIT, GC) so far, in µs, user and system
     * ({@code getrusage(RUSAGE_SELF)}, µs resolution) into {@code out[0]} and {@code out[1]}.
     */
    static void processCpuMicros(MemorySegment rusage, long[] out) {
        try {
            int r = (int) GETRUSAGE.invokeExact(0 /* RUSAGE_SELF */, rusage);
            if (r != 0) {
                throw new IllegalStateException("getrusage: errno " + errno());
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("getrusage", t);
        }
        out[0] = rusage.get(JAVA_LONG, 0) * 1_000_000 + rusage.get(JAVA_LONG, 8);
        out[1] = rusage.get(JAVA_LONG, 16) * 1_000_000 + rusage.get(JAVA_LONG, 24);
    }

    static int errno() {
        try {
            MemorySegment at = (MemorySegment) ERRNO_LOCATION.invokeExact();
            return at.reinterpret(4).get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw new IllegalStateException("errno", t);
        }
    }
}
