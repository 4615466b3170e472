package mpmbench.loadgen.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind the generator's AOT cache ({@link mpmbench.loadgen.GeneratorAotCache}): what
 * {@code java -XX:AOTCacheOutput=FILE -jar mpmbench-loadgen.jar --aot-training} runs. It answers
 * {@code Hello, World!} from a loopback responder of its own (a platform thread per connection) and runs
 * the command line as a user's short run does: {@code -t1 -c64} keep-alive in the closed model on the
 * default I/O backend, with the summary, then a short run that also writes {@code --latency},
 * {@code --json} and {@code --csv}. Only those paths: JDK 25 caches the method profiles of the training,
 * and a profile polluted by paths a user's run does not take (another backend, the open model) would
 * compile the loop less well; the classes of the other paths load from the jar as before. About 2 s;
 * the output is thrown away.
 */
final class AotTraining {

    private static final String[][] RUNS = {
        {"-t1", "-c64", "-d2s"},
        {"-t1", "-c4", "-d200ms", "--latency"},
    };
    private static final byte[] HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, World!"
            .getBytes(StandardCharsets.US_ASCII);

    private AotTraining() {
    }

    /** Runs the training; returns 0, or the first run's exit code that was not 0. */
    static int run() throws IOException {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("mpmbench-aot-training-");
        try (ServerSocketChannel listen = ServerSocketChannel.open()) {
            listen.bind(new InetSocketAddress("127.0.0.1", 0), 128);
            Thread.ofPlatform().daemon().name("aot-training-accept").start(() -> accept(listen));
            String url = "http://127.0.0.1:" + ((InetSocketAddress) listen.getLocalAddress()).getPort() + "/hello";
            for (int i = 0; i < RUNS.length; i++) {
                List<String> args = new ArrayList<>(List.of(RUNS[i]));
                if (i > 0) {
                    args.addAll(List.of("--json", dir.resolve("r.json").toString(), "--csv", dir.resolve("r.csv").toString()));
                }
                args.add(url);
                int code = LoadMain.execute(args.toArray(String[]::new), discard, discard);
                if (code != 0) {
                    return code;
                }
            }
            return 0;
        } finally {
            Files.deleteIfExists(dir.resolve("r.json"));
            Files.deleteIfExists(dir.resolve("r.csv"));
            Files.deleteIfExists(dir);
        }
    }

    private static void accept(ServerSocketChannel listen) {
        try {
            while (true) {
                SocketChannel ch = listen.accept();
                Thread.ofPlatform().daemon().name("aot-training-conn").start(() -> answer(ch));
            }
        } catch (IOException closed) {
            // the training is over
        }
    }

    /** Answers every request head (up to its blank line) of one connection until the client closes it. */
    private static void answer(SocketChannel ch) {
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        int matched = 0;
        try (ch) {
            while (ch.read(in) > 0) {
                in.flip();
                int heads = 0;
                while (in.hasRemaining()) {
                    byte b = in.get();
                    matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
                    if (matched == 4) {
                        heads++;
                        matched = 0;
                    }
                }
                in.clear();
                for (int i = 0; i < heads; i++) {
                    ByteBuffer out = ByteBuffer.wrap(HELLO);
                    while (out.hasRemaining()) {
                        ch.write(out);
                    }
                }
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }
}
