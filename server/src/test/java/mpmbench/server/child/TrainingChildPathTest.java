package mpmbench.server.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The training run's child path serves kept-alive requests through a worker with a scoreboard (so
 * the AOT cache holds that path) and leaves no scoreboard file behind.
 */
class TrainingChildPathTest {

    @Test
    void servesKeptAliveRequestsAndCleansUp() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        TrainingChildPath.run(port -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(5_000);
                for (int i = 0; i < 150; i++) { // past httpd's MaxKeepAliveRequests 100: the path lifts it
                    s.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    answered.addAndGet(readStatus(s.getInputStream()) == 200 ? 1 : 0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertEquals(150, answered.get());
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("mpmbench-training-")),
                    "a training scoreboard was left behind");
        }
    }

    private static int readStatus(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        int at = head.indexOf("Content-Length:");
        int length = Integer.parseInt(head.substring(at + 15, head.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
        return Integer.parseInt(head.substring(9, 12));
    }
}
