package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLEngine;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.IoBackend;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.TlsOptions;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.Counter;

/**
 * What the generator's ClientHello offers ({@code --tls-groups}, read from the bytes JSSE puts on the wire)
 * and what a real JSSE server on loopback makes of it: one key share, x25519, by default when TLS 1.3 is
 * offered, where JSSE's own list makes two; JSSE's list for TLS 1.2 alone; the client cache kept to one
 * session with {@code --tls-resume none}; and the documented way around a TLS 1.2 server with an ECDSA
 * certificate. Full and resumed handshakes with the default groups, on TLS 1.3 and on TLS 1.2, are
 * {@link TlsTest}'s.
 */
class TlsGroupsTest {

    private static final int SUPPORTED_GROUPS = 0x000a;
    private static final int KEY_SHARE = 0x0033;
    private static final Map<Integer, String> GROUP_NAMES = Map.of(0x001d, "x25519", 0x0017, "secp256r1",
            0x0018, "secp384r1", 0x0019, "secp521r1", 0x001e, "x448", 0x0100, "ffdhe2048");

    private static final Target TARGET = Target.parse("https://127.0.0.1:8443/");

    /** The first flight of a new engine of {@code tls}: its ClientHello's extensions, type to data. */
    private static Map<Integer, ByteBuffer> clientHello(TlsOptions tls) throws IOException {
        SSLEngine engine = new ClientTls(TARGET, tls).newEngine();
        engine.beginHandshake();
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        return extensions(out);
    }

    /** The extensions, type to data, of the ClientHello record that starts at {@code out}'s position. */
    static Map<Integer, ByteBuffer> extensions(ByteBuffer out) {
        assertEquals(0x16, out.get() & 0xff, "a handshake record");
        out.position(out.position() + 2 + 2); // record version, length
        assertEquals(1, out.get() & 0xff, "a ClientHello");
        out.position(out.position() + 3 + 2 + 32); // length, legacy_version, random
        skip(out, out.get() & 0xff); // legacy_session_id
        skip(out, out.getShort() & 0xffff); // cipher_suites
        skip(out, out.get() & 0xff); // legacy_compression_methods
        int length = out.getShort() & 0xffff;
        int end = out.position() + length;
        Map<Integer, ByteBuffer> extensions = new java.util.HashMap<>();
        while (out.position() < end) {
            int type = out.getShort() & 0xffff;
            int size = out.getShort() & 0xffff;
            extensions.put(type, out.slice(out.position(), size));
            skip(out, size);
        }
        return extensions;
    }

    private static void skip(ByteBuffer b, int n) {
        b.position(b.position() + n);
    }

    /** The groups of the key_share extension's entries, in order (RFC 8446 §4.2.8). */
    static List<String> keyShares(Map<Integer, ByteBuffer> extensions) {
        List<String> groups = new ArrayList<>();
        ByteBuffer b = extensions.get(KEY_SHARE);
        b.getShort(); // client_shares length
        while (b.hasRemaining()) {
            groups.add(GROUP_NAMES.getOrDefault(b.getShort() & 0xffff, "other"));
            skip(b, b.getShort() & 0xffff);
        }
        return groups;
    }

    /** The groups of the supported_groups extension, in order (RFC 8446 §4.2.7). */
    static List<String> supportedGroups(Map<Integer, ByteBuffer> extensions) {
        List<String> groups = new ArrayList<>();
        ByteBuffer b = extensions.get(SUPPORTED_GROUPS);
        b.getShort();
        while (b.hasRemaining()) {
            groups.add(GROUP_NAMES.getOrDefault(b.getShort() & 0xffff, "other"));
        }
        return groups;
    }

    @Test
    void byDefaultTheClientHelloOffersX25519AloneWithOneKeyShare() throws IOException {
        Map<Integer, ByteBuffer> hello = clientHello(TlsOptions.DEFAULT);
        assertEquals(List.of("x25519"), keyShares(hello), "one key pair per full handshake");
        assertEquals(List.of("x25519"), supportedGroups(hello));
    }

    @Test
    void jssesOwnListMakesTwoKeySharesOneOfThemWasted() throws IOException {
        Map<Integer, ByteBuffer> hello = clientHello(new TlsOptions(TlsOptions.KNOWN_PROTOCOLS, TlsOptions.Resume.TICKET,
                false, List.of()));
        assertEquals(List.of("x25519", "secp256r1"), keyShares(hello), "JDK 25: the first XDH and the first ECDHE group");
        assertEquals(List.of("x25519", "secp256r1", "secp384r1", "secp521r1", "x448", "ffdhe2048"),
                supportedGroups(hello).subList(0, 6));
    }

    @Test
    void tls12AloneOffersJssesListAndNoKeyShare() throws IOException {
        Map<Integer, ByteBuffer> hello = clientHello(new TlsOptions(List.of(TlsOptions.TLS12), TlsOptions.Resume.NONE,
                false));
        assertTrue(!hello.containsKey(KEY_SHARE), "TLS 1.2 has no key_share");
        assertTrue(supportedGroups(hello).contains("secp256r1"), "an ECDSA P-256 server finds its curve");
    }

    @Test
    void theGroupsAreOfferedAsGivenInThatOrder() throws IOException {
        Map<Integer, ByteBuffer> hello = clientHello(new TlsOptions(TlsOptions.KNOWN_PROTOCOLS, TlsOptions.Resume.NONE,
                false, List.of("secp384r1", "x25519")));
        assertEquals(List.of("secp384r1", "x25519"), supportedGroups(hello));
        assertEquals(List.of("secp384r1", "x25519"), keyShares(hello), "an ECDHE and an XDH group: two shares");
    }

    @Test
    void withoutResumptionTheClientCacheKeepsOneSessionAtMost() {
        assertEquals(1, new ClientTls(TARGET, new TlsOptions(TlsOptions.KNOWN_PROTOCOLS, TlsOptions.Resume.NONE, false))
                .clientSessions().getSessionCacheSize());
        assertTrue(new ClientTls(TARGET, TlsOptions.DEFAULT).clientSessions().getSessionCacheSize() != 1,
                "ticket: JSSE's cache, as before");
    }

    /**
     * A server that answers TLS 1.2 with an ECDSA P-256 certificate refuses a client that offers x25519
     * alone (RFC 8422 §5.1, as OpenSSL's servers): the default fails there, and the documented ways around
     * it, {@code --tls-groups x25519,secp256r1} or {@code --tls-protocols TLSv1.2}, work.
     */
    @Test
    void aTls12ServerWithAnEcdsaCertificateNeedsItsCurveOffered() throws IOException {
        try (TlsTestServer server = TlsTestServer.start(List.of(TlsOptions.TLS12))) {
            LoadResult refused = churn(server, TlsOptions.DEFAULT, Duration.ofMillis(1500));
            assertEquals(0, refused.counts().get(Counter.REQUESTS), refused.counts().toString());
            assertTrue(refused.counts().get(Counter.ERR_CONNECT) > 0, refused.counts().toString());
            // the other way, --tls-protocols TLSv1.2 (JSSE's list), is TlsTest's TLS 1.2 runs
            TlsOptions way = new TlsOptions(TlsOptions.KNOWN_PROTOCOLS, TlsOptions.Resume.TICKET, false,
                    List.of("x25519", "secp256r1"));
            LoadResult r = churn(server, way, Duration.ofMillis(1500));
            assertTrue(r.counts().get(Counter.REQUESTS) >= 3, way + " " + r.counts());
            assertEquals(0, r.counts().errorsWithWarmup(), way + " " + r.counts());
        }
    }

    private static LoadResult churn(TlsTestServer server, TlsOptions tls, Duration window) throws IOException {
        // a cold JVM's first full handshakes took up to 0.5 s on a busy 2-vCPU machine
        return LoadRun.run(LoadSpec.builder(Target.parse(server.url("localhost", "/hello"))).threads(1).connections(2)
                .duration(window).connectTimeout(Duration.ofSeconds(5)).keepAlive(false).tls(tls)
                .io(IoBackend.NIO).build());
    }
}
