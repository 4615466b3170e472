package mpmbench.server.http.io;

import java.nio.ByteBuffer;

/**
 * close_notify for a TLS connection closed while it waits outside a serving turn (parked: a
 * keep-alive or first-request timeout, a graceful stop's earlier deadline), so that it ends as a
 * connection closed inside a turn does ({@link TlsChannelIo#sendCloseQuietly}) and as mod_ssl's
 * "standard" shutdown does: close_notify sent, the client's not awaited.
 *
 * <p>{@link #of} wraps the alert into a buffer of one TLS record owned here; the caller writes it
 * as its model can without waiting (the event model's selector thread: one non-blocking write,
 * dropped if it does not fit, as the client's receive window is then full anyway). One instance per
 * thread that closes parked connections; allocates nothing of its own per call (JSSE's engine
 * allocates its result). The engine's own part is {@link TlsSession#closeNotifyInto}.
 */
public final class CloseNotifyRecord {

    private final ByteBuffer record;

    /** @param packetBytes the largest TLS record of the engine (JSSE's {@code SSLSession.getPacketBufferSize()}) */
    public CloseNotifyRecord(int packetBytes) {
        record = ByteBuffer.allocateDirect(packetBytes);
    }

    /**
     * The close_notify record of {@code session}, ready to write (valid until the next call), or
     * null when there is none to send: no TLS, a handshake that did not finish (it ends without one,
     * as in a serving turn), close_notify sent already, or an engine that fails. Closes the
     * session's outbound side. Never throws.
     */
    public ByteBuffer of(TlsSession session) {
        if (session == null || !session.handshakeDone) {
            return null;
        }
        return session.closeNotifyInto(record) ? record : null;
    }
}
