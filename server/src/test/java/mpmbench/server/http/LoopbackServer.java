package mpmbench.server.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import mpmbench.server.handler.Router;
import mpmbench.server.http.io.BlockingChannelIo;
import mpmbench.server.http.io.ChannelIo;
import mpmbench.server.http.io.TlsChannelIo;
import mpmbench.server.http.io.SelectorChannelIo;
import mpmbench.server.http.request.HttpLimits;
import mpmbench.server.tls.TestTls;
import mpmbench.server.tls.TlsContext;

/**
 * A one-thread test server on 127.0.0.1: accepts a connection, serves it with {@link Http1Connection}
 * to the end, closes it (the test server owns its sockets), accepts the next. Either a platform
 * thread with {@link SelectorChannelIo} or a virtual thread with {@link BlockingChannelIo}, each
 * also with TLS over it ({@link TlsChannelIo}, the certificate of {@link TestTls}).
 */
final class LoopbackServer implements AutoCloseable {

    /**
     * The I/O path, and whether TLS runs over it (the handshake waits for the client, up to Timeout).
     * The TLS kinds need a TLS client: Rfc9112ConformanceTest's probe; tests with a plain
     * {@link RawClient} name the two plain kinds.
     */
    enum Kind {
        SELECTOR_PLATFORM(false), BLOCKING_VIRTUAL(false), TLS_SELECTOR_PLATFORM(true), TLS_BLOCKING_VIRTUAL(true);

        final boolean tls;

        Kind(boolean tls) {
            this.tls = tls;
        }

        boolean selector() {
            return this == SELECTOR_PLATFORM || this == TLS_SELECTOR_PLATFORM;
        }
    }

    private final ServerSocketChannel listener;
    private final Thread thread;
    private final Http1Connection connection;
    private final ConnectionState state = new ConnectionState(false);
    private final ConnectionTimeouts timeouts;
    private final TlsContext tls;
    private final TlsChannelIo tlsIo;

    LoopbackServer(Kind kind, ConnectionTimeouts timeouts) throws IOException {
        this(kind, timeouts, new Router(StatusPage.NONE));
    }

    LoopbackServer(Kind kind, ConnectionTimeouts timeouts, RequestHandler handler) throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        connection = new Http1Connection(HttpLimits.DEFAULTS, timeouts, handler);
        this.timeouts = timeouts;
        this.tls = kind.tls ? TlsContext.createOrNull(TestTls.settings()) : null;
        this.tlsIo = kind.tls ? tls.newChannelIo() : null;
        Runnable loop = kind.selector() ? this::selectorLoop : this::blockingLoop;
        thread = (kind.selector() ? Thread.ofPlatform() : Thread.ofVirtual())
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
                    serve(io);
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
                serve(io);
                io.close();
            }
        } catch (IOException stopped) {
            io.close();
        }
    }

    /** Serves one connection to its end, over TLS when the kind says so. */
    private void serve(ChannelIo io) {
        if (tls == null) {
            connection.serve(io, ConnectionObserver.NONE, state);
            return;
        }
        tlsIo.attach(io, tls.newSession(), timeouts.timeoutMs());
        try {
            if (tlsIo.handshake(timeouts.timeoutMs()) == TlsChannelIo.Handshake.DONE) {
                if (connection.serve(tlsIo, ConnectionObserver.NONE, state) == Outcome.CLOSE) {
                    tlsIo.sendCloseQuietly();
                }
            }
        } finally {
            tlsIo.detach();
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        thread.join(5_000);
    }
}
