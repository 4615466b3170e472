package mpmbench.server.mpm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C library's descriptor calls the models need and the JDK does not offer ({@code dup},
 * {@code dup2}, {@code fcntl(F_DUPFD)}, {@code close}, {@code getrlimit}), through the Foreign
 * Function &amp; Memory API, linked when this class is first used (a failure to link is an
 * {@link ExceptionInInitializerError} there). Each returns what C returns ({@code -1} on failure), or
 * {@code -1} when the call could not be made at all. Needs {@code --enable-native-access} (the
 * master gives it to every child). Any thread.
 */
final class Libc {

    /** {@code RLIMIT_NOFILE} on Linux (asm-generic/resource.h). */
    private static final int RLIMIT_NOFILE = 7;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle DUP = fn("dup", ValueLayout.JAVA_INT);
    private static final MethodHandle DUP2 = fn("dup2", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final MethodHandle CLOSE = fn("close", ValueLayout.JAVA_INT);
    private static final MethodHandle GETRLIMIT = fn("getrlimit", ValueLayout.JAVA_INT, ValueLayout.ADDRESS);
    /** {@code fcntl(fd, cmd, int)}: variadic in C, so its third argument is declared as such. */
    private static final MethodHandle FCNTL = fn("fcntl", new Linker.Option[] {Linker.Option.firstVariadicArg(2)},
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    /** {@code F_DUPFD} (asm-generic/fcntl.h). */
    private static final int F_DUPFD = 0;

    private Libc() {
    }

    private static MethodHandle fn(String name, MemoryLayout... args) {
        return fn(name, new Linker.Option[0], args);
    }

    /** {@code int name(args...)} of the C library. */
    private static MethodHandle fn(String name, Linker.Option[] options, MemoryLayout... args) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, args), options);
    }

    /** A copy of {@code fd} on the lowest free number, or -1. */
    static int dup(int fd) {
        try {
            return (int) DUP.invokeExact(fd);
        } catch (Throwable t) {
            return -1;
        }
    }

    /** {@code from} copied onto number {@code to} (closing what was there): {@code to}, or -1. */
    static int dup2(int from, int to) {
        try {
            return (int) DUP2.invokeExact(from, to);
        } catch (Throwable t) {
            return -1;
        }
    }

    /** A copy of {@code fd} on the lowest free number at or above {@code lowest} (nothing open is replaced), or -1. */
    static int dupAtOrAbove(int fd, int lowest) {
        try {
            return (int) FCNTL.invokeExact(fd, F_DUPFD, lowest);
        } catch (Throwable t) {
            return -1;
        }
    }

    /** Closes {@code fd}: 0, or -1. */
    static int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            return -1;
        }
    }

    /** This process's soft limit on open descriptors ({@code ulimit -n}), or -1 when unknown. */
    static long openFilesLimit() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment rlimit = arena.allocate(ValueLayout.JAVA_LONG, 2); // rlim_cur, rlim_max
            int rc = (int) GETRLIMIT.invokeExact(RLIMIT_NOFILE, rlimit);
            return rc == 0 ? rlimit.get(ValueLayout.JAVA_LONG, 0) : -1;
        } catch (Throwable t) {
            return -1;
        }
    }
}
