package mpmbench.server.http;

import java.nio.ByteBuffer;

/**
 * The body of the current request, kept only when the handler asked for it
 * ({@link RequestHandler#wantsBody}); otherwise the parser discards body bytes and this stays empty.
 *
 * <p>A growable array owned by one parser: it grows to the largest body kept so far (at most
 * LimitRequestBody, and at most what a Java array holds) and is reused, so steady-state requests of
 * a steady size allocate nothing. Single-threaded.
 */
public final class RequestBody {

    /** The most a kept body can hold, whatever LimitRequestBody says: a Java array's reach. */
    static final int MAX_KEPT = Integer.MAX_VALUE - 16;

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
            throw new AnswerAndCloseException(413, "body too large to keep");
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
