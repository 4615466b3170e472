package mpmbench.server.http.io;

import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * A TLS connection's state in JSSE: its {@link SSLEngine}, on the Java heap, freed with the session.
 * See {@link TlsSession}.
 */
public final class JsseSession extends TlsSession {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    final SSLEngine engine;

    /** @param engine a server-mode engine, configured, not yet handshaking */
    public JsseSession(SSLEngine engine) {
        this.engine = engine;
    }

    /** The connection's engine, e.g. to see its negotiated session. */
    public SSLEngine engine() {
        return engine;
    }

    @Override
    boolean closeNotifyInto(ByteBuffer record) {
        if (engine.isOutboundDone()) {
            return false;
        }
        record.clear();
        try {
            engine.closeOutbound();
            engine.wrap(EMPTY, record);
        } catch (SSLException | RuntimeException e) {
            return false;
        }
        record.flip();
        return record.hasRemaining();
    }
}
