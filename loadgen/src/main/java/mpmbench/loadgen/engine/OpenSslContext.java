package mpmbench.loadgen.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import mpmbench.loadgen.TlsOptions;
import mpmbench.loadgen.http.Target;
import mpmbench.openssl.LibSsl;

/**
 * The client side of TLS for one run through OpenSSL ({@code --tls-engine openssl}): one {@code SSL_CTX}
 * ({@code TLS_client_method}) set up once as {@link TlsOptions} says, from which each TCP connection gets
 * an {@code SSL} of its own ({@link #newSsl}), freed when the connection closes ({@link OpenSslWire}).
 * <ul>
 *   <li>Protocols: the lowest and highest of {@code --tls-protocols} as the context's minimum and maximum
 *       version ({@code SSL_CTRL_SET_MIN/MAX_PROTO_VERSION}).</li>
 *   <li>Groups: {@code --tls-groups} as OpenSSL's group list ({@code SSL_CTRL_SET_GROUPS_LIST}, the same
 *       names; OpenSSL sends one key share, for the first); {@code jdk} (none listed) leaves OpenSSL's own
 *       list.</li>
 *   <li>ALPN {@code http/1.1}; SNI the URL's host name ({@code SSL_CTRL_SET_TLSEXT_HOSTNAME}), none for an
 *       IP literal; the certificate not checked ({@code SSL_VERIFY_NONE}, as wrk) unless {@code --tls-verify}
 *       ({@code SSL_VERIFY_PEER} against OpenSSL's default CA paths, and the URL's host name or address).</li>
 *   <li>Resumption ({@code --tls-resume}): {@code none} offers no session; {@code ticket} offers the
 *       last resumable session of the loop ({@link OpenSslSessions}), a TLS 1.3 ticket or a TLS 1.2 ticket
 *       or session ID; {@code session-id} the same with {@code SSL_OP_NO_TICKET} (no ticket asked for, so
 *       the server must find the session ID in its cache). The context keeps no session cache of its own
 *       ({@code SSL_SESS_CACHE_OFF}).</li>
 *   <li>Read-ahead on: one {@code read} takes whatever the socket holds (several records) instead of a
 *       record's header and then its body; a server's end of stream without close_notify is an end of
 *       stream ({@code SSL_OP_IGNORE_UNEXPECTED_EOF}), as for the JSSE engine; partial writes and a moving
 *       write buffer, so a write the socket takes in part goes on where it stopped.</li>
 * </ul>
 * Thread-safe: the loops of a run share it (OpenSSL's contexts are); {@link #close()} once every loop has
 * ended.
 */
final class OpenSslContext implements AutoCloseable {

    /** ALPN's wire form of {@code http/1.1}: a length byte, then the name. */
    private static final byte[] ALPN_WIRE = alpn(ClientTls.ALPN);

    private final TlsOptions options;
    /** Holds the C strings the context hands OpenSSL; freed with the context object (the wires keep it). */
    private final Arena arena = Arena.ofAuto();
    private final long ctx;
    /** The SNI host name as a C string, or 0 for an IP literal. */
    private final long serverName;
    /** With {@code --tls-verify}: the name to check ({@link #serverName}), or the address as text. */
    private final long verifyIp;

    /**
     * @throws IllegalStateException when OpenSSL cannot be used or refuses a setting (the message names the flag)
     */
    OpenSslContext(Target target, TlsOptions options) {
        String why = OpenSsl.unavailable();
        if (why != null) {
            throw new IllegalStateException("--tls-engine openssl is not available here (" + why + ")");
        }
        this.options = options;
        String name = target.serverName();
        this.serverName = name == null ? 0 : cString(name);
        this.verifyIp = name == null ? cString(target.address().getAddress().getHostAddress()) : 0;
        try {
            long method = (long) LibSsl.TLS_CLIENT_METHOD.invokeExact();
            ctx = (long) LibSsl.SSL_CTX_NEW.invokeExact(method);
            if (ctx == 0) {
                throw new IllegalStateException("SSL_CTX_new failed: " + LibSsl.takeErrors());
            }
            boolean ok = false;
            try {
                setUp();
                ok = true;
            } finally {
                if (!ok) {
                    LibSsl.SSL_CTX_FREE.invokeExact(ctx);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot set up OpenSSL: " + e, e);
        }
    }

    private void setUp() throws Throwable {
        int min = version(options.protocols().contains(TlsOptions.TLS12) ? TlsOptions.TLS12 : TlsOptions.TLS13);
        int max = version(options.protocols().contains(TlsOptions.TLS13) ? TlsOptions.TLS13 : TlsOptions.TLS12);
        ctrl(LibSsl.SSL_CTRL_SET_MIN_PROTO_VERSION, min, 0, "--tls-protocols");
        ctrl(LibSsl.SSL_CTRL_SET_MAX_PROTO_VERSION, max, 0, "--tls-protocols");
        if (!options.groups().isEmpty()) {
            ctrl(LibSsl.SSL_CTRL_SET_GROUPS_LIST, 0, cString(String.join(":", options.groups())), "--tls-groups");
        }
        long ops = LibSsl.SSL_OP_IGNORE_UNEXPECTED_EOF;
        if (options.resume() == TlsOptions.Resume.SESSION_ID) {
            ops |= LibSsl.SSL_OP_NO_TICKET;
        }
        long ignored = (long) LibSsl.SSL_CTX_SET_OPTIONS.invokeExact(ctx, ops);
        ignored = (long) LibSsl.SSL_CTX_CTRL.invokeExact(ctx, LibSsl.SSL_CTRL_MODE,
                LibSsl.SSL_MODE_ENABLE_PARTIAL_WRITE | LibSsl.SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER, 0L);
        ignored = (long) LibSsl.SSL_CTX_CTRL.invokeExact(ctx, LibSsl.SSL_CTRL_SET_READ_AHEAD, 1L, 0L);
        ignored = (long) LibSsl.SSL_CTX_CTRL.invokeExact(ctx, LibSsl.SSL_CTRL_SET_SESS_CACHE_MODE,
                (long) LibSsl.SSL_SESS_CACHE_OFF, 0L);
        MemorySegment alpn = arena.allocate(ALPN_WIRE.length);
        MemorySegment.copy(ALPN_WIRE, 0, alpn, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, ALPN_WIRE.length);
        if ((int) LibSsl.SSL_CTX_SET_ALPN_PROTOS.invokeExact(ctx, alpn.address(), ALPN_WIRE.length) != 0) {
            throw new IllegalStateException("SSL_CTX_set_alpn_protos failed: " + LibSsl.takeErrors());
        }
        if (options.verify()) {
            LibSsl.SSL_CTX_SET_VERIFY.invokeExact(ctx, LibSsl.SSL_VERIFY_PEER, 0L);
            if ((int) LibSsl.SSL_CTX_SET_DEFAULT_VERIFY_PATHS.invokeExact(ctx) != 1) {
                throw new IllegalStateException("--tls-verify: OpenSSL's default CA paths cannot be loaded: "
                        + LibSsl.takeErrors());
            }
        } else {
            LibSsl.SSL_CTX_SET_VERIFY.invokeExact(ctx, LibSsl.SSL_VERIFY_NONE, 0L);
        }
    }

    private void ctrl(int cmd, long larg, long parg, String flag) throws Throwable {
        long r = (long) LibSsl.SSL_CTX_CTRL.invokeExact(ctx, cmd, larg, parg);
        if (r != 1) {
            throw new IllegalStateException(flag + ": OpenSSL refused " + (flag.equals("--tls-groups")
                    ? String.join(",", options.groups()) : options.protocolsText()) + " (" + LibSsl.takeErrors() + ")");
        }
    }

    private static int version(String protocol) {
        return protocol.equals(TlsOptions.TLS13) ? LibSsl.TLS1_3_VERSION : LibSsl.TLS1_2_VERSION;
    }

    /** How a new connection resumes ({@code --tls-resume}). */
    TlsOptions.Resume resume() {
        return options.resume();
    }

    /**
     * A new {@code SSL} for a connection on socket {@code fd}, its SNI and (with {@code --tls-verify}) the
     * name to check set, {@code session} offered when not 0. The caller frees it ({@code SSL_free}).
     *
     * @return the {@code SSL *}, or 0 when OpenSSL could not make one (its error queue then emptied)
     */
    long newSsl(int fd, long session) throws Throwable {
        long ssl = (long) LibSsl.SSL_NEW.invokeExact(ctx);
        if (ssl == 0) {
            LibSsl.clearErrors();
            return 0;
        }
        boolean ok = (int) LibSsl.SSL_SET_FD.invokeExact(ssl, fd) == 1;
        if (ok && serverName != 0) {
            ok = (long) LibSsl.SSL_CTRL.invokeExact(ssl, LibSsl.SSL_CTRL_SET_TLSEXT_HOSTNAME,
                    (long) LibSsl.TLSEXT_NAMETYPE_HOST_NAME, serverName) == 1;
        }
        if (ok && options.verify()) {
            ok = serverName != 0 ? (int) LibSsl.SSL_SET1_HOST.invokeExact(ssl, serverName) == 1
                    : (int) LibSsl.X509_VERIFY_PARAM_SET1_IP_ASC.invokeExact(
                            (long) LibSsl.SSL_GET0_PARAM.invokeExact(ssl), verifyIp) == 1;
        }
        if (ok && session != 0) {
            ok = (int) LibSsl.SSL_SET_SESSION.invokeExact(ssl, session) == 1;
        }
        if (!ok) {
            LibSsl.SSL_FREE.invokeExact(ssl);
            LibSsl.clearErrors();
            return 0;
        }
        return ssl;
    }

    /**
     * Frees the context (OpenSSL counts references: an {@code SSL} made from it keeps it until that is freed).
     * Call once, after the loops.
     */
    @Override
    public void close() {
        try {
            LibSsl.SSL_CTX_FREE.invokeExact(ctx);
        } catch (Throwable ignored) {
            // freed or not, the run is over
        }
    }

    private long cString(String s) {
        return arena.allocateFrom(s, StandardCharsets.US_ASCII).address();
    }

    private static byte[] alpn(String protocol) {
        byte[] name = protocol.getBytes(StandardCharsets.US_ASCII);
        byte[] wire = new byte[name.length + 1];
        wire[0] = (byte) name.length;
        System.arraycopy(name, 0, wire, 1, name.length);
        return wire;
    }
}
