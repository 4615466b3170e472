package mpmbench.loadgen.engine;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SocketChannel;

/**
 * The libc calls {@link EpollPoller} and {@link FdWire} make through the FFM API, looked up once, and
 * whether they can be made here ({@link #unavailable()}). No native library of ours: glibc's own
 * symbols. {@code recv} and {@code send} are linked {@link Linker.Option#critical critical} (no thread
 * state change around a call that cannot block: the sockets are non-blocking), {@code recv} with heap
 * access so it reads straight into the loop's heap buffer. Their {@code errno} is read only after a call
 * failed, from the thread's own {@code __errno_location()} ({@link #errno()}), not captured by the linker:
 * {@code Linker.Option.captureCallState} costs 40 bytes per call in C1-compiled code (the open model's
 * generator runs C1 only) and wherever C2 does not inline the whole call. Nothing runs on the thread
 * between the failed call and that read but this class's code (critical calls make no thread-state
 * transition); only a safepoint taken exactly there could change {@code errno} first, which at worst
 * counts a reset as a close.
 *
 * <p>A socket's descriptor is the JDK's ({@code sun.nio.ch.SelChImpl.getFDVal}, which needs
 * {@code --add-opens java.base/sun.nio.ch}, as {@link NativeTimer}); the channel still opens, connects
 * and closes it. Stateless; the handles may be used from any thread.
 */
final class LinuxNet {

    static final int EPOLLIN = 0x1;
    static final int EPOLLOUT = 0x4;
    static final int EPOLLERR = 0x8;
    static final int EPOLLHUP = 0x10;
    static final int EPOLLRDHUP = 0x2000;
    static final int EPOLLET = 1 << 31;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_DEL = 2;
    static final int EPOLL_CTL_MOD = 3;
    static final int EPOLL_CLOEXEC = 0x80000;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int PR_SET_TIMERSLACK = 29;
    /** {@code struct epoll_event}: packed (12 bytes) on x86-64, 16 bytes with the data at 8 elsewhere. */
    static final int EVENT_BYTES;
    static final int EVENT_DATA_OFFSET;

    static final MethodHandle EPOLL_CREATE1;
    static final MethodHandle EPOLL_CTL;
    static final MethodHandle EPOLL_PWAIT2;
    /** {@code ssize_t recv(int fd, void *buf, size_t n, int flags)}, buf may be on the heap. */
    static final MethodHandle RECV;
    /** {@code ssize_t send(int fd, long address, size_t n, int flags)}. */
    static final MethodHandle SEND;
    /** {@code int *__errno_location(void)}: the calling thread's errno. */
    private static final MethodHandle ERRNO_LOCATION;
    static final MethodHandle PRCTL;
    static final MethodHandle CLOSE;
    /** {@code int fd(SocketChannel)}. */
    private static final MethodHandle FD_VAL;
    /** Why the calls cannot be made here, or {@code null} when they can. */
    private static final String UNAVAILABLE;

    static {
        String arch = System.getProperty("os.arch", "");
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        EVENT_BYTES = x86 ? 12 : 16;
        EVENT_DATA_OFFSET = x86 ? 4 : 8;
        MethodHandle create = null;
        MethodHandle ctl = null;
        MethodHandle pwait2 = null;
        MethodHandle recv = null;
        MethodHandle send = null;
        MethodHandle prctl = null;
        MethodHandle close = null;
        MethodHandle fdVal = null;
        MethodHandle errnoLocation = null;
        String why = null;
        try {
            if (!System.getProperty("os.name", "").startsWith("Linux")) {
                why = "not Linux";
            } else {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                create = linker.downcallHandle(libc.find("epoll_create1").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT));
                ctl = linker.downcallHandle(libc.find("epoll_ctl").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
                pwait2 = linker.downcallHandle(libc.find("epoll_pwait2")
                                .orElseThrow(() -> new IllegalStateException("no epoll_pwait2 in libc (glibc < 2.35)")),
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
                recv = linker.downcallHandle(libc.find("recv").orElseThrow(),
                        FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT),
                        Linker.Option.critical(true));
                send = linker.downcallHandle(libc.find("send").orElseThrow(),
                        FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT),
                        Linker.Option.critical(false));
                errnoLocation = linker.downcallHandle(libc.find("__errno_location").orElseThrow(),
                        FunctionDescriptor.of(ADDRESS), Linker.Option.critical(false));
                prctl = linker.downcallHandle(libc.find("prctl").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
                close = linker.downcallHandle(libc.find("close").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT));
                Class<?> impl = Class.forName("sun.nio.ch.SocketChannelImpl");
                fdVal = MethodHandles.privateLookupIn(impl, MethodHandles.lookup())
                        .findVirtual(impl, "getFDVal", MethodType.methodType(int.class))
                        .asType(MethodType.methodType(int.class, SocketChannel.class));
                why = probe(create, close);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            why = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        EPOLL_CREATE1 = create;
        EPOLL_CTL = ctl;
        EPOLL_PWAIT2 = pwait2;
        RECV = recv;
        SEND = send;
        PRCTL = prctl;
        CLOSE = close;
        FD_VAL = fdVal;
        ERRNO_LOCATION = errnoLocation;
        UNAVAILABLE = why;
    }

    private LinuxNet() {
    }

    /** An epoll descriptor can be made (not refused by seccomp, say): {@code null}, else why not. */
    private static String probe(MethodHandle create, MethodHandle close) {
        try {
            int ep = (int) create.invokeExact(EPOLL_CLOEXEC);
            if (ep < 0) {
                return "epoll_create1 failed";
            }
            int ignored = (int) close.invokeExact(ep);
            return null;
        } catch (Throwable e) {
            return "epoll_create1: " + e;
        }
    }

    /** Why epoll cannot be used here ({@code null}: it can). */
    static String unavailable() {
        return UNAVAILABLE;
    }

    /** The descriptor of an open channel. */
    static int fd(SocketChannel ch) {
        try {
            return (int) FD_VAL.invokeExact(ch);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read a socket's descriptor", e);
        }
    }

    /** The calling thread's {@code errno}: call right after a {@link #RECV} or {@link #SEND} returned -1. */
    static int errno() {
        try {
            MemorySegment at = (MemorySegment) ERRNO_LOCATION.invokeExact();
            return at.reinterpret(4).get(JAVA_INT, 0);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read errno", e);
        }
    }
}
