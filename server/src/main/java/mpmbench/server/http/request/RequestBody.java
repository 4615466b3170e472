package mpmbench.server.http.request;

import java.nio.ByteBuffer;

/**
 * The body of the current request, kept only when the handler asked for it
 * ({@link mpmbench.server.http.RequestHandler#wantsBody}); otherwise the parser discards body bytes
 * and this stays empty.
 *
 * <p>A growable array owned by one parser: it grows to the largest body kept so far (at most
 * LimitRequestBody, and at most {@link #MAX_KEPT}) and is reused, so steady-state requests of
 * a steady size allocate nothing. Single-threaded.
 */
public final class RequestBody {

    /**
     * The most a kept body can hold, in bytes, whatever LimitRequestBody says: a body in memory must
     * never be what ends a child (its heap may be 64 MiB), so a larger one is a 413 (before reading it
     * when Content-Length tells). Bodies the server passes on are streamed instead (POST /echo).
     */
    static final int MAX_KEPT = 16 << 20;

    private byte[] bytes = new byte[1024];
    private int length;

    /** The array holding the body in {@code [0, length())}; valid until the next request. */
    public byte[] array() {
        return bytes;
    }

    /** Body bytes kept, in bytes. */
    public int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    /** Makes room for {@code more} bytes beyond the current length, up to {@link #MAX_KEPT}. */
    void ensureRoom(long more) {
        long need = length + more;
        if (need > MAX_KEPT) {
            throw new AnswerAndCloseException(413, "body over what a handler may keep in memory");
        }
        if (need > bytes.length) {
            long grown = Math.max(need, Math.min(MAX_KEPT, 2L * bytes.length));
            bytes = java.util.Arrays.copyOf(bytes, (int) grown);
        }
    }

    void append(ByteBuffer src, int count) {
        ensureRoom(count);
        src.get(bytes, length, count);
        length += count;
    }
}
