package mpmbench.server.http.io;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLException;

/**
 * TLS over another {@link ChannelIo}: what the connection loop reads and writes is decrypted and
 * encrypted by the connection's TLS engine, the bytes on the wire go through the plain
 * {@code ChannelIo} underneath, with its waits and timeouts, so every model keeps its own way of
 * waiting. Two engines ({@code MpmbenchTlsEngine}): JSSE ({@link JsseChannelIo}) and OpenSSL through
 * the FFM API ({@link OpenSslChannelIo}); what is the same for both is here.
 *
 * <p>One instance per serving thread (or per pooled connection loop), reused across connections:
 * it owns three buffers of a TLS record each (received records, decrypted data, records to send,
 * about 16 KiB each); a connection's own state is its {@link TlsSession}, {@link #attach attached}
 * for a turn and {@link #detach detached} after, which keeps the rare leftover bytes.
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
public abstract sealed class TlsChannelIo implements ChannelIo, HalfClosable permits JsseChannelIo, OpenSslChannelIo {

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
    static final int RECORD_HEADER_BYTES = 5;

    /** Received records not yet decrypted; kept filling (position = bytes held). */
    final ByteBuffer netIn;
    /** Decrypted bytes not yet read; kept for reading (position..limit pending). */
    final ByteBuffer appIn;
    /** Records to send; empty between calls. */
    final ByteBuffer netOut;
    ChannelIo raw;
    TlsSession session;
    long writeTimeoutMs;
    boolean outputShut;

    TlsChannelIo(ByteBuffer netIn, ByteBuffer appIn, ByteBuffer netOut) {
        this.netIn = netIn;
        this.appIn = appIn;
        this.netOut = netOut;
        appIn.flip();
    }

    /**
     * Starts a turn of {@code tls} over {@code plain}; {@code writeTimeoutMs} bounds writes the
     * handshake and reads need (Timeout).
     */
    public final void attach(ChannelIo plain, TlsSession tls, long writeTimeoutMs) {
        raw = plain;
        session = tls;
        this.writeTimeoutMs = writeTimeoutMs;
        outputShut = false;
        netIn.clear();
        netOut.clear();
        tls.unstash(netIn, appIn);
        attached(tls);
    }

    /** Ends the turn: what is left in the buffers stays with the session. */
    public final void detach() {
        if (session != null) {
            session.stash(netIn, appIn);
        }
        detached();
        raw = null;
        session = null;
    }

    /** The engine's part of {@link #attach}: {@code tls} is its own kind of session. */
    abstract void attached(TlsSession tls);

    /** The engine's part of {@link #detach}. */
    abstract void detached();

    /**
     * Advances the handshake, waiting up to {@code timeoutMs} for each read of the client's bytes (0:
     * not at all). Never throws: a failed handshake sends the alert if it can and answers FAILED.
     */
    public abstract Handshake handshake(long timeoutMs);

    /** Sends close_notify, then FIN (when the connection underneath can send FIN alone). */
    @Override
    public final void shutdownOutput() throws IOException {
        sendCloseNotify();
        outputShut = true;
        if (raw instanceof HalfClosable half) {
            half.shutdownOutput();
        }
    }

    /** Closes the sending side of TLS and writes close_notify through the connection underneath. */
    abstract void sendCloseNotify() throws IOException;

    /**
     * Reads decrypted bytes into {@code dst}: what {@code appIn} holds, else what the engine can decrypt
     * from what it has, else the client's next bytes, waiting up to {@code timeoutMs} (0: not at all).
     *
     * @return bytes read, 0 when none came in time, -1 at close_notify (or the raw end of stream once
     *         the output is shut, when only a lingering close reads)
     */
    @Override
    public final int read(ByteBuffer dst, long timeoutMs) throws IOException {
        if (outputShut) {
            return raw.read(dst, timeoutMs);
        }
        long deadline = timeoutMs > 0 ? System.nanoTime() + timeoutMs * 1_000_000L : 0;
        for (;;) {
            if (appIn.hasRemaining()) {
                return transfer(dst);
            }
            // An engine holding no received byte has nothing to decrypt: asking costs OpenSSL an SSL_read
            // answering WANT_READ and the error query after it, on every request that begins a turn
            boolean closed = undecrypted() && decrypt();
            if (appIn.hasRemaining()) {
                return transfer(dst);
            }
            if (closed) {
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
            received();
        }
    }

    /** What {@code appIn} and {@code netIn} hold, and what the engine holds beyond them ({@link #engineBuffered}). */
    @Override
    public final boolean buffered() {
        return !outputShut && (appIn.hasRemaining() || undecrypted());
    }

    /** Received bytes not yet decrypted: in {@code netIn} or held by the engine. */
    private boolean undecrypted() {
        return netIn.position() > 0 || engineBuffered();
    }

    /** True when the engine holds received bytes outside {@code netIn} and {@code appIn} (OpenSSL's BIO and record buffer). */
    abstract boolean engineBuffered();

    /**
     * Decrypts what the engine holds into {@code appIn} as far as it goes (position..limit pending).
     *
     * @return true when the client's close_notify came instead
     */
    abstract boolean decrypt() throws IOException;

    /** The client's bytes just arrived in {@code netIn}. */
    abstract void received() throws IOException;

    /** Marks the session's handshake begun, the first time: its start time tells a resumed session. */
    final boolean beginHandshake() {
        if (session.handshakeBegun) {
            return false;
        }
        session.handshakeBegun = true;
        session.handshakeStartedMillis = System.currentTimeMillis();
        return true;
    }

    /**
     * Sends close_notify if it can at once (a connection about to be closed); never throws.
     * A parked connection closed later by its owner (a keep-alive timeout) gets it there: the
     * event model's selector thread from a {@link CloseNotifyRecord}, the virtual model's thread
     * through this method on a borrowed loop.
     */
    public abstract void sendCloseQuietly();

    /**
     * The first records' header once {@value #RECORD_HEADER_BYTES} bytes have arrived: PLAIN_HTTP when
     * they begin an HTTP request, else null (go on with the handshake), as both engines check it.
     */
    final Handshake checkFirstRecord() {
        if (!session.firstRecordSeen && netIn.position() >= RECORD_HEADER_BYTES) {
            session.firstRecordSeen = true;
            if (looksLikePlainHttp(netIn)) {
                return Handshake.PLAIN_HTTP;
            }
        }
        return null;
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

    final int transfer(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), appIn.remaining());
        int limit = appIn.limit();
        appIn.limit(appIn.position() + n);
        dst.put(appIn);
        appIn.limit(limit);
        return n;
    }

}
