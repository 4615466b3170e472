package mpmbench.server.mpm;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

import mpmbench.server.config.ServerConfig;
import mpmbench.server.handler.CpuPlant;
import mpmbench.server.handler.Router;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.io.CloseNotifyRecord;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.StatusReport;
import mpmbench.server.tls.TlsContext;

/**
 * What a model needs inside its child process: the configuration, the inherited listening socket,
 * its scoreboard slot, a factory for the per-thread HTTP connection loop (with TLS when SSLEngine is
 * on: every child loads the certificate and key itself), and the child's graceful stop, which the
 * master's quit request and MaxConnectionsPerChild both start.
 */
public final class ChildContext {

    /** How early a child announces its retirement: this share of MaxConnectionsPerChild before it, in %. */
    public static final int RETIRE_LEAD_PERCENT = 10;

    private final ServerConfig config;
    private final ServerSocketChannel listen;
    private final SharedScoreboard board;
    private final int slot;
    private final Router router;
    /** Null unless SSLEngine is on; this child's own (of processes only OpenSSL's ticket keys are shared: TicketKeys). */
    private final TlsContext tls;
    private final AtomicLong accepted = new AtomicLong();
    private volatile Runnable stopAccepting = () -> { };
    private volatile boolean stopping;
    private volatile boolean retiring;

    public ChildContext(ServerConfig config, ServerSocketChannel listen, SharedScoreboard board, int slot) {
        this.config = config;
        this.listen = listen;
        this.board = board;
        this.slot = slot;
        this.router = new Router(new StatusReport(board, config.mpm().id()), new CpuPlant(config.plantCpuTokens()));
        this.tls = TlsContext.createOrNull(config.ssl());
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
    public ServingLoop newServingLoop() {
        ConnectionPolicy policy = new ConnectionPolicy(router, config.serverStatusRemote(), () -> stopping);
        return new ServingLoop(new Http1Connection(config.limits(), config.timeouts(), policy), policy, tls,
                config.timeouts().timeoutMs());
    }

    /**
     * close_notify for the connections a parking model closes outside a serving turn (the event
     * model's selector thread), or null when SSLEngine is off.
     */
    public CloseNotifyRecord newCloseNotifyRecord() {
        return tls == null ? null : tls.newCloseNotifyRecord();
    }

    /** How the model stops accepting ({@link ChildModel#stopAccepting}); set once, at start. */
    public void onStop(Runnable modelStopAccepting) {
        this.stopAccepting = modelStopAccepting;
    }

    /**
     * Starts the graceful stop: the slot says STOPPING, the model stops accepting, and from now on
     * every response closes its connection. Any thread, more than once.
     */
    public void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        board.setProcessState(slot, ProcessState.STOPPING);
        stopAccepting.run();
    }

    /**
     * Stops the child gracefully when it has served MaxConnectionsPerChild connections and the master
     * allowed it to retire (see {@link #accepted}); the accepting thread calls it on every accept
     * past the announcement, the master's watch thread every 100 ms, since connections may stop
     * arriving. Any thread; allocates nothing.
     */
    public void stopIfRetired() {
        int limit = config.maxConnectionsPerChild();
        if (retiring && !stopping && accepted.get() >= limit && board.retiringAllowed(slot)) {
            stop();
        }
    }

    /**
     * Counts an accepted connection and prepares it (TCP_NODELAY, as httpd sets), and recycles the
     * child at MaxConnectionsPerChild. Allocates nothing.
     *
     * <p>How recycling differs from httpd's: httpd's child stops accepting at its limit and the
     * master forks its successor at the next once-a-second maintenance, ready in under a
     * millisecond. A successor here is a JVM, ready hundreds of ms after its start (a second or more
     * on a busy machine), and children fed by one accept queue reach their limits together; stopping
     * at the limit left nobody accepting for about a second at each recycle. So this child announces
     * its retirement on the scoreboard {@link #RETIRE_LEAD_PERCENT} % of its connections before the
     * limit, the master starts its successor at once, and the child stops accepting when both hold:
     * it has accepted MaxConnectionsPerChild connections, and the master
     * {@linkplain SharedScoreboard#allowRetiring allowed it} (the successor accepts, or none can
     * start). It thus serves at least MaxConnectionsPerChild connections, and more by those that
     * arrive while its successor starts.
     *
     * @return false when the connection died already (it is then closed)
     */
    public boolean accepted(SocketChannel ch) {
        board.addConnectionAccepted(slot);
        long n = accepted.incrementAndGet();
        int limit = config.maxConnectionsPerChild();
        if (limit > 0 && n >= limit - (long) limit * RETIRE_LEAD_PERCENT / 100) {
            if (!retiring) {
                retiring = true;
                board.announceRetiring(slot);
            }
            stopIfRetired();
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
