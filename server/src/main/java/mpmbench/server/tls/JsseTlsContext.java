package mpmbench.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import mpmbench.server.config.ConfigException;
import mpmbench.server.config.SslCipherSuites;
import mpmbench.server.config.SslSettings;
import mpmbench.server.http.io.CloseNotifyRecord;
import mpmbench.server.http.io.JsseChannelIo;
import mpmbench.server.http.io.JsseSession;
import mpmbench.server.http.io.TlsChannelIo;
import mpmbench.server.http.io.TlsSession;

/**
 * The server's TLS as httpd's mod_ssl directives describe it, built with JSSE ({@code MpmbenchTlsEngine
 * jsse}): one {@link SSLContext} per JVM (each child process loads the certificate and key itself), an
 * {@link SSLEngine} per connection ({@link #newSession}), buffers per serving loop ({@link #newChannelIo}).
 *
 * <p>Session resumption, and what processes cannot share: JSSE keeps its session cache and its
 * session-ticket keys inside the {@code SSLContext}, so threads of one child resume each other's
 * clients, but a client that reconnects to another child JVM gets a full handshake. httpd shares both
 * across its children (its cache in shared memory, its ticket keys made before the fork); JSSE has no
 * API to set ticket keys or to plug in a session cache (both live in {@code sun.security.ssl}), so
 * our prefork and worker children with more than one process resume only clients that come back to
 * the same child. That is measured as it is.
 *
 * <ul>
 *   <li>SSLSessionCache {@code none}: each new session is invalidated after its handshake, so no
 *       session-ID resumption (JSSE cannot switch its cache off), while tickets still resume, as
 *       with httpd; a cache: JSSE's, per JVM, with httpd's SSLSessionCacheTimeout default of 300 s.</li>
 *   <li>SSLSessionTickets On/Off: JSSE's switch {@code jdk.tls.server.enableSessionTicketExtension},
 *       a system property read once per JVM, set here before JSSE is first used (a value given on
 *       the command line wins). Off: TLS 1.3 still resumes, through the cache (stateful tickets), as
 *       OpenSSL does.</li>
 *   <li>ALPN: {@code http/1.1} offered, as httpd's default {@code Protocols http/1.1}.</li>
 * </ul>
 * Immutable after construction; {@link #newSession} may be called from any thread.
 */
public final class JsseTlsContext implements TlsContext {

    private static final String TICKETS_PROPERTY = "jdk.tls.server.enableSessionTicketExtension";

    private final SSLContext context;
    private final SSLParameters parameters;
    private final boolean invalidateSessions;
    private final int packetBytes;
    private final int applicationBytes;

    private JsseTlsContext(SSLContext context, SSLParameters parameters, boolean invalidateSessions) {
        this.context = context;
        this.parameters = parameters;
        this.invalidateSessions = invalidateSessions;
        SSLSession probe = context.createSSLEngine().getSession();
        this.packetBytes = probe.getPacketBufferSize();
        this.applicationBytes = probe.getApplicationBufferSize();
    }

    /**
     * Loads the certificate and key and builds the context (SSLEngine on).
     *
     * @throws ConfigException one line naming the directive, when a file or value cannot be used
     */
    static JsseTlsContext create(SslSettings ssl) {
        if (System.getProperty(TICKETS_PROPERTY) == null) {
            System.setProperty(TICKETS_PROPERTY, Boolean.toString(ssl.sessionTickets()));
        }
        Path certFile = Path.of(ssl.certificateFile());
        List<X509Certificate> chain = PemFiles.certificates("SSLCertificateFile", certFile);
        PrivateKey key = ssl.certificateKeyFile().isEmpty()
                ? PemFiles.privateKeyOrNull("SSLCertificateFile", certFile)
                : PemFiles.privateKeyOrNull("SSLCertificateKeyFile", Path.of(ssl.certificateKeyFile()));
        if (key == null) {
            throw new ConfigException((ssl.certificateKeyFile().isEmpty() ? "SSLCertificateFile " + certFile
                    : "SSLCertificateKeyFile " + ssl.certificateKeyFile()) + ": no private key in it (expected PEM:"
                    + " -----BEGIN PRIVATE KEY-----)");
        }
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            context.getServerSessionContext().setSessionTimeout(SESSION_CACHE_TIMEOUT_S);
            SSLParameters parameters = context.getDefaultSSLParameters();
            parameters.setProtocols(ssl.protocols().toArray(new String[0]));
            parameters.setCipherSuites(cipherSuites(ssl.cipherSuite(), parameters.getCipherSuites(),
                    context.getSupportedSSLParameters().getCipherSuites()));
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            parameters.setNeedClientAuth(false);
            return new JsseTlsContext(context, parameters, !ssl.sessionCacheOn());
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new ConfigException("SSLCertificateFile " + certFile + ": the certificate and key cannot be used ("
                    + e.getMessage() + ")");
        }
    }

    @Override
    public String engineName() {
        return SslSettings.ENGINE_JSSE;
    }

    @Override
    public String describe() {
        return engineName() + " (JDK " + Runtime.version().feature() + "; a child resumes only the sessions it issued)";
    }

    /** A new connection's TLS state: a server-mode engine with the configured parameters. */
    @Override
    public TlsSession newSession() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(parameters);
        return new JsseSession(engine);
    }

    @Override
    public TlsChannelIo newChannelIo() {
        return new JsseChannelIo(packetBytes, applicationBytes);
    }

    @Override
    public CloseNotifyRecord newCloseNotifyRecord() {
        return new CloseNotifyRecord(packetBytes);
    }

    /**
     * After a handshake: with SSLSessionCache none, a new session leaves JSSE's cache at once, so no
     * client resumes it by its ID (httpd's cache off); a session resumed from a ticket is left alone,
     * as invalidating it would refuse its ticket next time (with tickets, httpd resumes it too).
     */
    @Override
    public void handshakeDone(TlsSession session) {
        if (invalidateSessions) {
            SSLSession s = ((JsseSession) session).engine().getSession();
            if (s.getCreationTime() >= session.handshakeStartedMillis()) {
                s.invalidate();
            }
        }
    }

    /**
     * The JSSE suites for an SSLCipherSuite value: its list in order, JSSE's defaults where DEFAULT or
     * HIGH stood, and JSSE's TLS 1.3 suites added when the list names none (OpenSSL keeps TLS 1.3's
     * apart from SSLCipherSuite too).
     */
    static String[] cipherSuites(String cipherString, String[] jsseDefaults, String[] supported) {
        List<String> named = SslCipherSuites.parse(cipherString);
        if (named.isEmpty()) {
            return jsseDefaults;
        }
        Set<String> supportedSet = Set.of(supported);
        Set<String> out = new LinkedHashSet<>();
        for (String s : named) {
            if (s.equals(SslCipherSuites.JSSE_DEFAULTS)) {
                out.addAll(List.of(jsseDefaults));
            } else if (supportedSet.contains(s)) {
                out.add(s);
            } else {
                throw new ConfigException("SSLCipherSuite " + cipherString + ": " + s + " is not supported by this JDK");
            }
        }
        if (out.stream().noneMatch(JsseTlsContext::isTls13)) {
            List<String> tls13 = new ArrayList<>();
            for (String s : jsseDefaults) {
                if (isTls13(s)) {
                    tls13.add(s);
                }
            }
            out.addAll(tls13);
        }
        return out.toArray(new String[0]);
    }

    private static boolean isTls13(String suite) {
        return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
    }
}
