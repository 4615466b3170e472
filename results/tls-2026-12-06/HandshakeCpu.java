import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.*;

/** CPU of the client side of full TLS 1.3 handshakes in memory against a JSSE server (EC P-256 cert): A = JSSE's
 *  groups and cache (before), B = x25519 alone + cache size 1 (after), C = JSSE's groups + cache size 1. Thread CPU
 *  of the client's wrap/unwrap/tasks only. */
public class HandshakeCpu {
    static final ThreadMXBean T = ManagementFactory.getThreadMXBean();
    static long clientNs;
    static SSLContext server;

    public static void main(String[] a) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new FileInputStream(a[0]), "test-only".toCharArray());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, "test-only".toCharArray());
        server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        int n = Integer.parseInt(a[1]);
        String order = a[2];
        SSLContext[] ctx = new SSLContext[3];
        for (int i = 0; i < 3; i++) ctx[i] = client(i != 0);
        for (int w = 0; w < 3; w++) for (int i = 0; i < 3; i++) run(ctx[i], i == 1, n);  // warm-up
        for (char v : order.toCharArray()) {
            int i = v - 'A';
            double us = run(ctx[i], i == 1, n);
            System.out.printf("%c: %.0f us client CPU per full handshake (%d handshakes; cache holds %d)%n", v, us, n,
                    java.util.Collections.list(ctx[i].getClientSessionContext().getIds()).size());
        }
    }

    static SSLContext client(boolean smallCache) throws Exception {
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
            public void checkServerTrusted(X509Certificate[] ch, String t, SSLEngine e) {}
            public void checkServerTrusted(X509Certificate[] ch, String t, java.net.Socket s) {}
            public void checkServerTrusted(X509Certificate[] ch, String t) {}
            public void checkClientTrusted(X509Certificate[] ch, String t, SSLEngine e) {}
            public void checkClientTrusted(X509Certificate[] ch, String t, java.net.Socket s) {}
            public void checkClientTrusted(X509Certificate[] ch, String t) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        if (smallCache) c.getClientSessionContext().setSessionCacheSize(1);
        return c;
    }

    static double run(SSLContext cctx, boolean oneShare, int n) throws Exception {
        clientNs = 0;
        for (int k = 0; k < n; k++) handshake(cctx, oneShare);
        return clientNs / 1000.0 / n;
    }

    static void handshake(SSLContext cctx, boolean oneShare) throws Exception {
        long t0 = T.getCurrentThreadCpuTime();
        SSLEngine c = cctx.createSSLEngine();
        c.setUseClientMode(true);
        SSLParameters p = c.getSSLParameters();
        p.setProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
        p.setApplicationProtocols(new String[] {"http/1.1"});
        if (oneShare) p.setNamedGroups(new String[] {"x25519"});
        c.setSSLParameters(p);
        clientNs += T.getCurrentThreadCpuTime() - t0;
        SSLEngine s = server.createSSLEngine();
        s.setUseClientMode(false);
        int size = 20000;
        ByteBuffer c2s = ByteBuffer.allocate(size), s2c = ByteBuffer.allocate(size), app = ByteBuffer.allocate(size);
        ByteBuffer empty = ByteBuffer.allocate(0);
        c.beginHandshake(); s.beginHandshake();
        for (int guard = 0; guard < 200; guard++) {
            boolean cDone = c.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING;
            boolean sDone = s.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING;
            if (cDone && sDone) break;
            t0 = T.getCurrentThreadCpuTime();
            step(c, s2c, c2s, app, empty);
            clientNs += T.getCurrentThreadCpuTime() - t0;
            step(s, c2s, s2c, app, empty);
        }
        // the server's NewSessionTicket, read by the client as the generator reads it
        s2c.flip();
        t0 = T.getCurrentThreadCpuTime();
        while (s2c.hasRemaining()) {
            app.clear();
            SSLEngineResult r = c.unwrap(s2c, app);
            Runnable task; while ((task = c.getDelegatedTask()) != null) task.run();
            if (r.bytesConsumed() == 0) break;
        }
        clientNs += T.getCurrentThreadCpuTime() - t0;
    }

    /** One step of engine e: unwrap what came in, run tasks, wrap what it wants to send. */
    static void step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app, ByteBuffer empty) throws Exception {
        while (true) {
            switch (e.getHandshakeStatus()) {
                case NEED_TASK -> { Runnable t; while ((t = e.getDelegatedTask()) != null) t.run(); }
                case NEED_WRAP -> e.wrap(empty, out);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    in.flip();
                    app.clear();
                    SSLEngineResult r = e.unwrap(in, app);
                    in.compact();
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || (r.bytesConsumed() == 0
                            && e.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_UNWRAP)) return;
                }
                default -> { return; }
            }
        }
    }
}
