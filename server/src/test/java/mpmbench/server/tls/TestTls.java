package mpmbench.server.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import mpmbench.server.config.SslSettings;

/**
 * What the TLS tests share: one self-signed certificate per test JVM, made at first use into a
 * temporary directory (never a key in the repository), the server settings naming it, and a client
 * that trusts any certificate (as wrk and {@code curl -k} do).
 */
public final class TestTls {

    private static SelfSignedCertificate.PemPair pair;
    private static SSLContext client;

    private TestTls() {
    }

    /** cert.pem and key.pem for 127.0.0.1 and localhost, made once per JVM. */
    public static synchronized SelfSignedCertificate.PemPair certificate() {
        if (pair == null) {
            try {
                Path dir = Files.createTempDirectory("mpmbench-tls-");
                pair = SelfSignedCertificate.write(dir, SelfSignedCertificate.KeyType.EC);
                for (Path p : List.of(pair.certificate(), pair.key(), dir)) {
                    p.toFile().deleteOnExit();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pair;
    }

    /** The {@code --set} flags that switch TLS on with {@link #certificate()}. */
    public static List<String> serverSets() {
        return List.of("SSLEngine=on", "SSLCertificateFile=" + certificate().certificate(),
                "SSLCertificateKeyFile=" + certificate().key());
    }

    /** mod_ssl's defaults with SSLEngine on and {@link #certificate()}. */
    public static SslSettings settings() {
        SslSettings d = SslSettings.DEFAULTS;
        return new SslSettings(true, certificate().certificate().toString(), certificate().key().toString(),
                d.protocols(), d.cipherSuite(), d.sessionCache(), d.sessionTickets(), d.tlsEngine());
    }

    /** A client context trusting any certificate; one per JVM, so it keeps sessions for resumption. */
    public static synchronized SSLContext clientContext() {
        if (client == null) {
            try {
                client = SSLContext.getInstance("TLS");
                client.init(null, new TrustManager[] {new X509TrustManager() {
                    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
                    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
                    @Override public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                }}, null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return client;
    }

    /** A TLS client socket to 127.0.0.1:{@code port}, handshaken, with {@code protocols} (none: JSSE's). */
    public static SSLSocket connect(int port, int timeoutMs, String... protocols) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
        plain.setSoTimeout(timeoutMs);
        plain.setTcpNoDelay(true);
        SSLSocket s = (SSLSocket) clientContext().getSocketFactory().createSocket(plain, "localhost", port, true);
        if (protocols.length > 0) {
            s.setEnabledProtocols(protocols);
        }
        s.startHandshake();
        return s;
    }
}
