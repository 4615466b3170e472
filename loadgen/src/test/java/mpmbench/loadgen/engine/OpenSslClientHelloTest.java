package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.TlsEngine;
import mpmbench.loadgen.TlsOptions;
import mpmbench.loadgen.http.Target;

/**
 * What {@code --tls-engine openssl} puts on the wire first, read by a plain socket on loopback: a
 * ClientHello with SNI (the URL's host), ALPN {@code http/1.1}, and by default the same groups as the JSSE
 * engine, x25519 alone with its one key share ({@link TlsGroupsTest} reads JSSE's).
 */
class OpenSslClientHelloTest {

    private static final int SERVER_NAME = 0x0000;
    private static final int ALPN = 0x0010;

    @Test
    void theClientHelloNamesTheHostOffersHttp11AndX25519Alone() throws Exception {
        TlsEnginesTest.assumeUsable(TlsEngine.OPENSSL);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<ByteBuffer> hello = CompletableFuture.supplyAsync(() -> firstRecord(server));
            LoadRun.run(LoadSpec.builder(Target.parse("https://localhost:" + server.getLocalPort() + "/hello"))
                    .threads(1).connections(1).duration(Duration.ofMillis(500)).connectTimeout(Duration.ofSeconds(2))
                    .tls(TlsOptions.DEFAULT.withEngine(TlsEngine.OPENSSL)).build());
            Map<Integer, ByteBuffer> ext = TlsGroupsTest.extensions(hello.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("x25519"), TlsGroupsTest.supportedGroups(ext));
            assertEquals(List.of("x25519"), TlsGroupsTest.keyShares(ext), "one key share");
            assertTrue(text(ext.get(SERVER_NAME)).contains("localhost"), "SNI");
            assertTrue(text(ext.get(ALPN)).contains("http/1.1"), "ALPN");
        }
    }

    private static String text(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return new String(a, StandardCharsets.ISO_8859_1);
    }

    /** The first TLS record the first client sends, whole; the connection is then closed. */
    private static ByteBuffer firstRecord(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.setSoTimeout(5_000);
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(5);
            int length = ((head[3] & 0xff) << 8) | (head[4] & 0xff);
            byte[] body = in.readNBytes(length);
            return ByteBuffer.allocate(5 + body.length).put(head).put(body).flip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
