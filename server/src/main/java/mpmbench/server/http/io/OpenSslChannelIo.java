package mpmbench.server.http.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLException;

import mpmbench.openssl.LibSsl;

/**
 * {@link TlsChannelIo} through OpenSSL ({@code MpmbenchTlsEngine openssl}), as nginx and httpd's mod_ssl
 * do their TLS, called through the FFM API ({@link LibSsl}). The connection's {@code SSL}
 * ({@link OpenSslSession}) sits between two memory BIOs rather than on the socket, so that the bytes on
 * the wire still go through the plain {@link ChannelIo} underneath with each model's own waits: what
 * the socket gave ({@code netIn}) is written into the read BIO at once ({@code BIO_write}; a partial
 * record waits there, not in the loop's buffers), {@code SSL_read} decrypts into {@code appIn}, and what
 * the loop writes is copied into {@code appOut}, encrypted by {@code SSL_write} into the write BIO and
 * sent from {@code netOut} ({@code BIO_read}), as are the handshake's messages and alerts.
 *
 * <p>All four buffers are direct, their addresses taken once, so a call allocates nothing; the hot
 * path's calls are critical downcalls. OpenSSL's record buffers are released while a connection has
 * nothing buffered ({@code SSL_MODE_RELEASE_BUFFERS}, set by the context), so an idle connection keeps
 * only its keys and a BIO's small buffers. An OpenSSL error empties the thread's error queue and is an
 * {@link SSLException} naming it; the session is then marked failed, so no close_notify follows.
 */
public final class OpenSslChannelIo extends TlsChannelIo {

    /** A TLS record's largest plaintext (RFC 8446 5.1), the most one {@code SSL_read} returns. */
    static final int PLAINTEXT_BYTES = 16_384;
    /** A TLS record's largest size on the wire (plaintext, expansion, header), with room to spare. */
    public static final int RECORD_BYTES = 17 * 1024;

    private final ByteBuffer appOut = ByteBuffer.allocateDirect(PLAINTEXT_BYTES);
    private final long netInAddress;
    private final long appInAddress;
    private final long appOutAddress;
    private final long netOutAddress;
    private OpenSslSession tls;

    public OpenSslChannelIo() {
        super(ByteBuffer.allocateDirect(RECORD_BYTES), ByteBuffer.allocateDirect(PLAINTEXT_BYTES),
                ByteBuffer.allocateDirect(RECORD_BYTES));
        netInAddress = MemorySegment.ofBuffer(netIn).address();
        appInAddress = MemorySegment.ofBuffer(appIn.duplicate().clear()).address();
        appOutAddress = MemorySegment.ofBuffer(appOut).address();
        netOutAddress = MemorySegment.ofBuffer(netOut).address();
    }

    @Override
    void attached(TlsSession s) {
        tls = (OpenSslSession) s;
    }

    @Override
    void detached() {
        tls = null;
    }

    @Override
    public Handshake handshake(long timeoutMs) {
        if (session.handshakeDone) {
            return Handshake.DONE;
        }
        try {
            beginHandshake();
            for (;;) {
                if (!session.firstRecordSeen && netIn.position() < RECORD_HEADER_BYTES) {
                    Handshake waited = readForHandshake(timeoutMs);
                    if (waited != null) {
                        return waited;
                    }
                    continue;
                }
                Handshake plain = checkFirstRecord();
                if (plain != null) {
                    return plain;
                }
                feed();
                int r = (int) LibSsl.SSL_DO_HANDSHAKE.invokeExact(tls.ssl);
                int e = r == 1 ? LibSsl.SSL_ERROR_NONE : (int) LibSsl.SSL_GET_ERROR.invokeExact(tls.ssl, r);
                if (e != LibSsl.SSL_ERROR_NONE && e != LibSsl.SSL_ERROR_WANT_READ) {
                    tls.failed = true;
                    LibSsl.clearErrors();
                }
                flush(); // the server's flight, or the alert of a failed handshake
                if (r == 1) {
                    session.handshakeDone = true;
                    return Handshake.DONE;
                }
                if (e != LibSsl.SSL_ERROR_WANT_READ) {
                    return Handshake.FAILED;
                }
                Handshake waited = readForHandshake(timeoutMs);
                if (waited != null) {
                    return waited;
                }
            }
        } catch (Throwable e) {
            tls.failed = true;
            LibSsl.clearErrors();
            return Handshake.FAILED;
        }
    }

    /** Reads the client's next bytes for the handshake: null when some came, else how it stands. */
    private Handshake readForHandshake(long timeoutMs) throws IOException {
        int n = raw.read(netIn, timeoutMs);
        if (n < 0 || (n == 0 && timeoutMs > 0)) {
            return Handshake.FAILED;
        }
        return n == 0 ? Handshake.WAITING : null;
    }

    @Override
    boolean decrypt() throws IOException {
        int n;
        int e;
        try {
            n = (int) LibSsl.SSL_READ_NATIVE.invokeExact(tls.ssl, appInAddress, PLAINTEXT_BYTES);
            e = n > 0 ? LibSsl.SSL_ERROR_NONE : (int) LibSsl.SSL_GET_ERROR.invokeExact(tls.ssl, n);
        } catch (Throwable t) {
            throw new IOException("SSL_read failed", t);
        }
        if (n > 0) {
            appIn.limit(n).position(0);
            return false;
        }
        if (e == LibSsl.SSL_ERROR_ZERO_RETURN) {
            LibSsl.clearErrors();
            return true;
        }
        if (e != LibSsl.SSL_ERROR_WANT_READ) {
            throw failure("SSL_read", e);
        }
        flush(); // what reading made OpenSSL send (a KeyUpdate's answer); usually nothing
        return false;
    }

    /** A record OpenSSL has taken in but not yet handed out, or bytes still in its read BIO. */
    @Override
    boolean engineBuffered() {
        try {
            return (int) LibSsl.SSL_HAS_PENDING.invokeExact(tls.ssl) == 1
                    || (long) LibSsl.BIO_CTRL.invokeExact(tls.rbio, LibSsl.BIO_CTRL_PENDING, 0L, 0L) > 0;
        } catch (Throwable t) {
            return true; // read, and let the read report what is wrong
        }
    }

    @Override
    void received() throws IOException {
        feed();
    }

    @Override
    public void write(ByteBuffer src, long timeoutMs) throws IOException {
        while (src.hasRemaining()) {
            int len = Math.min(src.remaining(), PLAINTEXT_BYTES);
            appOut.clear();
            int limit = src.limit();
            src.limit(src.position() + len);
            appOut.put(src);
            src.limit(limit);
            int n;
            int e;
            try {
                n = (int) LibSsl.SSL_WRITE.invokeExact(tls.ssl, appOutAddress, len);
                e = n > 0 ? LibSsl.SSL_ERROR_NONE : (int) LibSsl.SSL_GET_ERROR.invokeExact(tls.ssl, n);
            } catch (Throwable t) {
                throw new IOException("SSL_write failed", t);
            }
            if (n != len) {
                throw failure("SSL_write", e);
            }
            flush(timeoutMs);
        }
    }

    @Override
    void sendCloseNotify() throws IOException {
        if (tls.shutdown()) {
            flush();
        }
    }

    @Override
    public void sendCloseQuietly() {
        try {
            sendCloseNotify();
        } catch (IOException | RuntimeException e) {
            // the client is gone: the connection is closed anyway
        }
    }

    /** Hands what {@code netIn} holds to OpenSSL's read BIO; {@code netIn} is empty afterwards. */
    private void feed() throws IOException {
        int n = netIn.position();
        if (n == 0) {
            return;
        }
        int written;
        try {
            written = (int) LibSsl.BIO_WRITE.invokeExact(tls.rbio, netInAddress, n);
        } catch (Throwable t) {
            throw new IOException("BIO_write failed", t);
        }
        if (written != n) {
            throw new SSLException("OpenSSL's memory BIO took " + written + " of " + n + " bytes");
        }
        netIn.clear();
    }

    private void flush() throws IOException {
        flush(writeTimeoutMs);
    }

    /** Sends every record OpenSSL has written into the write BIO. */
    private void flush(long timeoutMs) throws IOException {
        for (;;) {
            int n;
            try {
                n = (int) LibSsl.BIO_READ.invokeExact(tls.wbio, netOutAddress, netOut.capacity());
            } catch (Throwable t) {
                throw new IOException("BIO_read failed", t);
            }
            if (n <= 0) {
                netOut.clear();
                return;
            }
            netOut.clear().limit(n);
            raw.write(netOut, timeoutMs);
            if (n < netOut.capacity()) { // a memory BIO hands out all it holds up to the length asked
                netOut.clear();
                return;
            }
        }
    }

    private SSLException failure(String call, int e) {
        tls.failed = true;
        return new SSLException(call + " failed: " + LibSsl.takeErrors() + " (SSL_get_error " + e + ")");
    }
}
