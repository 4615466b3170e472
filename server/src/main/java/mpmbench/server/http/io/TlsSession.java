package mpmbench.server.http.io;

import java.nio.ByteBuffer;
import java.util.Arrays;

import javax.net.ssl.SSLEngine;

/**
 * What one TLS connection keeps between its turns on a {@link TlsChannelIo}: its {@link SSLEngine}
 * (keys, sequence numbers, handshake state) and, rarely, bytes received but not yet decrypted (a
 * record cut in two by TCP) or decrypted but not yet read. A connection that waits for its next
 * request holds no buffer: only these few objects and the engine's own state.
 *
 * <p>One per connection, created by the model's TLS context; touched by one thread at a time (a
 * hand-over between threads must publish it, as the event model's queue does).
 */
public final class TlsSession {

    final SSLEngine engine;
    boolean handshakeBegun;
    /** System.currentTimeMillis() when the handshake began: a session created before was resumed. */
    long handshakeStartedMillis;
    boolean handshakeDone;
    /** The first record's header has been looked at (plain HTTP or TLS, {@link TlsChannelIo#looksLikePlainHttp}). */
    boolean firstRecordSeen;
    private byte[] netStash;
    private byte[] appStash;

    /** @param engine a server-mode engine, configured, not yet handshaking */
    public TlsSession(SSLEngine engine) {
        this.engine = engine;
    }

    /** The connection's engine, e.g. to see its negotiated session. */
    public SSLEngine engine() {
        return engine;
    }

    /** When the handshake began, in ms since the epoch; a session created earlier was resumed. */
    public long handshakeStartedMillis() {
        return handshakeStartedMillis;
    }

    /** True once the handshake finished: application data flows. */
    public boolean handshakeDone() {
        return handshakeDone;
    }

    /** Keeps what is left in {@code net} (received, still encrypted) and {@code app} (decrypted, unread). */
    void stash(ByteBuffer netFilled, ByteBuffer appPending) {
        netStash = netFilled.position() == 0 ? null : Arrays.copyOf(netFilled.array(), netFilled.position());
        appStash = appPending.hasRemaining()
                ? Arrays.copyOfRange(appPending.array(), appPending.position(), appPending.limit()) : null;
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
}
