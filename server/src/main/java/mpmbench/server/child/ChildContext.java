package mpmbench.server.child;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

import mpmbench.server.config.ServerConfig;
import mpmbench.server.handler.Router;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.StatusReport;

/**
 * What a model needs inside its child process: the configuration, the inherited listening socket,
 * its scoreboard slot, and a factory for the per-thread HTTP connection loop.
 */
public final class ChildContext {

    private final ServerConfig config;
    private final ServerSocketChannel listen;
    private final SharedScoreboard board;
    private final int slot;
    private final Router router;
    private final AtomicLong accepted = new AtomicLong();
    private volatile Runnable onConnectionLimit = () -> { };

    public ChildContext(ServerConfig config, ServerSocketChannel listen, SharedScoreboard board, int slot) {
        this.config = config;
        this.listen = listen;
        this.board = board;
        this.slot = slot;
        this.router = new Router(new StatusReport(board, config.mpm().id()));
    }

    public ServerConfig config() {
        return config;
    }

    public ServerSocketChannel listen() {
        return listen;
    }

    public SharedScoreboard board() {
        return board;
    }

    public int slot() {
        return slot;
    }

    /** A connection loop for one serving thread (it owns buffers: one per thread, not per request). */
    public Http1Connection newConnectionLoop() {
        return new Http1Connection(config.limits(), config.timeouts(), router);
    }

    /** Called by the model when it wants to stop once MaxConnectionsPerChild is reached. */
    public void onConnectionLimit(Runnable action) {
        this.onConnectionLimit = action;
    }

    /**
     * Counts an accepted connection and prepares it (TCP_NODELAY, as httpd sets). When the count
     * reaches MaxConnectionsPerChild the model is told to stop accepting.
     *
     * @return false when the connection died already (it is then closed)
     */
    public boolean accepted(SocketChannel ch) {
        board.addConnectionAccepted(slot);
        long n = accepted.incrementAndGet();
        int limit = config.maxConnectionsPerChild();
        if (limit > 0 && n >= limit) {
            onConnectionLimit.run();
        }
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return true;
        } catch (IOException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Already gone.
            }
            return false;
        }
    }
}
