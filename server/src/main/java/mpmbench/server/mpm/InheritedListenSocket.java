package mpmbench.server.mpm;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.channels.ServerSocketChannel;

/**
 * Closes a child's copy of the listening socket it inherited as stdin without losing its stdout and
 * stderr.
 *
 * <p>Why: the JDK's inherited channel ({@link System#inheritedChannel()}, the socket on fd 0) points
 * fds 0, 1 and 2 at /dev/null when it is closed ({@code sun.nio.ch.InheritedChannel}'s
 * {@code detachIOStreams}: inetd's convention, where all three are the socket). A child's fds 1 and 2
 * are the master's stdout and stderr, so whatever a child wrote after its stop began (a warning, an
 * accept failure, the JVM's own output) went nowhere. Here fds 1 and 2 are saved with {@code dup}
 * before the close and put back with {@code dup2} after, through the Foreign Function &amp; Memory
 * API, linked on first use: at a child's stop, never at its start. A thread that writes in the
 * microseconds between still writes to /dev/null.
 *
 * <p>Best effort: when {@code dup} fails (no descriptor left) the close happens as before. Needs
 * {@code --enable-native-access} (the master gives it to every child). Any thread; called once per
 * child, by whoever stops its accepting.
 */
public final class InheritedListenSocket {

    private static final int STDOUT = 1;
    private static final int STDERR = 2;

    private InheritedListenSocket() {
    }

    /** Closes {@code listen}; when it is the inherited channel, fds 1 and 2 stay what they were. */
    public static void close(ServerSocketChannel listen) throws IOException {
        if (listen != System.inheritedChannel()) {
            listen.close();
            return;
        }
        int savedOut = Libc.dup(STDOUT);
        int savedErr = Libc.dup(STDERR);
        try {
            listen.close();
        } finally {
            Libc.restore(savedOut, STDOUT);
            Libc.restore(savedErr, STDERR);
        }
    }

    /** The three calls, linked when a child first closes its socket (the class is loaded then). */
    private static final class Libc {

        private static final Linker LINKER = Linker.nativeLinker();
        private static final MethodHandle DUP = fn("dup", ValueLayout.JAVA_INT);
        private static final MethodHandle DUP2 = fn("dup2", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
        private static final MethodHandle CLOSE = fn("close", ValueLayout.JAVA_INT);

        private static MethodHandle fn(String name, ValueLayout... args) {
            return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, args));
        }

        /** A copy of {@code fd}, or -1. */
        static int dup(int fd) {
            try {
                return (int) DUP.invokeExact(fd);
            } catch (Throwable t) {
                return -1;
            }
        }

        /** Puts {@code saved} back as {@code fd} and closes the copy; nothing when there is none. */
        static void restore(int saved, int fd) {
            if (saved < 0) {
                return;
            }
            try {
                int ignored = (int) DUP2.invokeExact(saved, fd);
                ignored = (int) CLOSE.invokeExact(saved);
            } catch (Throwable t) {
                // the stream stays at /dev/null, as before
            }
        }
    }
}
