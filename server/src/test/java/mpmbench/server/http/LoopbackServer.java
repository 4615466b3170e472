package mpmbench.server.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import mpmbench.server.handler.Router;
import mpmbench.server.http.io.BlockingChannelIo;
import mpmbench.server.http.io.SelectorChannelIo;
import mpmbench.server.http.request.HttpLimits;

/**
 * A one-thread test server on 127.0.0.1: accepts a connection, serves it with {@link Http1Connection}
 * to the end, closes it (the test server owns its sockets), accepts the next. Either a platform
 * thread with {@link SelectorChannelIo} or a virtual thread with {@link BlockingChannelIo}.
 */
final class LoopbackServer implements AutoCloseable {

    enum Kind { SELECTOR_PLATFORM, BLOCKING_VIRTUAL }

    private final ServerSocketChannel listener;
    private final Thread thread;
    private final Http1Connection connection;
    private final ConnectionState state = new ConnectionState(false);

    LoopbackServer(Kind kind, ConnectionTimeouts timeouts) throws IOException {
        this(kind, timeouts, new Router(StatusPage.NONE));
    }

    LoopbackServer(Kind kind, ConnectionTimeouts timeouts, RequestHandler handler) throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        connection = new Http1Connection(HttpLimits.DEFAULTS, timeouts, handler);
        Runnable loop = kind == Kind.SELECTOR_PLATFORM ? this::selectorLoop : this::blockingLoop;
        thread = (kind == Kind.SELECTOR_PLATFORM ? Thread.ofPlatform() : Thread.ofVirtual())
                .name("loopback-" + kind).start(loop);
    }

    int port() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    long threadId() {
        return thread.threadId();
    }

    private void selectorLoop() {
        SelectorChannelIo io = new SelectorChannelIo();
        try {
            for (;;) {
                try (SocketChannel c = listener.accept()) {
                    io.attach(c);
                    state.reset();
                    connection.serve(io, ConnectionObserver.NONE, state);
                    io.detach();
                }
            }
        } catch (IOException stopped) {
            io.release();
        }
    }

    private void blockingLoop() {
        BlockingChannelIo io = new BlockingChannelIo();
        try {
            for (;;) {
                io.attach(listener.accept());
                state.reset();
                connection.serve(io, ConnectionObserver.NONE, state);
                io.close();
            }
        } catch (IOException stopped) {
            io.close();
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        thread.join(5_000);
    }
}
