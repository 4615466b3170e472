package mpmbench.loadgen.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A tiny HTTPS test server on 127.0.0.1, port 0 (JSSE's {@link SSLServerSocket}, a virtual thread per
 * connection): answers every request head with {@link TestServer#HELLO}, offers ALPN {@code http/1.1},
 * resumes sessions as JSSE does by default (its session cache, and tickets), and counts what it saw:
 * handshakes, resumed ones (a session created before the connection was accepted: JSSE keeps the
 * creation time of a resumed session, from its cache or its ticket), the SNI names and the ALPN protocols. Its certificate is self-signed, made at test time by the JDK's
 * keytool in a temporary folder (no key is committed).
 */
final class TlsTestServer implements AutoCloseable {

    private static final char[] PASSWORD = "test-only".toCharArray();
    private static KeyStore keyStore;

    final AtomicLong handshakes = new AtomicLong();
    /** Handshakes whose session was older than the connection: resumed (JSSE keeps a session's creation time). */
    final AtomicLong resumedHandshakes = new AtomicLong();
    final AtomicLong responses = new AtomicLong();
    final Set<String> serverNames = ConcurrentHashMap.newKeySet();
    final Set<String> applicationProtocols = ConcurrentHashMap.newKeySet();
    final Set<String> protocols = ConcurrentHashMap.newKeySet();
    private final SSLServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    /** How long the acceptor waits before its first accept: connections wait in the accept queue meanwhile. */
    private final long acceptDelayMs;

    /** A server that speaks only {@code protocols} (JSSE's names), or JSSE's defaults when null. */
    private TlsTestServer(List<String> protocols, long acceptDelayMs) throws IOException, GeneralSecurityException {
        this.acceptDelayMs = acceptDelayMs;
        SSLContext ctx = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore(), PASSWORD);
        ctx.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 512, InetAddress.getLoopbackAddress());
        SSLParameters p = server.getSSLParameters();
        p.setApplicationProtocols(new String[] {"http/1.1"});
        if (protocols != null) {
            p.setProtocols(protocols.toArray(String[]::new));
        }
        server.setSSLParameters(p);
        acceptor = Thread.ofPlatform().daemon().name("tls-test-accept").start(this::acceptLoop);
    }

    String url(String host, String path) {
        return "https://" + host + ":" + server.getLocalPort() + path;
    }

    private void acceptLoop() {
        try {
            Thread.sleep(acceptDelayMs);
        } catch (InterruptedException e) {
            return; // closed while waiting
        }
        while (!server.isClosed()) {
            try {
                SSLSocket s = (SSLSocket) server.accept();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket s) {
        try (s) {
            s.setTcpNoDelay(true);
            long acceptedMs = System.currentTimeMillis();
            s.startHandshake();
            handshakes.incrementAndGet();
            if (s.getSession().getCreationTime() < acceptedMs) {
                resumedHandshakes.incrementAndGet();
            }
            protocols.add(s.getSession().getProtocol());
            applicationProtocols.add(String.valueOf(s.getApplicationProtocol()));
            if (s.getSession() instanceof ExtendedSSLSession x) {
                List<SNIServerName> names = x.getRequestedServerNames();
                serverNames.add(names.isEmpty() ? "(none)" : ((SNIHostName) names.getFirst()).getAsciiName());
            }
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (awaitRequest(in)) {
                responses.incrementAndGet();
                out.write(TestServer.HELLO);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away, or its handshake failed
        } finally {
            open.remove(s);
        }
    }

    private static boolean awaitRequest(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
        for (Socket s : open) {
            s.close();
        }
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A self-signed EC certificate for localhost and 127.0.0.1, made once per test JVM by keytool. */
    private static synchronized KeyStore keyStore() throws IOException, GeneralSecurityException {
        if (keyStore != null) {
            return keyStore;
        }
        Path dir = Files.createTempDirectory("mpmbench-tls-test");
        Path file = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass",
                new String(PASSWORD), "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        Files.delete(file);
        Files.delete(dir);
        keyStore = ks;
        return ks;
    }

    static TlsTestServer start() {
        return start(null);
    }

    /** A server that speaks only {@code protocols}, or JSSE's defaults when null. */
    static TlsTestServer start(List<String> protocols) {
        return create(protocols, 0);
    }

    /**
     * A server that accepts nothing for its first {@code delayMs}: the clients' TCP connects complete in
     * the kernel's accept queue (512 deep) and their ClientHellos wait there, as with a server whose
     * processes are all full.
     */
    static TlsTestServer acceptingAfter(long delayMs) {
        return create(null, delayMs);
    }

    private static TlsTestServer create(List<String> protocols, long delayMs) {
        try {
            return new TlsTestServer(protocols, delayMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
