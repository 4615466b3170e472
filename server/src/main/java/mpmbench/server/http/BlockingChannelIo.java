package mpmbench.server.http;

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
 * <p>Limit: a write has no timeout here: it waits until the peer reads or the connection dies (the
 * kernel's retransmission timeout). Enforcing Timeout on writes would need a timer per write.
 *
 * <p>A timeout of 0 ms or less means "do not wait": read returns what the socket has buffered, possibly 0.
 * One instance per connection (they are cheap), or reused with {@link #attach}; one thread at a time.
 */
public final class BlockingChannelIo implements ChannelIo, HalfClosable {

    private final byte[] scratch = new byte[16 * 1024];
    private SocketChannel channel;
    private InputStream in;

    /** Starts serving {@code connection}, making it blocking if it is not already. */
    public void attach(SocketChannel connection) throws IOException {
        if (!connection.isBlocking()) {
            connection.configureBlocking(true);
        }
        channel = connection;
        in = connection.socket().getInputStream();
    }

    @Override
    public int read(ByteBuffer dst, long timeoutMs) throws IOException {
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
        while (src.hasRemaining()) {
            channel.write(src);
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() {
        SocketChannel c = channel;
        channel = null;
        in = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing left to do for a connection that is going away
            }
        }
    }
}
