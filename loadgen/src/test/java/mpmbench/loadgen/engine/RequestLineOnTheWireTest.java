package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.http.Target;

/** The bytes a run puts on the wire for a URL outside ASCII, as a loopback server receives them. */
class RequestLineOnTheWireTest {

    @Test
    void aPathAndQueryOutsideAsciiArrivePercentEncodedAsUtf8() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> head = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> head.complete(firstRequestHead(server)));
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/café/%C3%A9?q=日本&r=ü";
            LoadRun run = new LoadRun(LoadSpec.closed(Target.parse(url), 1, 1, Duration.ofSeconds(10)), null, null);
            CompletableFuture<?> running = CompletableFuture.runAsync(() -> {
                try {
                    run.run();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] received = head.get(10, TimeUnit.SECONDS);
            run.stop();
            running.get(10, TimeUnit.SECONDS);
            String expected = "GET /caf%C3%A9/%C3%A9?q=%E6%97%A5%E6%9C%AC&r=%C3%BC HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + server.getLocalPort() + "\r\n\r\n";
            assertArrayEquals(expected.getBytes(StandardCharsets.US_ASCII), received);
        }
    }

    /** Accepts one connection, reads its first request head byte for byte, answers it, keeps answering. */
    private static byte[] firstRequestHead(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                first.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            out.write(TestServer.HELLO);
            s.shutdownOutput(); // one answer is enough: the run ends on time whatever follows
            return first.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
