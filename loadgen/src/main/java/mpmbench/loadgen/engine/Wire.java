package mpmbench.loadgen.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * How a {@link Connection}'s bytes meet its socket, chosen once per connection when the run is set up:
 * {@link PlainWire} (the bytes as they are, one system call each, as before TLS existed) or
 * {@link TlsWire} (a JSSE {@code SSLEngine} between them). The loop calls only these methods for the
 * connection's I/O, so the plain path has no TLS test in it: a run uses one kind, and the JIT sees one
 * receiver at each call. Called only from the connection's loop thread.
 */
interface Wire {

    /**
     * The TCP connect of {@code c} is complete, or the socket is ready while its handshake goes on:
     * takes the handshake as far as the server's bytes allow.
     *
     * @return true when the connection may carry requests (plain: at once); false: it waits for the
     *         socket (the wire has set the key's interest)
     * @throws IOException when the handshake failed (a connect error)
     */
    boolean handshake(Connection c, long now) throws IOException;

    /**
     * Reads what the connection has for the application into {@code dst} (which is empty, of the
     * loop's read size).
     *
     * @return bytes put into {@code dst}; -1 at the end of the stream (TLS: also the server's close_notify)
     */
    int read(SocketChannel ch, ByteBuffer dst) throws IOException;

    /**
     * After a {@link #read} of {@code r} bytes into a buffer of {@code capacity}: whether another read may
     * find more right away (plain: the buffer was filled; TLS: also records decrypted no further).
     */
    boolean moreToRead(int r, int capacity);

    /**
     * Writes {@code src} from its position to its limit, and first anything an earlier call left unsent.
     *
     * @return true when all of it is on the socket; false: the socket is full, wait for OP_WRITE and call
     *         again with the same buffer
     */
    boolean write(SocketChannel ch, ByteBuffer src) throws IOException;

    /** The connection is being closed ({@code ch}: its channel, or {@code null}): forgets its state. */
    void closing(SocketChannel ch);
}
