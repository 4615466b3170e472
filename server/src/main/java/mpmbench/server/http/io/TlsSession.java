package mpmbench.server.http.io;

import java.nio.ByteBuffer;

/**
 * What one TLS connection keeps between its turns on a {@link TlsChannelIo}: its engine's state
 * (keys, sequence numbers, handshake state: {@link JsseSession} or {@link OpenSslSession}) and, rarely,
 * bytes received but not yet decrypted (a record cut in two by TCP) or decrypted but not yet read. A
 * connection that waits for its next request holds no buffer of the loop's: only these few objects
 * and the engine's own state.
 *
 * <p>One per connection, created by the model's TLS context; touched by one thread at a time (a
 * hand-over between threads must publish it, as the event model's queue does). {@link #release()}
 * frees what the engine keeps outside the Java heap (OpenSSL's {@code SSL}) when the connection is
 * closed; a session never released is freed when it becomes unreachable.
 */
public abstract sealed class TlsSession permits JsseSession, OpenSslSession {

    boolean handshakeBegun;
    /** System.currentTimeMillis() when the handshake began: a session created before was resumed. */
    long handshakeStartedMillis;
    boolean handshakeDone;
    /** The first record's header has been looked at (plain HTTP or TLS, {@link TlsChannelIo#looksLikePlainHttp}). */
    boolean firstRecordSeen;
    private byte[] netStash;
    private byte[] appStash;

    TlsSession() {
    }

    /** When the handshake began, in ms since the epoch; a session created earlier was resumed. */
    public long handshakeStartedMillis() {
        return handshakeStartedMillis;
    }

    /** True once the handshake finished: application data flows. */
    public boolean handshakeDone() {
        return handshakeDone;
    }

    /** Frees the engine's native state, if it has any; the session is unusable afterwards. Idempotent. */
    public void release() {
    }

    /**
     * Closes the session's sending side and puts its close_notify record into {@code record} (cleared
     * first, flipped after); false when there is none to send (sent already, or the engine failed).
     * Never throws.
     */
    abstract boolean closeNotifyInto(ByteBuffer record);

    /** Keeps what is left in {@code net} (received, still encrypted) and {@code app} (decrypted, unread). */
    void stash(ByteBuffer netFilled, ByteBuffer appPending) {
        netStash = netFilled.position() == 0 ? null : copy(netFilled, 0, netFilled.position());
        appStash = appPending.hasRemaining() ? copy(appPending, appPending.position(), appPending.limit()) : null;
    }

    /** Puts back what {@link #stash} kept into freshly cleared buffers ({@code app} is left for reading). */
    void unstash(ByteBuffer netFilling, ByteBuffer appPending) {
        if (netStash != null) {
            netFilling.put(netStash);
            netStash = null;
        }
        appPending.clear();
        if (appStash != null) {
            appPending.put(appStash);
            appStash = null;
        }
        appPending.flip();
    }

    private static byte[] copy(ByteBuffer b, int from, int to) {
        byte[] out = new byte[to - from];
        b.get(from, out);
        return out;
    }
}
