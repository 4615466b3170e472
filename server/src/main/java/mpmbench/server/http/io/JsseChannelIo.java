package mpmbench.server.http.io;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * {@link TlsChannelIo} through JSSE: the connection's {@link SSLEngine} ({@link JsseSession}) decrypts
 * what {@code netIn} received into {@code appIn} ({@code unwrap}) and encrypts what the loop writes
 * into {@code netOut} ({@code wrap}).
 *
 * <p>No allocation per call here in the steady state; JSSE's engine allocates its own per record (its
 * results, the cipher's work): about 3.3 KB per keep-alive {@code /hello} with AES-GCM on JDK 25,
 * measured with ThreadMXBean on the serving thread, where plain HTTP allocates nothing.
 */
public final class JsseChannelIo extends TlsChannelIo {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** One-element arrays for SSLEngine's array calls: its one-buffer calls wrap theirs in a new array. */
    private final ByteBuffer[] wrapSource = new ByteBuffer[1];
    private final ByteBuffer[] unwrapTarget = new ByteBuffer[1];
    private SSLEngine engine;

    /**
     * @param packetBytes      the largest TLS record, {@code SSLSession.getPacketBufferSize()}
     * @param applicationBytes the largest decrypted record, {@code SSLSession.getApplicationBufferSize()}
     */
    public JsseChannelIo(int packetBytes, int applicationBytes) {
        super(ByteBuffer.allocate(packetBytes), ByteBuffer.allocate(applicationBytes),
                ByteBuffer.allocateDirect(packetBytes));
        unwrapTarget[0] = appIn;
    }

    @Override
    void attached(TlsSession tls) {
        engine = ((JsseSession) tls).engine;
    }

    @Override
    void detached() {
        engine = null;
    }

    @Override
    public Handshake handshake(long timeoutMs) {
        if (session.handshakeDone) {
            return Handshake.DONE;
        }
        try {
            if (beginHandshake()) {
                engine.beginHandshake();
            }
            boolean finished = false;
            for (;;) {
                SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                switch (hs) {
                    case NEED_TASK -> runTasks();
                    case NEED_WRAP -> finished |= wrapAndSend(EMPTY) == SSLEngineResult.HandshakeStatus.FINISHED;
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        if (finished) {
                            session.handshakeDone = true;
                            return Handshake.DONE;
                        }
                        Handshake plain = checkFirstRecord();
                        if (plain != null) {
                            return plain;
                        }
                        SSLEngineResult r = unwrapOnce();
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            return Handshake.FAILED;
                        }
                        finished |= r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED;
                        if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                            int n = raw.read(netIn, timeoutMs);
                            if (n < 0 || (n == 0 && timeoutMs > 0)) {
                                return Handshake.FAILED;
                            }
                            if (n == 0) {
                                return Handshake.WAITING;
                            }
                        }
                    }
                    default -> { // NOT_HANDSHAKING, FINISHED
                        session.handshakeDone = true;
                        return Handshake.DONE;
                    }
                }
            }
        } catch (SSLException e) {
            sendCloseQuietly(); // the alert JSSE prepared
            return Handshake.FAILED;
        } catch (IOException | RuntimeException e) {
            return Handshake.FAILED;
        }
    }

    @Override
    boolean decrypt() throws IOException {
        return unwrapAll() == SSLEngineResult.Status.CLOSED;
    }

    @Override
    void received() {
        // the engine decrypts from netIn itself
    }

    /** Nothing: JSSE's engine keeps no received bytes of its own; what it has not unwrapped stays in netIn. */
    @Override
    boolean engineBuffered() {
        return false;
    }

    @Override
    public void write(ByteBuffer src, long timeoutMs) throws IOException {
        while (src.hasRemaining()) {
            netOut.clear();
            SSLEngineResult r = wrap(src);
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                throw new SSLException("TLS write: " + r.getStatus());
            }
            netOut.flip();
            raw.write(netOut, timeoutMs);
        }
        netOut.clear();
    }

    @Override
    void sendCloseNotify() throws IOException {
        engine.closeOutbound();
        wrapAndSend(EMPTY);
    }

    @Override
    public void sendCloseQuietly() {
        try {
            engine.closeOutbound();
            wrapAndSend(EMPTY);
        } catch (IOException | RuntimeException e) {
            // the client is gone, or the engine failed: the connection is closed anyway
        }
    }

    /** Decrypts what netIn holds into appIn as far as it goes; the engine's last status. */
    private SSLEngineResult.Status unwrapAll() throws IOException {
        for (;;) {
            SSLEngineResult r = unwrapOnce();
            switch (r.getHandshakeStatus()) {
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> wrapAndSend(EMPTY); // e.g. a KeyUpdate answered
                default -> { }
            }
            if (r.getStatus() != SSLEngineResult.Status.OK || netIn.position() == 0
                    || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) {
                return r.getStatus();
            }
        }
    }

    private SSLEngineResult unwrapOnce() throws SSLException {
        netIn.flip();
        appIn.compact();
        try {
            return engine.unwrap(netIn, unwrapTarget, 0, 1);
        } finally {
            netIn.compact();
            appIn.flip();
        }
    }

    /** Wraps {@code src} (empty for handshake or close messages) and sends what came out. */
    private SSLEngineResult.HandshakeStatus wrapAndSend(ByteBuffer src) throws IOException {
        netOut.clear();
        SSLEngineResult r = wrap(src);
        netOut.flip();
        if (netOut.hasRemaining()) {
            raw.write(netOut, writeTimeoutMs);
        }
        netOut.clear();
        if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            runTasks();
        }
        return r.getHandshakeStatus();
    }

    private SSLEngineResult wrap(ByteBuffer src) throws SSLException {
        wrapSource[0] = src;
        try {
            return engine.wrap(wrapSource, 0, 1, netOut);
        } finally {
            wrapSource[0] = null;
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
