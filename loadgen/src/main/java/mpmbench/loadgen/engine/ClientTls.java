package mpmbench.loadgen.engine;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import mpmbench.loadgen.TlsOptions;
import mpmbench.loadgen.http.Target;

/**
 * The client side of TLS for one run (JSSE): one {@link SSLContext}, whose client session cache is what
 * resumption draws on, and a new {@link SSLEngine} per connection, set up as {@link TlsOptions} says:
 * the protocols offered, ALPN {@code http/1.1}, SNI with the URL's host name (none for an IP literal),
 * and the certificate checked ({@code --tls-verify}: the JDK's trusted CAs and endpoint identification
 * {@code HTTPS}) or not (any certificate, as wrk).
 *
 * <h2>Resumption, as JSSE lets a client choose it</h2>
 * <ul>
 *   <li>{@code ticket}: engines are created with the peer's host and port, so JSSE looks up the last
 *       session with that peer in the context's client cache and offers it: a TLS 1.3 PSK ticket, or in
 *       TLS 1.2 its RFC 5077 ticket (JSSE asks for tickets: {@code jdk.tls.client.enableSessionTicketExtension},
 *       default true) or else its session ID.</li>
 *   <li>{@code session-id} (TLS 1.2 only): as {@code ticket}, but the context is created with
 *       {@code jdk.tls.client.enableSessionTicketExtension=false} (JSSE reads it when a context is made,
 *       in {@code SSLContext.getInstance}, so it is set only for that moment), so the client asks for no ticket and offers
 *       its session ID: the server must find the session in its own cache.</li>
 *   <li>{@code none}: engines are created without a peer, so the cache is never looked up and every
 *       handshake is full (SNI and the name to verify still come from the URL).</li>
 * </ul>
 * With {@code none} the context's client cache holds one session at most
 * ({@link SSLSessionContext#setSessionCacheSize}): JSSE still stores every session a full TLS 1.2 handshake
 * makes and every TLS 1.3 ticket the server sends (OpenSSL's servers send two per handshake), each session holding the
 * server's parsed certificate; by default it keeps 20,480 of them for a day, heap the collector copies and
 * nothing ever reads. The client still asks for tickets (TLS 1.2's empty session_ticket extension, TLS
 * 1.3's psk_key_exchange_modes), as a new browser does, so the server's work per handshake is a fresh
 * client's.
 *
 * <h2>What a full handshake costs here, and what is left to cut</h2>
 * The key exchange offers {@link TlsOptions#groups()} ({@code x25519} alone by default when TLS 1.3 is
 * offered: one key share instead of JSSE's two, see {@link TlsOptions#defaultGroups}). Without
 * {@code --tls-verify} the certificate chain is not validated (no path building, no revocation, no
 * algorithm constraints: this trust manager is an {@link X509ExtendedTrustManager}, which JSSE calls as it
 * is). What is left of the public-key work is what any client must do: parse the server's certificate
 * for its key, verify the server's signature with it (TLS 1.3's CertificateVerify, TLS 1.2's
 * ServerKeyExchange: it proves the server holds the certificate's key and, in TLS 1.2, that the key share
 * is the server's; OpenSSL verifies it too with {@code SSL_VERIFY_NONE}), and the key agreement itself.
 * With an ECDSA P-256 certificate that verification is about a third of the CPU of a full handshake
 * (JSSE's P-256 runs in Java); an RSA certificate makes it cheap (a small public exponent).
 *
 * <p>Whether a handshake was resumed: a full one has the server's certificate checked by this context's
 * trust manager, a resumed one has not (no Certificate message, RFC 8446 §2.2, RFC 5246 §7.3); the trust
 * manager marks the handshake's session and {@link #resumed} reads and clears the mark.
 *
 * <p>Thread-safe: the loops of a run share it (and with it the session cache); each engine is one loop's.
 */
final class ClientTls {

    /** ALPN: HTTP/1.1, the only protocol this generator speaks. */
    static final String ALPN = "http/1.1";
    private static final String FULL_MARK = "mpmbench.full-handshake";
    private static final String TICKETS_PROPERTY = "jdk.tls.client.enableSessionTicketExtension";

    private final SSLContext context;
    private final TlsOptions options;
    /** {@link TlsOptions#groups()} for {@link SSLParameters#setNamedGroups}; null: JSSE's own list. */
    private final String[] namedGroups;
    private final String serverName;
    private final String peerHost;
    private final int peerPort;

    ClientTls(Target target, TlsOptions options) {
        this.options = options;
        this.serverName = target.serverName();
        this.peerHost = target.serverName() != null ? target.serverName() : target.address().getAddress().getHostAddress();
        this.peerPort = target.address().getPort();
        this.namedGroups = options.groups().isEmpty() ? null : options.groups().toArray(String[]::new);
        try {
            this.context = newContext(options);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** A client engine for one new connection, its handshake not begun. */
    SSLEngine newEngine() {
        SSLEngine engine = options.resume() == TlsOptions.Resume.NONE ? context.createSSLEngine()
                : context.createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(true);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(options.protocols().toArray(String[]::new));
        p.setApplicationProtocols(new String[] {ALPN});
        p.setServerNames(serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
        if (namedGroups != null) {
            p.setNamedGroups(namedGroups);
        }
        if (options.verify()) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        engine.setSSLParameters(p);
        return engine;
    }

    /** The client session cache resumption draws on (for tests: its size with {@code none}). */
    SSLSessionContext clientSessions() {
        return context.getClientSessionContext();
    }

    /** Whether the handshake that made {@code session} was resumed; call once, when it has finished. */
    static boolean resumed(SSLSession session) {
        boolean full = session.getValue(FULL_MARK) != null;
        if (full) {
            session.removeValue(FULL_MARK); // the session resumed later is this one (TLS 1.2) or its child
        }
        return !full;
    }

    private static SSLContext newContext(TlsOptions options) throws GeneralSecurityException {
        TrustManager[] trust = {new MarkingTrustManager(options.verify() ? defaultTrust() : null)};
        SSLContext ctx;
        if (options.resume() != TlsOptions.Resume.SESSION_ID) {
            ctx = SSLContext.getInstance("TLS");
        } else {
            synchronized (ClientTls.class) { // JSSE reads the property when the context (its client cache) is made
                String before = System.getProperty(TICKETS_PROPERTY);
                System.setProperty(TICKETS_PROPERTY, "false");
                try {
                    ctx = SSLContext.getInstance("TLS");
                } finally {
                    if (before == null) {
                        System.clearProperty(TICKETS_PROPERTY);
                    } else {
                        System.setProperty(TICKETS_PROPERTY, before);
                    }
                }
            }
        }
        ctx.init(null, trust, null);
        if (options.resume() == TlsOptions.Resume.NONE) {
            ctx.getClientSessionContext().setSessionCacheSize(1); // nothing is looked up: keep no sessions (0 = no limit)
        }
        return ctx;
    }

    private static X509ExtendedTrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        for (TrustManager t : f.getTrustManagers()) {
            if (t instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509ExtendedTrustManager among the JDK's trust managers");
    }

    /**
     * Checks the server's chain with {@code verify} (or takes any when it is {@code null}) and marks the
     * handshake's session as a full handshake: JSSE calls it only when a Certificate message came.
     */
    private static final class MarkingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager verify;

        MarkingTrustManager(X509ExtendedTrustManager verify) {
            this.verify = verify;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            if (verify != null) {
                verify.checkServerTrusted(chain, authType, engine);
            }
            SSLSession s = engine.getHandshakeSession();
            if (s != null) {
                s.putValue(FULL_MARK, Boolean.TRUE);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("engines only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("engines only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return verify == null ? new X509Certificate[0] : verify.getAcceptedIssuers();
        }
    }
}
