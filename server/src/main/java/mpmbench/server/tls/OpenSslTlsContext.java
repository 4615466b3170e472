package mpmbench.server.tls;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import mpmbench.openssl.LibSsl;
import mpmbench.server.config.ConfigException;
import mpmbench.server.config.SslCipherSuites;
import mpmbench.server.config.SslSettings;
import mpmbench.server.http.io.CloseNotifyRecord;
import mpmbench.server.http.io.OpenSslChannelIo;
import mpmbench.server.http.io.OpenSslSession;
import mpmbench.server.http.io.TlsChannelIo;
import mpmbench.server.http.io.TlsSession;

/**
 * The server's TLS through OpenSSL ({@code MpmbenchTlsEngine openssl}, or {@code auto} where
 * {@code libssl.so.3} loads): one {@code SSL_CTX} ({@code TLS_server_method}) per JVM set up as mod_ssl
 * sets up its own from the same directives, an {@code SSL} between two memory BIOs per connection
 * ({@link #newSession}, {@link OpenSslChannelIo}).
 * <ul>
 *   <li>SSLCertificateFile / SSLCertificateKeyFile: {@code SSL_CTX_use_certificate_chain_file} and
 *       {@code SSL_CTX_use_PrivateKey_file} (PEM), checked against each other.</li>
 *   <li>SSLProtocol: its lowest and highest protocol as the context's minimum and maximum version.</li>
 *   <li>SSLCipherSuite: the TLS 1.2 suites through {@code SSL_CTX_set_cipher_list} (OpenSSL's names and
 *       keywords, as written where they are OpenSSL's), the TLS 1.3 ones it names through
 *       {@code SSL_CTX_set_ciphersuites} ({@link SslCipherSuites#forOpenSsl}).</li>
 *   <li>SSLSessionCache: none switches OpenSSL's cache off; a cache is OpenSSL's own per child JVM
 *       (no shared memory: a client must come back to the same child to resume by session ID).</li>
 *   <li>SSLSessionTickets: On uses the master's keys ({@link TicketKeys}), so every child resumes every
 *       ticket, as httpd's; Off is {@code SSL_OP_NO_TICKET}.</li>
 *   <li>ALPN: {@code http/1.1} selected when the client offers it (a callback), as httpd's default
 *       {@code Protocols http/1.1}; renegotiation refused, as by mod_ssl for TLS 1.2 clients.</li>
 *   <li>An idle connection's record buffers are freed ({@code SSL_MODE_RELEASE_BUFFERS}), as nginx
 *       does.</li>
 * </ul>
 * Thread-safe (OpenSSL's contexts are); the context lives as long as its JVM, except in a master that
 * only checks the files ({@link #close()}).
 */
public final class OpenSslTlsContext implements TlsContext {

    /** What {@code SSL_CTX_set_session_id_context} names this server's sessions by. */
    private static final byte[] SESSION_ID_CONTEXT = "mpmbench".getBytes(StandardCharsets.US_ASCII);
    /** ALPN's {@code http/1.1} on the wire: its length byte, then the name. */
    private static final byte[] HTTP_1_1 = "\bhttp/1.1".getBytes(StandardCharsets.US_ASCII);
    /** The ALPN select callback, one for every context (it keeps no state). */
    private static final MemorySegment ALPN_SELECT = alpnSelectStub();

    private final long ctx;
    private final boolean sharedTickets;

    private OpenSslTlsContext(long ctx, boolean sharedTickets) {
        this.ctx = ctx;
        this.sharedTickets = sharedTickets;
    }

    /**
     * @param ticketKeys the master's {@value LibSsl#TICKET_KEYS_BYTES} bytes of ticket keys, or null:
     *                   OpenSSL's own for this JVM
     * @throws ConfigException one line naming the directive whose value OpenSSL refused
     */
    static OpenSslTlsContext create(SslSettings ssl, byte[] ticketKeys) {
        try (Arena arena = Arena.ofConfined()) {
            long method = (long) LibSsl.TLS_SERVER_METHOD.invokeExact();
            long ctx = (long) LibSsl.SSL_CTX_NEW.invokeExact(method);
            if (ctx == 0) {
                throw new ConfigException("SSLEngine on: OpenSSL cannot make a context (" + LibSsl.takeErrors() + ")");
            }
            boolean ok = false;
            try {
                setUp(ctx, ssl, ticketKeys, arena);
                ok = true;
            } finally {
                if (!ok) {
                    LibSsl.SSL_CTX_FREE.invokeExact(ctx);
                }
            }
            return new OpenSslTlsContext(ctx, ssl.sessionTickets());
        } catch (ConfigException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("OpenSSL's calls failed: " + e, e);
        }
    }

    private static void setUp(long ctx, SslSettings ssl, byte[] ticketKeys, Arena arena) throws Throwable {
        Path cert = Path.of(ssl.certificateFile());
        Path key = ssl.certificateKeyFile().isEmpty() ? cert : Path.of(ssl.certificateKeyFile());
        String keyDirective = ssl.certificateKeyFile().isEmpty() ? "SSLCertificateFile" : "SSLCertificateKeyFile";
        if (!Files.isReadable(cert)) {
            throw new ConfigException("SSLCertificateFile " + cert + ": no such file, or it cannot be read");
        }
        if (!Files.isReadable(key)) {
            throw new ConfigException(keyDirective + " " + key + ": no such file, or it cannot be read");
        }
        if ((int) LibSsl.SSL_CTX_USE_CERTIFICATE_CHAIN_FILE.invokeExact(ctx, cString(arena, cert.toString())) != 1) {
            throw new ConfigException("SSLCertificateFile " + cert + ": OpenSSL cannot read a PEM certificate from it ("
                    + LibSsl.takeErrors() + ")");
        }
        if ((int) LibSsl.SSL_CTX_USE_PRIVATEKEY_FILE.invokeExact(ctx, cString(arena, key.toString()),
                LibSsl.SSL_FILETYPE_PEM) != 1 || (int) LibSsl.SSL_CTX_CHECK_PRIVATE_KEY.invokeExact(ctx) != 1) {
            String why = LibSsl.takeErrors();
            throw new ConfigException(keyDirective + " " + key + (why.contains("mismatch")
                    ? ": the key does not belong to the certificate of " + cert + " (" + why + ")"
                    : ": no private key in it (expected PEM: -----BEGIN PRIVATE KEY-----; " + why + ")"));
        }
        int min = version(ssl.protocols().getFirst());
        int max = version(ssl.protocols().getLast());
        ctrl(ctx, LibSsl.SSL_CTRL_SET_MIN_PROTO_VERSION, min, "SSLProtocol");
        ctrl(ctx, LibSsl.SSL_CTRL_SET_MAX_PROTO_VERSION, max, "SSLProtocol");
        SslCipherSuites.OpenSslLists ciphers = SslCipherSuites.forOpenSsl(ssl.cipherSuite());
        if ((int) LibSsl.SSL_CTX_SET_CIPHER_LIST.invokeExact(ctx, cString(arena, ciphers.tls12())) != 1) {
            throw new ConfigException("SSLCipherSuite " + ssl.cipherSuite() + ": OpenSSL refused it ("
                    + LibSsl.takeErrors() + ")");
        }
        if (ciphers.tls13() != null
                && (int) LibSsl.SSL_CTX_SET_CIPHERSUITES.invokeExact(ctx, cString(arena, ciphers.tls13())) != 1) {
            throw new ConfigException("SSLCipherSuite " + ssl.cipherSuite() + ": OpenSSL refused its TLS 1.3 suites ("
                    + LibSsl.takeErrors() + ")");
        }
        long options = LibSsl.SSL_OP_NO_RENEGOTIATION | LibSsl.SSL_OP_IGNORE_UNEXPECTED_EOF;
        if (!ssl.sessionTickets()) {
            options |= LibSsl.SSL_OP_NO_TICKET;
        }
        long ignored = (long) LibSsl.SSL_CTX_SET_OPTIONS.invokeExact(ctx, options);
        ignored = (long) LibSsl.SSL_CTX_CTRL.invokeExact(ctx, LibSsl.SSL_CTRL_MODE, LibSsl.SSL_MODE_RELEASE_BUFFERS, 0L);
        ignored = (long) LibSsl.SSL_CTX_CTRL.invokeExact(ctx, LibSsl.SSL_CTRL_SET_SESS_CACHE_MODE,
                (long) (ssl.sessionCacheOn() ? LibSsl.SSL_SESS_CACHE_SERVER : LibSsl.SSL_SESS_CACHE_OFF), 0L);
        MemorySegment sid = arena.allocate(SESSION_ID_CONTEXT.length);
        MemorySegment.copy(SESSION_ID_CONTEXT, 0, sid, JAVA_BYTE, 0, SESSION_ID_CONTEXT.length);
        if ((int) LibSsl.SSL_CTX_SET_SESSION_ID_CONTEXT.invokeExact(ctx, sid.address(), SESSION_ID_CONTEXT.length) != 1) {
            throw new IllegalStateException("SSL_CTX_set_session_id_context failed: " + LibSsl.takeErrors());
        }
        if (ticketKeys != null && ssl.sessionTickets()) {
            MemorySegment keys = arena.allocate(ticketKeys.length);
            MemorySegment.copy(ticketKeys, 0, keys, JAVA_BYTE, 0, ticketKeys.length);
            if ((long) LibSsl.SSL_CTX_CTRL.invokeExact(ctx, LibSsl.SSL_CTRL_SET_TLSEXT_TICKET_KEYS,
                    (long) ticketKeys.length, keys.address()) != 1) {
                throw new IllegalStateException("OpenSSL refused the master's ticket keys: " + LibSsl.takeErrors());
            }
            keys.fill((byte) 0);
        }
        LibSsl.SSL_CTX_SET_ALPN_SELECT_CB.invokeExact(ctx, ALPN_SELECT.address(), 0L);
    }

    private static void ctrl(long ctx, int cmd, long larg, String directive) throws Throwable {
        if ((long) LibSsl.SSL_CTX_CTRL.invokeExact(ctx, cmd, larg, 0L) != 1) {
            throw new ConfigException(directive + ": OpenSSL refused it (" + LibSsl.takeErrors() + ")");
        }
    }

    private static int version(String protocol) {
        return protocol.equals("TLSv1.3") ? LibSsl.TLS1_3_VERSION : LibSsl.TLS1_2_VERSION;
    }

    private static long cString(Arena arena, String s) {
        return arena.allocateFrom(s, StandardCharsets.UTF_8).address();
    }

    @Override
    public String engineName() {
        return SslSettings.ENGINE_OPENSSL;
    }

    @Override
    public String describe() {
        return engineName() + " (" + LibSsl.version() + "; " + (sharedTickets
                ? "every child resumes every ticket: the master's ticket keys)" : "no tickets: SSLSessionTickets off)");
    }

    /** A new connection's {@code SSL}, in accept state, between two new memory BIOs. */
    @Override
    public TlsSession newSession() {
        try {
            long s = (long) LibSsl.SSL_NEW.invokeExact(ctx);
            if (s == 0) {
                throw new IllegalStateException("SSL_new failed: " + LibSsl.takeErrors());
            }
            long mem = (long) LibSsl.BIO_S_MEM.invokeExact();
            long rbio = (long) LibSsl.BIO_NEW.invokeExact(mem);
            long wbio = (long) LibSsl.BIO_NEW.invokeExact(mem);
            if (rbio == 0 || wbio == 0) {
                LibSsl.SSL_FREE.invokeExact(s);
                throw new IllegalStateException("BIO_new failed: " + LibSsl.takeErrors());
            }
            LibSsl.SSL_SET_BIO.invokeExact(s, rbio, wbio);
            LibSsl.SSL_SET_ACCEPT_STATE.invokeExact(s);
            return new OpenSslSession(s, rbio, wbio);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("OpenSSL's calls failed: " + e, e);
        }
    }

    @Override
    public TlsChannelIo newChannelIo() {
        return new OpenSslChannelIo();
    }

    @Override
    public CloseNotifyRecord newCloseNotifyRecord() {
        return new CloseNotifyRecord(OpenSslChannelIo.RECORD_BYTES);
    }

    @Override
    public void close() {
        try {
            LibSsl.SSL_CTX_FREE.invokeExact(ctx);
        } catch (Throwable ignored) {
            // freed or not, nothing uses it any more
        }
    }

    /**
     * OpenSSL's ALPN select callback: {@code http/1.1} when the client's list ({@code in}, {@code inlen}
     * bytes of length-prefixed names) has it, pointed to in place; else no ALPN at all (the handshake
     * goes on), as httpd does for a client that offers only other protocols.
     */
    private static int alpnSelect(long ssl, long out, long outlen, long in, int inlen, long arg) {
        MemorySegment list = MemorySegment.ofAddress(in).reinterpret(Integer.toUnsignedLong(inlen));
        int i = 0;
        while (i < inlen) {
            int len = Byte.toUnsignedInt(list.get(JAVA_BYTE, i));
            if (len == HTTP_1_1.length - 1 && i + 1 + len <= inlen && matches(list, i)) {
                MemorySegment.ofAddress(out).reinterpret(8).set(JAVA_LONG, 0, in + i + 1);
                MemorySegment.ofAddress(outlen).reinterpret(1).set(JAVA_BYTE, 0, (byte) len);
                return LibSsl.SSL_TLSEXT_ERR_OK;
            }
            i += 1 + len;
        }
        return LibSsl.SSL_TLSEXT_ERR_NOACK;
    }

    private static boolean matches(MemorySegment list, int at) {
        for (int k = 0; k < HTTP_1_1.length; k++) {
            if (list.get(JAVA_BYTE, at + k) != HTTP_1_1[k]) {
                return false;
            }
        }
        return true;
    }

    private static MemorySegment alpnSelectStub() {
        if (LibSsl.unavailable() != null) {
            return MemorySegment.NULL;
        }
        try {
            return Linker.nativeLinker().upcallStub(
                    MethodHandles.lookup().findStatic(OpenSslTlsContext.class, "alpnSelect", MethodType.methodType(
                            int.class, long.class, long.class, long.class, long.class, int.class, long.class)),
                    FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG),
                    Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
