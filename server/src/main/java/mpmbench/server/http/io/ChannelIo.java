package mpmbench.server.http.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Blocking-style I/O with timeouts on one connection: what a connection loop needs from a socket,
 * and nothing more, so the same loop runs under every concurrency model.
 *
 * <p>Used by one thread at a time. Implementations must not allocate per call in the steady state.
 * There is no close here on purpose: the connection loop never closes a socket; the model that
 * accepted the connection owns it and closes it.
 */
public interface ChannelIo {

    /**
     * Reads what is available into {@code dst}, waiting up to {@code timeoutMs} for at least one byte.
     * A {@code timeoutMs} of 0 or less must not wait at all: it returns what is already there, possibly
     * 0 ({@link mpmbench.server.http.Http1Connection} relies on this to park idle connections without
     * blocking).
     *
     * @return bytes read (&gt; 0), {@code -1} at end of stream, or {@code 0} when the timeout passed
     */
    int read(ByteBuffer dst, long timeoutMs) throws IOException;

    /**
     * Writes all remaining bytes of {@code src}; gives up with an {@link IOException} when no byte
     * could be written for {@code timeoutMs}.
     */
    void write(ByteBuffer src, long timeoutMs) throws IOException;

    /**
     * True when bytes of the client's sit above the socket, received but not yet handed out by
     * {@link #read} (a TLS engine's undecrypted records or decrypted data). The socket's readiness does
     * not announce them, so a model must not park an idle connection that has some. A plain socket holds
     * none. Must not allocate.
     */
    default boolean buffered() {
        return false;
    }
}
