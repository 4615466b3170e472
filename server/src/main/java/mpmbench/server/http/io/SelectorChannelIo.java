package mpmbench.server.http.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * {@link ChannelIo} for platform threads: a non-blocking {@link SocketChannel} plus a private
 * {@link Selector} used only to wait, with a timeout, until the channel is readable or writable.
 *
 * <p>One instance per thread, reused across connections: {@link #attach} a connection, serve it,
 * then {@link #detach} it; it never closes a connection (its owner does). The channel may be registered
 * with other selectors at the same time (the event model's listener keeps it in its own selector), so
 * this class switches a blocking channel to non-blocking but never back, and cancels only its own key.
 * Waiting allocates nothing per call: the select uses a pre-built no-op consumer.
 *
 * <p>A timeout of 0 ms or less means "do not wait": read returns what is there, possibly 0.
 */
public final class SelectorChannelIo implements ChannelIo, HalfClosable {

    private static final Consumer<SelectionKey> IGNORE = key -> { };

    private final Selector selector;
    private SocketChannel channel;
    private SelectionKey key;

    /** Opens the private selector; release it with {@link #release()} when the thread ends. */
    public SelectorChannelIo() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts serving {@code connection}, making it non-blocking if it is not already. */
    public void attach(SocketChannel connection) throws IOException {
        if (channel != null) {
            throw new IllegalStateException("already attached");
        }
        if (connection.isBlocking()) {
            connection.configureBlocking(false);
        }
        channel = connection;
    }

    /** Stops serving the connection without closing it; cancels this selector's key. */
    public void detach() {
        if (key != null) {
            key.cancel();
            key = null;
            try {
                // completes the deregistration now, so a close elsewhere releases the socket at once
                selector.selectNow();
            } catch (IOException ignored) {
                // the selector is unusable; the next wait will say so
            }
        }
        channel = null;
    }

    @Override
    public int read(ByteBuffer dst, long timeoutMs) throws IOException {
        int n = channel.read(dst);
        if (n != 0 || timeoutMs <= 0) {
            return n;
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        for (;;) {
            long leftMs = (deadline - System.nanoTime() + 999_999L) / 1_000_000L;
            if (leftMs <= 0) {
                return 0;
            }
            await(SelectionKey.OP_READ, leftMs);
            n = channel.read(dst);
            if (n != 0) {
                return n;
            }
        }
    }

    @Override
    public void write(ByteBuffer src, long timeoutMs) throws IOException {
        while (src.hasRemaining()) {
            if (channel.write(src) > 0) {
                continue;
            }
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            while (channel.write(src) == 0) {
                long leftMs = (deadline - System.nanoTime() + 999_999L) / 1_000_000L;
                if (leftMs <= 0 || timeoutMs <= 0) {
                    throw new SocketTimeoutException("no byte written for " + timeoutMs + " ms");
                }
                await(SelectionKey.OP_WRITE, leftMs);
            }
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** Detaches the connection, if any, and closes the private selector; the instance is unusable afterwards. */
    public void release() {
        detach();
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing: nothing to report
        }
    }

    private void await(int ops, long timeoutMs) throws IOException {
        if (key == null) {
            key = channel.register(selector, ops);
        } else if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
        selector.select(IGNORE, timeoutMs);
    }
}
