package mpmbench.server.http.io;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over another {@link ChannelIo}: what the connection loop reads and writes is decrypted and
 * encrypted by the connection's {@link SSLEngine} (JSSE), the bytes on the wire go through the
 * plain {@code ChannelIo} underneath, with its waits and timeouts, so every model keeps its own way
 * of waiting.
 *
 * <p>One instance per serving thread (or per pooled connection loop), reused across connections:
 * it owns three buffers of a TLS record each (received records, decrypted data, records to send,
 * about 16 KiB each); a connection's own state is its {@link TlsSession}, {@link #attach attached}
 * for a turn and {@link #detach detached} after, which keeps the rare leftover bytes. No allocation
 * per call here in the steady state; JSSE's engine allocates its own per record (its results, the
 * cipher's work): about 3.3 KB per keep-alive {@code /hello} with AES-GCM on JDK 25, measured with
 * ThreadMXBean on the serving thread, where plain HTTP allocates nothing.
 *
 * <p>The handshake: {@link #handshake} with a timeout waits for the client as long as each read
 * may (prefork, worker: the thread is held, as httpd's); with 0 it goes as far as the bytes there
 * allow and answers {@link Handshake#WAITING}, so a model that parks connections (event, virtual)
 * waits for readability elsewhere and calls it again later, holding no worker meanwhile.
 *
 * <p>Plain HTTP on the TLS port: when the client's first bytes are an HTTP request line rather than
 * a TLS record, {@link #handshake} answers {@link Handshake#PLAIN_HTTP} having sent nothing, so the
 * caller can answer in clear text, as mod_ssl does with OpenSSL's same test.
 *
 * <p>{@link #shutdownOutput} sends close_notify, then FIN; afterwards {@link #read} hands out the
 * raw, still encrypted bytes: only a lingering close reads then, and it drops them.
 * Used by one thread at a time.
 */
public final class TlsChannelIo implements ChannelIo, HalfClosable {

    /** Where a handshake stands after {@link #handshake}. */
    public enum Handshake {
        /** Application data flows. */
        DONE,
        /** It needs bytes the client has not sent yet; call again when the connection is readable. */
        WAITING,
        /** The client failed it, left, or was silent past the timeout: close the connection. */
        FAILED,
        /**
         * The client's first bytes are an HTTP request line, not a TLS record ({@link #looksLikePlainHttp}):
         * nothing was sent; answer it in clear text on the connection underneath, then close.
         */
        PLAIN_HTTP
    }

    /** The first bytes of a TLS record holding a handshake message (ClientHello). */
    private static final int HANDSHAKE_RECORD = 0x16;
    /** A TLS record header's length: what OpenSSL looks at before it calls a first record plain HTTP. */
    private static final int RECORD_HEADER_BYTES = 5;

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** Received records not yet decrypted; kept filling (position = bytes held). */
    private final ByteBuffer netIn;
    /** Decrypted bytes not yet read; kept for reading (position..limit pending). */
    private final ByteBuffer appIn;
    /** Records to send; empty between calls. */
    private final ByteBuffer netOut;
    /** One-element arrays for SSLEngine's array calls: its one-buffer calls wrap theirs in a new array. */
    private final ByteBuffer[] wrapSource = new ByteBuffer[1];
    private final ByteBuffer[] unwrapTarget = new ByteBuffer[1];
    private ChannelIo raw;
    private TlsSession session;
    private SSLEngine engine;
    private long writeTimeoutMs;
    private boolean outputShut;

    /**
     * @param packetBytes      the largest TLS record, {@code SSLSession.getPacketBufferSize()}
     * @param applicationBytes the largest decrypted record, {@code SSLSession.getApplicationBufferSize()}
     */
    public TlsChannelIo(int packetBytes, int applicationBytes) {
        netIn = ByteBuffer.allocate(packetBytes);
        appIn = ByteBuffer.allocate(applicationBytes);
        netOut = ByteBuffer.allocateDirect(packetBytes);
        appIn.flip();
        unwrapTarget[0] = appIn;
    }

    /**
     * Starts a turn of {@code tls} over {@code plain}; {@code writeTimeoutMs} bounds writes the
     * handshake and reads need (Timeout).
     */
    public void attach(ChannelIo plain, TlsSession tls, long writeTimeoutMs) {
        raw = plain;
        session = tls;
        engine = tls.engine;
        this.writeTimeoutMs = writeTimeoutMs;
        outputShut = false;
        netIn.clear();
        netOut.clear();
        tls.unstash(netIn, appIn);
    }

    /** Ends the turn: what is left in the buffers stays with the session. */
    public void detach() {
        if (session != null) {
            session.stash(netIn, appIn);
        }
        raw = null;
        session = null;
        engine = null;
    }

    /**
     * Advances the handshake, waiting up to {@code timeoutMs} for each read of the client's bytes (0:
     * not at all). Never throws: a failed handshake sends the alert if it can and answers FAILED.
     */
    public Handshake handshake(long timeoutMs) {
        if (session.handshakeDone) {
            return Handshake.DONE;
        }
        try {
            if (!session.handshakeBegun) {
                session.handshakeBegun = true;
                session.handshakeStartedMillis = System.currentTimeMillis();
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
                        if (!session.firstRecordSeen && netIn.position() >= RECORD_HEADER_BYTES) {
                            session.firstRecordSeen = true;
                            if (looksLikePlainHttp(netIn)) {
                                return Handshake.PLAIN_HTTP;
                            }
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
    public int read(ByteBuffer dst, long timeoutMs) throws IOException {
        if (outputShut) {
            return raw.read(dst, timeoutMs);
        }
        long deadline = timeoutMs > 0 ? System.nanoTime() + timeoutMs * 1_000_000L : 0;
        for (;;) {
            if (appIn.hasRemaining()) {
                return transfer(dst);
            }
            SSLEngineResult.Status status = unwrapAll();
            if (appIn.hasRemaining()) {
                return transfer(dst);
            }
            if (status == SSLEngineResult.Status.CLOSED) {
                return -1; // close_notify
            }
            long waitMs = 0;
            if (timeoutMs > 0) {
                waitMs = (deadline - System.nanoTime() + 999_999L) / 1_000_000L;
                if (waitMs <= 0) {
                    return 0;
                }
            }
            if (!netIn.hasRemaining()) {
                throw new SSLException("TLS record larger than " + netIn.capacity() + " bytes");
            }
            int n = raw.read(netIn, waitMs);
            if (n <= 0) {
                return n;
            }
        }
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

    /** Sends close_notify, then FIN (when the connection underneath can send FIN alone). */
    @Override
    public void shutdownOutput() throws IOException {
        engine.closeOutbound();
        wrapAndSend(EMPTY);
        outputShut = true;
        if (raw instanceof HalfClosable half) {
            half.shutdownOutput();
        }
    }

    /**
     * Sends close_notify if it can at once (a connection about to be closed); never throws.
     * A parked connection closed later by its owner (a keep-alive timeout) gets it there: the
     * event model's selector thread from a {@link CloseNotifyRecord}, the virtual model's thread
     * through this method on a borrowed loop.
     */
    public void sendCloseQuietly() {
        try {
            engine.closeOutbound();
            wrapAndSend(EMPTY);
        } catch (IOException | RuntimeException e) {
            // the client is gone, or the engine failed: the connection is closed anyway
        }
    }

    /**
     * True when the first {@value #RECORD_HEADER_BYTES} bytes received (from index 0 of
     * {@code received}) begin an HTTP request rather than a TLS record: OpenSSL's test, which mod_ssl
     * answers with its 400 ({@code ssl3_get_record}: {@code "GET "}, {@code "POST "}, {@code "HEAD "}
     * or {@code "PUT "} in the place of a record header, its {@code SSL_R_HTTP_REQUEST}). Other
     * methods, like other bytes, fail the handshake, as with httpd.
     */
    static boolean looksLikePlainHttp(ByteBuffer received) {
        if (received.get(0) == HANDSHAKE_RECORD) {
            return false;
        }
        return startsWith(received, "GET ") || startsWith(received, "POST ") || startsWith(received, "HEAD ")
                || startsWith(received, "PUT ");
    }

    private static boolean startsWith(ByteBuffer b, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (b.get(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int transfer(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), appIn.remaining());
        int limit = appIn.limit();
        appIn.limit(appIn.position() + n);
        dst.put(appIn);
        appIn.limit(limit);
        return n;
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
