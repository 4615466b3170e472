package mpmbench.server.mpm;

import java.io.IOException;
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
 * before the close and put back with {@code dup2} after, through {@link Libc}. A thread that writes in the
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
            restore(savedOut, STDOUT);
            restore(savedErr, STDERR);
        }
    }

    /**
     * Puts {@code saved} back as {@code fd} and closes the copy; nothing when there is none (the stream
     * stays at /dev/null).
     */
    private static void restore(int saved, int fd) {
        if (saved >= 0) {
            Libc.dup2(saved, fd);
            Libc.close(saved);
        }
    }
}
