package mpmbench.server.http.io;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;

import mpmbench.openssl.LibSsl;

/**
 * A TLS connection's state in OpenSSL: its {@code SSL} (server side, accept state) between two memory
 * BIOs, one the loop writes the client's records into ({@code rbio}), one it reads the records to send
 * from ({@code wbio}); both belong to the {@code SSL}. Outside the Java heap, so {@link #release()}
 * frees it ({@code SSL_free}) when the connection closes; a {@link Cleaner} frees a session nobody
 * released once it is unreachable (one path that forgot it must not leak a connection's buffers).
 * See {@link TlsSession}.
 */
public final class OpenSslSession extends TlsSession {

    private static final Cleaner CLEANER = Cleaner.create();

    /** The {@code SSL *}; 0 once released. */
    long ssl;
    final long rbio;
    final long wbio;
    /** A fatal error happened: OpenSSL forbids {@code SSL_shutdown} afterwards. */
    boolean failed;
    /** close_notify has been written into the wbio. */
    boolean shutdownSent;
    private final Cleaner.Cleanable cleanable;

    /**
     * @param ssl  a new server {@code SSL}, its BIOs set ({@code SSL_set_bio}) and in accept state
     * @param rbio the memory BIO it reads the client's records from
     * @param wbio the memory BIO it writes its records to
     */
    public OpenSslSession(long ssl, long rbio, long wbio) {
        this.ssl = ssl;
        this.rbio = rbio;
        this.wbio = wbio;
        this.cleanable = CLEANER.register(this, new Free(ssl));
    }

    @Override
    public void release() {
        ssl = 0;
        cleanable.clean();
    }

    /** Writes close_notify into the wbio ({@code SSL_shutdown}, not waiting for the client's); never throws. */
    boolean shutdown() {
        if (ssl == 0 || failed || shutdownSent || !handshakeDone) {
            return false;
        }
        shutdownSent = true;
        try {
            if ((int) LibSsl.SSL_SHUTDOWN.invokeExact(ssl) < 0) {
                LibSsl.clearErrors();
                return false;
            }
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    boolean closeNotifyInto(ByteBuffer record) {
        if (!shutdown()) {
            return false;
        }
        record.clear();
        try {
            int n = (int) LibSsl.BIO_READ.invokeExact(wbio, MemorySegment.ofBuffer(record).address(), record.capacity());
            if (n <= 0) {
                return false;
            }
            record.limit(n);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    /** The cleaning action: holds the address only, never the session. */
    private record Free(long ssl) implements Runnable {
        @Override
        public void run() {
            try {
                LibSsl.SSL_FREE.invokeExact(ssl);
            } catch (Throwable ignored) {
                // nothing more can be done for it
            }
        }
    }
}
