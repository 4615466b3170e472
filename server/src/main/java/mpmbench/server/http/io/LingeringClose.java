package mpmbench.server.http.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * httpd's lingering close ({@code ap_lingering_close}, RFC 9112 9.6) for a connection whose output is
 * already shut down: read and drop what the client still sends until it closes its end, falls silent
 * for {@link #READ_WAIT_MS}, or {@link #MAX_MS} have passed; then the owner closes the socket.
 *
 * <p>Why: closing a socket with unread input makes the kernel answer with a reset, and a reset
 * discards what was still on its way to the client, e.g. the end of the last response when a
 * request was pipelined behind it. After a FIN and the drain, the client reads the whole answer and
 * an orderly end of stream.
 *
 * <p>Used by the models whose thread waits anyway (prefork, worker: httpd's worker also lingers in
 * its thread; virtual: a parked virtual thread costs no carrier). The event model drains in its
 * selector thread instead (its own loop, the same bounds). Static; allocates one small buffer wrapper
 * per close, never per request.
 */
public final class LingeringClose {

    /** httpd's SECONDS_TO_LINGER: how long one read waits for more input, in ms. */
    public static final long READ_WAIT_MS = 2_000;
    /** httpd's MAX_SECS_TO_LINGER: the longest a client that keeps sending is drained, in ms. */
    public static final long MAX_MS = 30_000;

    /** Where drained bytes go; shared by every thread, as nothing ever reads it. */
    private static final byte[] DISCARD = new byte[16 * 1024];

    private LingeringClose() {
    }

    /**
     * Drains {@code io} (output already shut down) within the bounds above, each read waiting at most
     * {@code min(READ_WAIT_MS, timeoutMs)}, so a short Timeout shortens the linger too. Never throws:
     * a client that resets or vanishes simply ends it.
     */
    public static void drain(ChannelIo io, long timeoutMs) {
        drain(io, ByteBuffer.wrap(DISCARD), timeoutMs);
    }

    /** {@link #drain(ChannelIo, long)} into a buffer of the caller's (its content is lost). */
    public static void drain(ChannelIo io, ByteBuffer scratch, long timeoutMs) {
        long readWaitMs = Math.max(1, Math.min(READ_WAIT_MS, timeoutMs));
        long deadline = System.nanoTime() + MAX_MS * 1_000_000L;
        try {
            do {
                scratch.clear();
                if (io.read(scratch, readWaitMs) <= 0) {
                    return; // end of stream, or silent for the read wait
                }
            } while (System.nanoTime() - deadline < 0);
        } catch (IOException | RuntimeException gone) {
            // reset or closed by the client: nothing left to drain
        }
    }
}
