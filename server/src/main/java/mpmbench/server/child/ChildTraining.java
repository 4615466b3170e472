package mpmbench.server.child;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import mpmbench.server.config.ConfigLoader;
import mpmbench.server.config.Mpm;
import mpmbench.server.handler.Router;
import mpmbench.server.http.ConnectionObserver;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.ConnectionTimeouts;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.Outcome;
import mpmbench.server.http.StatusPage;
import mpmbench.server.http.io.BlockingChannelIo;
import mpmbench.server.http.io.SelectorChannelIo;
import mpmbench.server.http.request.HttpLimits;

/**
 * The training run behind the children's ahead-of-time cache: a JVM started with
 * {@code -XX:AOTCacheOutput} runs this once, serving a few hundred requests over loopback on the
 * same code paths a child uses (platform thread with a selector, virtual thread with blocking I/O,
 * every model's classes loaded; a child's own start and its serving path with the scoreboard, see
 * {@link TrainingChildPath}), and exits. Later children load and link those classes from the
 * cache instead of the jar, which is most of a child's start-up time.
 */
public final class ChildTraining {

    private static final String[] MODEL_CLASSES = {
        "mpmbench.server.mpm.prefork.PreforkChild", "mpmbench.server.mpm.worker.WorkerChild",
        "mpmbench.server.mpm.event.EventChild", "mpmbench.server.mpm.virtual.VirtualChild",
        "mpmbench.server.scoreboard.SharedScoreboard", "mpmbench.server.scoreboard.StatusReport",
    };
    private static final String REQUESTS = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"
            + "GET /bytes?n=100 HTTP/1.1\r\nHost: t\r\n\r\n"
            + "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc"
            + "GET /nothing HTTP/1.1\r\nHost: t\r\n\r\n";
    private static final String LAST_BODY = "404 Not Found\n";
    private static final int ROUNDS = 200;

    private ChildTraining() {
    }

    public static void main(String[] args) throws Exception {
        for (Mpm mpm : Mpm.values()) {
            ConfigLoader.toSetArguments(ConfigLoader.forModel(mpm).load().config());
        }
        for (String c : MODEL_CLASSES) {
            Class.forName(c);
        }
        Router router = new Router(StatusPage.NONE);
        try (ServerSocketChannel listen = ServerSocketChannel.open()) {
            listen.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) listen.getLocalAddress()).getPort();
            Thread platform = Thread.ofPlatform().start(() -> servePlatform(listen, router));
            client(port);
            platform.join();
            Thread virtual = Thread.ofVirtual().start(() -> serveVirtual(listen, router));
            client(port);
            virtual.join();
        }
        TrainingChildPath.run(port -> {
            try {
                client(port);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.exit(0);
    }

    private static void servePlatform(ServerSocketChannel listen, Router router) {
        SelectorChannelIo io = new SelectorChannelIo();
        try (SocketChannel ch = listen.accept()) {
            io.attach(ch);
            connectionLoop(router).serve(io, ConnectionObserver.NONE, new ConnectionState(false));
        } catch (IOException e) {
            throw new IllegalStateException("training connection failed", e);
        } finally {
            io.release();
        }
    }

    private static void serveVirtual(ServerSocketChannel listen, Router router) {
        try (SocketChannel ch = listen.accept()) {
            BlockingChannelIo io = new BlockingChannelIo();
            io.attach(ch);
            ConnectionState state = new ConnectionState(true);
            Http1Connection loop = connectionLoop(router);
            while (io.awaitData(5_000) > 0 && loop.serve(io, ConnectionObserver.NONE, state) == Outcome.IDLE) {
                // served what arrived; wait for more, as VirtualChild does
            }
        } catch (IOException e) {
            throw new IllegalStateException("training connection failed", e);
        }
    }

    private static Http1Connection connectionLoop(Router router) {
        return new Http1Connection(HttpLimits.DEFAULTS, new ConnectionTimeouts(true, 5_000, 0, 5_000), router);
    }

    private static void client(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            byte[] request = REQUESTS.getBytes(StandardCharsets.US_ASCII);
            byte[] buffer = new byte[64 * 1024];
            for (int i = 0; i < ROUNDS; i++) {
                s.getOutputStream().write(request);
                // The four answers end with the 404's body.
                ByteArrayOutputStream answers = new ByteArrayOutputStream();
                while (!answers.toString(StandardCharsets.US_ASCII).endsWith(LAST_BODY)) {
                    int n = s.getInputStream().read(buffer);
                    if (n < 0) {
                        throw new IOException("training server closed the connection");
                    }
                    answers.write(buffer, 0, n);
                }
            }
        }
    }
}
