package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import mpmbench.server.config.Mpm;
import mpmbench.server.config.SslSettings;
import mpmbench.server.tls.TestTls;

/**
 * HTTPS on every model, each a real server (master and child JVMs, every child loading the
 * certificate itself) on an ephemeral loopback port: TLS 1.2 and 1.3, the RFC 9112 rules and bad input
 * over TLS, a plain-HTTP client on the TLS port (mod_ssl's 400 in clear text), session resumption
 * inside one child and, with OpenSSL's shared ticket keys, across children, and the event model's
 * handshake that holds no worker while the client is slow. Every model on both engines
 * (MpmbenchTlsEngine openssl and jsse).
 */
class TlsModelTest {

    private static final Map<String, RunningServer> SERVERS = new ConcurrentHashMap<>();
    private static final List<String> ENGINES = List.of(SslSettings.ENGINE_OPENSSL, SslSettings.ENGINE_JSSE);

    /** Every model on every engine. */
    static Stream<Arguments> modelsAndEngines() {
        return Stream.of(Mpm.values()).flatMap(m -> ENGINES.stream().map(e -> Arguments.of(m, e)));
    }

    /** One child each, so a reconnecting client meets the JVM that holds its session. */
    private static RunningServer server(Mpm mpm, String engine) throws Exception {
        RunningServer s = SERVERS.get(mpm + "/" + engine);
        if (s == null) {
            List<String> sets = new ArrayList<>(TestTls.serverSets());
            sets.add("KeepAliveTimeout=2");
            sets.add("MpmbenchTlsEngine=" + engine);
            sets.addAll(switch (mpm) {
                case PREFORK -> List.of("StartServers=1", "MinSpareServers=1", "MaxSpareServers=2", "ServerLimit=1",
                        "MaxRequestWorkers=1");
                case VIRTUAL -> List.of();
                case WORKER, EVENT -> List.of("StartServers=1", "MinSpareThreads=1", "MaxSpareThreads=8",
                        "ThreadsPerChild=4", "ServerLimit=1", "MaxRequestWorkers=4");
            });
            s = RunningServer.start(mpm.id(), sets.toArray(new String[0]));
            SERVERS.put(mpm + "/" + engine, s);
        }
        return s;
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (RunningServer s : SERVERS.values()) {
            s.stopAndListLeftovers();
        }
        SERVERS.clear();
    }

    @ParameterizedTest
    @MethodSource("modelsAndEngines")
    void helloOverTls12AndTls13WithKeepAlive(Mpm mpm, String engine) throws Exception {
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            try (HttpTestClient c = HttpTestClient.tls(server(mpm, engine).port, 5_000, protocol)) {
                assertEquals(protocol, ((SSLSocket) c.socket).getSession().getProtocol());
                for (int i = 0; i < 3; i++) {
                    HttpTestClient.Response r = c.get("/hello");
                    assertEquals(200, r.status());
                    assertEquals("Hello, World!", r.text());
                }
                assertEquals(100_000, c.get("/bytes?n=100000").body().length);
            }
        }
    }

    /**
     * Requests pipelined in records of their own (one TLS record per write) reach the server together,
     * so the TLS engine holds the later ones above the socket, where its readiness never announces them.
     * A model that parks a connection once its answer is out must read those first, or the client waits
     * for ever (here: the read timeout).
     */
    @ParameterizedTest
    @MethodSource("modelsAndEngines")
    void requestsPipelinedInRecordsOfTheirOwnAreAllAnswered(Mpm mpm, String engine) throws Exception {
        for (int round = 0; round < 20; round++) {
            try (HttpTestClient c = HttpTestClient.tls(server(mpm, engine).port, 5_000)) {
                c.send("GET /bytes?n=3 HTTP/1.1\r\nHost: x\r\n\r\n");
                c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
                c.send("GET /bytes?n=7 HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals(3, c.read(false).body().length);
                assertEquals("Hello, World!", c.read(false).text());
                assertEquals(7, c.read(false).body().length);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("modelsAndEngines")
    void badInputOverTlsGetsAStatusAndTheServerGoesOn(Mpm mpm, String engine) throws Exception {
        int port = server(mpm, engine).port;
        SharedModelChecks.badInputGetsAStatusAndTheServerGoesOn(() -> HttpTestClient.tls(port, 5_000));
    }

    /**
     * Plain HTTP on the TLS port gets mod_ssl's answer in clear text, 400 with its reason, and the
     * end of the connection; the server goes on.
     */
    @ParameterizedTest
    @MethodSource("modelsAndEngines")
    void plainHttpOnTheTlsPortIsAnswered400InClearText(Mpm mpm, String engine) throws Exception {
        int port = server(mpm, engine).port;
        String answer = new String(cleartext(port, "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n"),
                StandardCharsets.US_ASCII);
        assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
        assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\n400 Bad Request\n"
                + "Reason: You're speaking plain HTTP to an SSL-enabled server port.\n"
                + "Instead use the HTTPS scheme to access this URL, please.\n"), answer);
        try (HttpTestClient c = HttpTestClient.tls(port, 5_000)) {
            assertEquals(200, c.get("/hello").status());
        }
    }

    /**
     * Every way the server ends a kept-alive TLS connection sends close_notify before the TCP end:
     * KeepAliveTimeout passed while it waited (for the event and virtual models a wait outside a
     * serving turn), and {@code Connection: close} asked (the lingering close, as for
     * MaxKeepAliveRequests). TLS 1.2, where close_notify is a record of its own type (alert, 21)
     * that a client can tell from the bytes received.
     */
    @ParameterizedTest
    @MethodSource("modelsAndEngines")
    void theServerEndsAKeptAliveTlsConnectionWithCloseNotify(Mpm mpm, String engine) throws Exception {
        int port = server(mpm, engine).port;
        for (boolean idle : new boolean[] {true, false}) {
            RecordingSocket raw = new RecordingSocket();
            raw.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            raw.setSoTimeout(5_000);
            SSLSocket tls = (SSLSocket) TestTls.clientContext().getSocketFactory()
                    .createSocket(raw, "localhost", port, true);
            tls.setEnabledProtocols(new String[] {"TLSv1.2"});
            tls.startHandshake();
            try (HttpTestClient c = new HttpTestClient(tls)) {
                assertEquals(200, c.get("/hello").status());
                int before = raw.received();
                if (!idle) {
                    c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                    assertEquals(200, c.read(false).status());
                    before = raw.received();
                }
                assertTrue(c.closedByServer(), "closed within 5 s (KeepAliveTimeout 2 s)");
                byte[] last = raw.since(before);
                assertTrue(last.length > 5 && last[0] == 0x15,
                        (idle ? "after KeepAliveTimeout" : "after Connection: close") + ", the last bytes: "
                                + Arrays.toString(last));
            }
        }
    }

    /** A plain socket that keeps a copy of every byte read from it, for a TLS socket layered over it. */
    private static final class RecordingSocket extends Socket {

        private final java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws java.io.IOException {
            if (in == null) {
                InputStream raw = super.getInputStream();
                in = new java.io.FilterInputStream(raw) {
                    @Override
                    public int read() throws java.io.IOException {
                        int b = super.read();
                        if (b >= 0) {
                            record(new byte[] {(byte) b}, 0, 1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws java.io.IOException {
                        int n = super.read(b, off, len);
                        if (n > 0) {
                            record(b, off, n);
                        }
                        return n;
                    }
                };
            }
            return in;
        }

        private synchronized void record(byte[] b, int off, int n) {
            copy.write(b, off, n);
        }

        synchronized int received() {
            return copy.size();
        }

        synchronized byte[] since(int offset) {
            byte[] all = copy.toByteArray();
            return Arrays.copyOfRange(all, offset, all.length);
        }
    }

    /** Other bytes that are not TLS (a method OpenSSL does not look for, say): no HTTP answer, the end. */
    @ParameterizedTest
    @MethodSource("modelsAndEngines")
    void otherCleartextOnTheTlsPortIsClosedWithoutAnAnswer(Mpm mpm, String engine) throws Exception {
        int port = server(mpm, engine).port;
        byte[] answer = cleartext(port, "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"); // a TLS alert at most
        assertTrue(answer.length < 16 && !new String(answer).contains("HTTP/1.1"), Arrays.toString(answer));
    }

    /** Sends {@code request} in clear text on a new connection; all it gets back until the server's end. */
    private static byte[] cleartext(int port, String request) throws java.io.IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return s.getInputStream().readAllBytes();
        }
    }

    @ParameterizedTest
    @MethodSource("modelsAndEngines")
    void followsRfc9112RuleByRuleOverTls(Mpm mpm, String engine) throws Exception {
        SharedModelChecks.followsRfc9112RuleByRule(server(mpm, engine).port, TestTls.clientContext());
    }

    /**
     * Inside one child JVM, JSSE's session tickets resume a returning TLS 1.2 client (the session
     * ID the client offered comes back, the certificate is not sent again).
     */
    @ParameterizedTest
    @MethodSource("modelsAndEngines")
    void aReturningClientIsResumedByItsChild(Mpm mpm, String engine) throws Exception {
        int port = server(mpm, engine).port;
        byte[] first;
        try (HttpTestClient c = HttpTestClient.tls(port, 5_000, "TLSv1.2")) {
            assertEquals(200, c.get("/hello").status());
            first = ((SSLSocket) c.socket).getSession().getId();
        }
        int resumed = 0;
        for (int i = 0; i < 5; i++) {
            try (HttpTestClient c = HttpTestClient.tls(port, 5_000, "TLSv1.2")) {
                assertEquals(200, c.get("/hello").status());
                resumed += Arrays.equals(first, ((SSLSocket) c.socket).getSession().getId()) ? 1 : 0;
            }
        }
        assertEquals(5, resumed, "reconnects resumed");
    }

    /**
     * A client that comes back to another child is resumed there when the children share their ticket
     * keys (OpenSSL: the master's, {@code TicketKeys}), as httpd's prefork children share theirs; with
     * JSSE each child has keys of its own, so it gets a full handshake. Prefork, two children of one
     * connection each: the first client keeps its connection, so the returning one must meet the other
     * child. TLS 1.2, where a resumed session keeps the ID the client offered.
     */
    @ParameterizedTest
    @ValueSource(strings = {SslSettings.ENGINE_OPENSSL, SslSettings.ENGINE_JSSE})
    void aClientReturningToAnotherChildIsResumedWithSharedTicketKeys(String engine) throws Exception {
        List<String> sets = new ArrayList<>(TestTls.serverSets());
        sets.addAll(List.of("MpmbenchTlsEngine=" + engine, "StartServers=2", "MinSpareServers=2",
                "MaxSpareServers=2", "ServerLimit=2", "MaxRequestWorkers=2"));
        try (RunningServer s = RunningServer.start("prefork", sets.toArray(new String[0]))) {
            int resumed = 0;
            for (int i = 0; i < 3; i++) {
                try (HttpTestClient holder = HttpTestClient.tls(s.port, 5_000, "TLSv1.2")) {
                    assertEquals(200, holder.get("/hello").status());
                    byte[] issued = ((SSLSocket) holder.socket).getSession().getId();
                    try (HttpTestClient back = HttpTestClient.tls(s.port, 5_000, "TLSv1.2")) {
                        assertEquals(200, back.get("/hello").status());
                        resumed += Arrays.equals(issued, ((SSLSocket) back.socket).getSession().getId()) ? 1 : 0;
                    }
                }
            }
            assertEquals(engine.equals(SslSettings.ENGINE_OPENSSL) ? 3 : 0, resumed,
                    "returning clients resumed by the other child");
        }
    }

    /**
     * event: a client that sent part of its ClientHello and went silent holds no worker. With one
     * worker thread, another client's whole HTTPS exchange completes meanwhile; a model that held the
     * worker would keep it until Timeout (60 s).
     */
    @Test
    void eventHandshakeWaitingForTheClientHoldsNoWorker() throws Exception {
        List<String> sets = new ArrayList<>(TestTls.serverSets());
        sets.addAll(List.of("StartServers=1", "MinSpareThreads=1", "MaxSpareThreads=2", "ThreadsPerChild=1",
                "ServerLimit=1", "MaxRequestWorkers=1"));
        try (RunningServer s = RunningServer.start("event", sets.toArray(new String[0]));
             Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress("127.0.0.1", s.port), 5_000);
            OutputStream out = slow.getOutputStream();
            out.write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01}); // a record of 512 bytes begins
            out.flush();
            Thread.sleep(300); // the worker has read it and handed the connection back
            long start = System.nanoTime();
            try (HttpTestClient c = HttpTestClient.tls(s.port, 5_000)) {
                assertArrayEquals("Hello, World!".getBytes(), c.get("/hello").body());
            }
            assertTrue(System.nanoTime() - start < 4_000_000_000L, "served while the slow handshake waits");
            InputStream in = slow.getInputStream();
            slow.setSoTimeout(200);
            try {
                int b = in.read();
                throw new AssertionError("the slow client's connection ended early (" + b + ")");
            } catch (java.net.SocketTimeoutException stillWaiting) {
                // as it should: the slow client's connection waits in the selector for the rest
            }
        }
    }
}
