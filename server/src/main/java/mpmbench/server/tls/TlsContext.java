package mpmbench.server.tls;

import mpmbench.openssl.LibSsl;
import mpmbench.server.config.ConfigException;
import mpmbench.server.config.SslSettings;
import mpmbench.server.http.io.CloseNotifyRecord;
import mpmbench.server.http.io.TlsChannelIo;
import mpmbench.server.http.io.TlsSession;

/**
 * The server's TLS as httpd's mod_ssl directives describe it, one per JVM (each child process loads
 * the certificate and key itself): a session per connection ({@link #newSession}), buffers per
 * serving loop ({@link #newChannelIo}). Two engines, chosen by {@code MpmbenchTlsEngine}
 * ({@link SslSettings#tlsEngine()}): OpenSSL through the FFM API ({@link OpenSslTlsContext}), as httpd
 * and nginx, and JSSE ({@link JsseTlsContext}); {@code auto} takes OpenSSL where {@code libssl.so.3}
 * can be used and JSSE elsewhere.
 *
 * <p>Session resumption across processes is where they differ: OpenSSL's ticket keys can be set, so
 * every child JVM encrypts its tickets with the keys its master made ({@link TicketKeys}) and any
 * child resumes any client's ticket, as httpd's children do; JSSE keeps its keys inside each JVM.
 * Implementations are immutable after construction; every method may be called from any thread.
 */
public sealed interface TlsContext permits JsseTlsContext, OpenSslTlsContext {

    /** httpd's SSLSessionCacheTimeout default, in seconds (OpenSSL's default session timeout too). */
    int SESSION_CACHE_TIMEOUT_S = 300;

    /**
     * How {@code mpmbench serve} begins the line naming the engine at start ({@link #describe()} follows),
     * which the suite reads into env.csv's {@code server_tls_engine}.
     */
    String STARTUP_LINE = "mpmbench serve: TLS: ";

    /**
     * Loads the certificate and key and builds the context of the engine {@code ssl} names, or null
     * when SSLEngine is Off. The ticket keys are this process's {@link TicketKeys#inherited()}.
     *
     * @throws ConfigException one line naming the directive, when a file or value cannot be used, or
     *                         when {@code MpmbenchTlsEngine openssl} is asked where OpenSSL cannot be used
     */
    static TlsContext createOrNull(SslSettings ssl) {
        if (!ssl.engine()) {
            return null;
        }
        String engine = ssl.tlsEngine();
        String why = LibSsl.unavailable();
        if (engine.equals(SslSettings.ENGINE_OPENSSL) && why != null) {
            throw new ConfigException("MpmbenchTlsEngine openssl: OpenSSL cannot be used here (" + why
                    + "); use MpmbenchTlsEngine jsse or auto");
        }
        if (engine.equals(SslSettings.ENGINE_JSSE) || why != null) {
            return JsseTlsContext.create(ssl);
        }
        return OpenSslTlsContext.create(ssl, TicketKeys.inherited());
    }

    /** The engine: {@code openssl} or {@code jsse}, as {@code MpmbenchTlsEngine} names it. */
    String engineName();

    /**
     * The engine's name first, then for a reader what it is and what children share, e.g. {@code openssl
     * (OpenSSL 3.0.19 1 Jul 2025; every child resumes every ticket: the master's ticket keys)}.
     */
    String describe();

    /** A new connection's TLS state, server side, not yet handshaking. */
    TlsSession newSession();

    /** Buffers for one serving loop. */
    TlsChannelIo newChannelIo();

    /** A buffer for close_notify records, for a thread that closes parked connections. */
    CloseNotifyRecord newCloseNotifyRecord();

    /** Called once a connection's handshake is done (JSSE's cache rule, {@link JsseTlsContext#handshakeDone}). */
    default void handshakeDone(TlsSession session) {
    }

    /** Frees what the context holds outside the Java heap (a master that only checked the files). */
    default void close() {
    }
}
