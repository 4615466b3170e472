package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.Poller.READ;
import static mpmbench.loadgen.engine.Poller.WRITE;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLException;

import mpmbench.openssl.LibSsl;

/**
 * {@code https://} through OpenSSL ({@code --tls-engine openssl}): an {@code SSL} per TCP connection
 * ({@link OpenSslContext#newSsl}) on the socket's own descriptor ({@code SSL_set_fd}), so OpenSSL reads and
 * writes the socket itself and its {@code SSL_ERROR_WANT_READ} / {@code WANT_WRITE} become the loop's
 * interest, as wrk's {@code ssl.c} does. The socket is the channel's (both backends: {@link EpollPoller}
 * watches it level-triggered, {@link NioPoller} through its key); its descriptor comes from the poller
 * ({@link Connection#fd}) or from the channel ({@link LinuxNet#fd}).
 *
 * <p>As {@link TlsWire}: the connection stays {@link Connection#CONNECTING} until {@code SSL_connect} has
 * finished (so {@code --connect-timeout} bounds connect and handshake together and a failed handshake is
 * a connect error), then the loop is told ({@code handshaken}) the handshake's time (TCP connected to
 * finished) and whether it resumed ({@code SSL_session_reused}). Reads decrypt straight into the loop's
 * heap read buffer ({@code SSL_read}, one call per {@link #read}; {@link #moreToRead} while OpenSSL holds
 * bytes already read from the socket, {@code SSL_has_pending}); writes encrypt straight from the
 * connection's direct request buffer; other buffers (a trickled byte) go through a 64-byte native
 * scratch. A close sends close_notify ({@code SSL_shutdown}, one try, as wrk), hands the session to
 * {@link OpenSslSessions} and frees the {@code SSL}.
 *
 * <p>Allocates nothing per request: OpenSSL's buffers are its own (per {@code SSL}), the method handles
 * static. An OpenSSL error empties the thread's error queue and is an {@link IOException} naming it (for
 * the loop, as the channel's). Owned by one loop thread.
 */
final class OpenSslWire implements Wire {

    private static final int SCRATCH_BYTES = 64;

    private final OpenSslContext tls;
    private final OpenSslSessions sessions;
    private final SingleThreadSelectorLoop loop;
    private final Connection c;
    private final ByteBuffer readBuffer;
    private final MemorySegment readSegment;
    private final long outAddress;
    private MemorySegment scratch;

    /** The connection's {@code SSL *}, 0 while it has none. */
    private long ssl;
    private long handshakeStartedAt;
    private boolean established;
    private boolean more;

    /**
     * @param readBuffer the loop's heap read buffer, {@code readSegment} the segment of its whole array
     */
    OpenSslWire(OpenSslContext tls, OpenSslSessions sessions, SingleThreadSelectorLoop loop, Connection c,
                ByteBuffer readBuffer, MemorySegment readSegment) {
        this.tls = tls;
        this.sessions = sessions;
        this.loop = loop;
        this.c = c;
        this.readBuffer = readBuffer;
        this.readSegment = readSegment;
        this.outAddress = c.out.isDirect() ? MemorySegment.ofBuffer(c.out.duplicate().clear()).address() : 0;
    }

    @Override
    public boolean handshake(Connection conn, long now) throws IOException {
        if (ssl == 0) {
            start(now);
        }
        int r;
        int e;
        try {
            r = (int) LibSsl.SSL_CONNECT.invokeExact(ssl);
            if (r == 1) {
                established = true;
                boolean resumed = (int) LibSsl.SSL_SESSION_REUSED.invokeExact(ssl) == 1;
                loop.interest(conn, READ);
                loop.handshaken(conn, handshakeStartedAt, System.nanoTime(), resumed);
                return true;
            }
            e = (int) LibSsl.SSL_GET_ERROR.invokeExact(ssl, r);
        } catch (Throwable t) {
            throw new IOException("SSL_connect failed", t);
        }
        if (e == LibSsl.SSL_ERROR_WANT_READ) {
            loop.interest(conn, READ);
            return false;
        }
        if (e == LibSsl.SSL_ERROR_WANT_WRITE) {
            loop.interest(conn, READ | WRITE);
            return false;
        }
        throw failure("the TLS handshake", e, r);
    }

    private void start(long now) throws IOException {
        int fd = c.fd >= 0 ? c.fd : LinuxNet.fd(c.channel);
        try {
            ssl = tls.newSsl(fd, sessions.offer());
        } catch (Throwable t) {
            throw new IOException("SSL_new failed", t);
        }
        if (ssl == 0) {
            throw new IOException("OpenSSL could not set up a connection (SSL_new, SNI or session)");
        }
        established = false;
        more = false;
        handshakeStartedAt = now;
    }

    @Override
    public int read(SocketChannel ch, ByteBuffer dst) throws IOException {
        if (dst != readBuffer || dst.position() != 0) {
            throw new IOException("OpenSslWire reads only into the loop's read buffer");
        }
        if (ssl == 0) {
            return -1;
        }
        int n;
        int e;
        try {
            n = (int) LibSsl.SSL_READ.invokeExact(ssl, readSegment, dst.limit());
            if (n > 0) {
                dst.position(n);
                more = (int) LibSsl.SSL_HAS_PENDING.invokeExact(ssl) == 1;
                return n;
            }
            more = false;
            e = (int) LibSsl.SSL_GET_ERROR.invokeExact(ssl, n);
        } catch (Throwable t) {
            throw new IOException("SSL_read failed", t);
        }
        return switch (e) {
            case LibSsl.SSL_ERROR_WANT_READ, LibSsl.SSL_ERROR_WANT_WRITE -> 0;
            case LibSsl.SSL_ERROR_ZERO_RETURN -> -1; // close_notify, or the end of the stream without it
            default -> throw failure("a read", e, n);
        };
    }

    @Override
    public boolean moreToRead(int r, int capacity) {
        return more;
    }

    @Override
    public boolean write(SocketChannel ch, ByteBuffer src) throws IOException {
        if (ssl == 0) {
            throw new IOException("no TLS connection to write to");
        }
        boolean direct = src == c.out && outAddress != 0;
        while (src.hasRemaining()) {
            int pos = src.position();
            long address;
            int len;
            if (direct) {
                address = outAddress + pos;
                len = src.limit() - pos;
            } else { // through the scratch, a few bytes at a time: no allocation once it exists
                if (scratch == null) {
                    scratch = Arena.ofAuto().allocate(SCRATCH_BYTES, 8);
                }
                len = Math.min(SCRATCH_BYTES, src.remaining());
                for (int i = 0; i < len; i++) {
                    scratch.set(ValueLayout.JAVA_BYTE, i, src.get(pos + i));
                }
                address = scratch.address();
            }
            int n;
            int e;
            try {
                n = (int) LibSsl.SSL_WRITE.invokeExact(ssl, address, len);
                if (n > 0) {
                    src.position(pos + n);
                    continue;
                }
                e = (int) LibSsl.SSL_GET_ERROR.invokeExact(ssl, n);
            } catch (Throwable t) {
                throw new IOException("SSL_write failed", t);
            }
            if (e == LibSsl.SSL_ERROR_WANT_WRITE || e == LibSsl.SSL_ERROR_WANT_READ) {
                return false; // called again with the same bytes when the socket is writable
            }
            throw failure("a write", e, n);
        }
        return true;
    }

    /**
     * The exception for an OpenSSL call that failed ({@code e}: {@code SSL_get_error}'s answer to its
     * return value {@code r}); the thread's error queue is emptied, and the connection is not shut down
     * at its close (OpenSSL forbids it after a fatal error).
     */
    private IOException failure(String what, int e, int r) {
        established = false;
        if (e == LibSsl.SSL_ERROR_SYSCALL) {
            int errno = LinuxNet.errno();
            String queued = LibSsl.takeErrors();
            return new IOException(what + " failed: " + (errno != 0 ? "errno " + errno
                    : r == 0 ? "the server closed the connection" : queued));
        }
        if (e == LibSsl.SSL_ERROR_ZERO_RETURN) {
            LibSsl.clearErrors();
            return new SSLException("the server ended TLS during " + what);
        }
        return new SSLException(what + " failed: " + LibSsl.takeErrors() + " (SSL_get_error " + e + ")");
    }

    /**
     * Sends close_notify when the handshake was done (one try, as wrk's {@code SSL_shutdown}), keeps the
     * session for the next connection ({@link OpenSslSessions}) and frees the {@code SSL}.
     */
    @Override
    public void closing(SocketChannel ch) {
        long s = ssl;
        if (s == 0) {
            return;
        }
        ssl = 0;
        try {
            if (established && (ch != null || c.fd >= 0)) {
                if ((int) LibSsl.SSL_SHUTDOWN.invokeExact(s) < 0) {
                    LibSsl.clearErrors(); // the server is gone already: nothing to tell it
                }
                sessions.keep(s); // after the shutdown: OpenSSL marks a session not shut down cleanly as not resumable
            }
            LibSsl.SSL_FREE.invokeExact(s);
        } catch (Throwable t) {
            throw new IllegalStateException("OpenSSL close calls failed", t);
        }
        established = false;
        more = false;
    }
}
