package mpmbench.loadgen.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.nio.channels.Selector;

/**
 * Linux calls through the FFM API that give the loop waits with nanosecond timeouts, which
 * {@link Selector#select(long)} (whole milliseconds) cannot:
 * <ul>
 *   <li>{@code prctl(PR_SET_TIMERSLACK, 1)}: the calling thread's timer slack from Linux's default
 *       50 µs ({@code /proc/self/timerslack_ns}) to 1 ns, so its timed waits are not rounded up;</li>
 *   <li>{@code ppoll} on the selector's own epoll descriptor with a {@code timespec} timeout: it returns
 *       when a registered socket is ready (the epoll descriptor is then readable) or when the time is up,
 *       and consumes nothing: the selector's level-triggered epoll reports the same events to the
 *       {@code selectNow()} that follows.</li>
 * </ul>
 * The epoll descriptor is a private field of the JDK's {@code sun.nio.ch.EPollSelectorImpl}; reading
 * it needs {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (the jar's manifest says so for
 * {@code java -jar}) and native access ({@code Enable-Native-Access: ALL-UNNAMED}). When either is
 * missing, or off Linux, {@link #forSelector} returns {@code null} and the loop falls back to
 * millisecond waits.
 *
 * <p>One instance per I/O thread, used only by the thread that created it (its memory is confined).
 */
final class NativeTimer implements AutoCloseable {

    private static final int PR_SET_TIMERSLACK = 29;
    private static final short POLLIN = 1;
    private static final MethodHandle PPOLL;
    private static final MethodHandle PRCTL;
    private static final Field EPFD;

    static {
        MethodHandle ppoll = null;
        MethodHandle prctl = null;
        Field epfd = null;
        try {
            if (System.getProperty("os.name", "").startsWith("Linux")) {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                ppoll = linker.downcallHandle(libc.find("ppoll").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                                ValueLayout.ADDRESS, ValueLayout.ADDRESS));
                prctl = linker.downcallHandle(libc.find("prctl").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
                Field f = Class.forName("sun.nio.ch.EPollSelectorImpl").getDeclaredField("epfd");
                f.setAccessible(true);
                epfd = f;
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            ppoll = null; // not Linux's epoll selector, or not opened to us: millisecond waits
        }
        PPOLL = ppoll;
        PRCTL = prctl;
        EPFD = epfd;
    }

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment pollfd = arena.allocate(8, 8);
    private final MemorySegment timespec = arena.allocate(16, 8);

    private NativeTimer(int epfd) {
        pollfd.set(ValueLayout.JAVA_INT, 0, epfd);
        pollfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
    }

    /**
     * A timer for waits on {@code selector} by the calling thread, whose timer slack it sets to 1 ns;
     * {@code null} when the native calls are not available (see the class comment).
     */
    static NativeTimer forSelector(Selector selector) {
        if (PPOLL == null || EPFD == null || EPFD.getDeclaringClass() != selector.getClass()) {
            return null;
        }
        try {
            int slackResult = (int) PRCTL.invokeExact(PR_SET_TIMERSLACK, 1L, 0L, 0L, 0L);
            if (slackResult != 0) {
                return null;
            }
            return new NativeTimer(EPFD.getInt(selector));
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * Blocks until a socket registered with the selector is ready or {@code ns} nanoseconds have
     * passed (or a signal arrives). Dispatches nothing: call {@code selectNow} afterwards.
     */
    void sleep(long ns) {
        timespec.set(ValueLayout.JAVA_LONG, 0, ns / 1_000_000_000L);
        timespec.set(ValueLayout.JAVA_LONG, 8, ns % 1_000_000_000L);
        try {
            int ignored = (int) PPOLL.invokeExact(pollfd, 1L, timespec, MemorySegment.NULL);
        } catch (Throwable e) {
            throw new IllegalStateException("ppoll failed", e);
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
