package mpmbench.loadgen.engine;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * Closes channels once their selector has deregistered them. Closing a connected channel that is
 * still registered makes the JDK read SO_LINGER, shut the socket down for writing and defer the real
 * close to the selector's next select: two system calls and a lock dance per connection more than
 * wrk's close, which shows without keep-alive. So a connection's key is cancelled at once and its
 * channel closed after the next select has flushed the cancelled key (epoll_ctl DEL), when the close
 * is a plain close(2). Reuses its array: no allocation per connection in the steady state.
 * Only the loop's thread may call it.
 */
final class DeferredCloses {

    private SocketChannel[] channels = new SocketChannel[64];
    private int size;

    /** A channel whose key was just cancelled. */
    void add(SocketChannel ch) {
        if (size == channels.length) {
            channels = Arrays.copyOf(channels, size * 2);
        }
        channels[size++] = ch;
    }

    /** How many are waiting; pass it to {@link #closeFirst} after the next select. */
    int size() {
        return size;
    }

    /** Closes the first {@code n} channels (cancelled before a select that has since run). */
    void closeFirst(int n) {
        for (int i = 0; i < n; i++) {
            close(channels[i]);
        }
        System.arraycopy(channels, n, channels, 0, size - n);
        Arrays.fill(channels, size - n, size, null);
        size -= n;
    }

    /** Closes all (the selector is closed, so none is registered any more). */
    void closeAll() {
        closeFirst(size);
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // the descriptor is released either way
        }
    }
}
