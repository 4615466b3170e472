package mpmbench.server.http.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * {@link ChannelIo} for virtual threads: a blocking {@link SocketChannel}. Reads go through the socket
 * adaptor's InputStream with SO_TIMEOUT set per call, because on JDK 21+ a timed read there parks the
 * virtual thread (the JDK polls the socket non-blocking underneath) instead of pinning its carrier;
 * {@code SocketChannel.read} itself has no timeout. Writes use {@code SocketChannel.write}, which also
 * parks a virtual thread.
 *
 * <p>A write has no timeout of its own (a blocking channel has none): it waits until the peer reads.
 * Timeout on writes is enforced by a watchdog thread of the caller's, which calls
 * {@link #abortIfStalled} on every live connection now and then; a client that never reads is so
 * cut off after Timeout to a few seconds more, and its thread, descriptor and slot are freed.
 *
 * <p>A timeout of 0 ms or less means "do not wait": read returns what the socket has buffered, possibly 0.
 * One instance per connection (they are cheap: a few objects, no buffer unless a direct buffer is read
 * into), or reused with {@link #attach}; one thread at a time.
 *
 * <p>{@link #awaitData} lets a connection wait for its next request without a read buffer: the one
 * byte it reads is handed out first by the next {@link #read}. The virtual-thread model waits so and
 * borrows a connection loop, with its buffers, only while a request is served.
 */
public final class BlockingChannelIo implements ChannelIo, HalfClosable {

    private static final int SCRATCH_BYTES = 16 * 1024;

    private byte[] scratch;
    private volatile SocketChannel channel;
    private InputStream in;
    private int pushedBack = -1;
    /** System.nanoTime() when the write under way began (low bit set), 0 when none is. */
    private volatile long writingSince;

    /** Starts serving {@code connection}, making it blocking if it is not already. */
    public void attach(SocketChannel connection) throws IOException {
        if (!connection.isBlocking()) {
            connection.configureBlocking(true);
        }
        channel = connection;
        in = connection.socket().getInputStream();
        pushedBack = -1;
    }

    /**
     * Waits up to {@code timeoutMs} for the next byte and keeps it for the next {@link #read}.
     *
     * @return 1 when a byte arrived, 0 when the timeout passed, -1 at end of stream
     */
    public int awaitData(long timeoutMs) throws IOException {
        if (pushedBack >= 0) {
            return 1;
        }
        channel.socket().setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMs)));
        try {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            pushedBack = b;
            return 1;
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public int read(ByteBuffer dst, long timeoutMs) throws IOException {
        if (pushedBack >= 0 && dst.hasRemaining()) {
            dst.put((byte) pushedBack);
            pushedBack = -1;
            // The rest of the request is usually there already: take it without waiting.
            int more = dst.hasRemaining() ? read(dst, 0) : 0;
            return 1 + Math.max(0, more);
        }
        if (!dst.hasArray() && scratch == null) {
            scratch = new byte[SCRATCH_BYTES];
        }
        byte[] array = dst.hasArray() ? dst.array() : scratch;
        int offset = dst.hasArray() ? dst.arrayOffset() + dst.position() : 0;
        int len = dst.hasArray() ? dst.remaining() : Math.min(dst.remaining(), scratch.length);
        int n;
        if (timeoutMs <= 0) {
            int available = in.available();
            if (available == 0) {
                return 0;
            }
            n = in.read(array, offset, Math.min(len, available));
        } else {
            channel.socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs));
            try {
                n = in.read(array, offset, len);
            } catch (SocketTimeoutException e) {
                return 0;
            }
        }
        if (n > 0) {
            if (dst.hasArray()) {
                dst.position(dst.position() + n);
            } else {
                dst.put(scratch, 0, n);
            }
        }
        return n;
    }

    @Override
    public void write(ByteBuffer src, long timeoutMs) throws IOException {
        writingSince = System.nanoTime() | 1;
        try {
            while (src.hasRemaining()) {
                channel.write(src);
            }
        } finally {
            writingSince = 0;
        }
    }

    /**
     * Closes the connection when one write has been under way for more than {@code timeoutMs}
     * (the peer reads nothing); the blocked write then fails. Called from a watchdog thread.
     *
     * @return true when it closed the connection
     */
    public boolean abortIfStalled(long nowNanos, long timeoutMs) {
        long since = writingSince;
        SocketChannel c = channel;
        if (since == 0 || c == null || nowNanos - since <= timeoutMs * 1_000_000L) {
            return false;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a connection that died anyway
        }
        return true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** Closes the connection; never throws. Called by its owner (the virtual model), never by the loop. */
    public void close() {
        SocketChannel c = channel;
        channel = null;
        in = null;
        pushedBack = -1;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing left to do for a connection that is going away
            }
        }
    }
}
