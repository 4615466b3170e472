package mpmbench.server.mpm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

import mpmbench.server.http.ConnectionObserver;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.Outcome;
import mpmbench.server.http.io.ChannelIo;

/**
 * The HTTP connection loop of one serving thread (it owns buffers: one per thread, not per request)
 * with the child's {@link ConnectionPolicy} around the endpoints. Used by one thread at a time.
 */
public final class ServingLoop {

    private final Http1Connection http;
    private final ConnectionPolicy policy;

    ServingLoop(Http1Connection http, ConnectionPolicy policy) {
        this.http = http;
        this.policy = policy;
    }

    /**
     * {@link Http1Connection#serve} for the connection {@code ch}, read and written through {@code io}.
     * Finding the peer's address allocates nothing (the channel keeps it).
     */
    public Outcome serve(SocketChannel ch, ChannelIo io, ConnectionObserver observer, ConnectionState state) {
        policy.client(!isLoopback(ch));
        return http.serve(io, observer, state);
    }

    private static boolean isLoopback(SocketChannel ch) {
        try {
            SocketAddress peer = ch.getRemoteAddress();
            return peer instanceof InetSocketAddress a && a.getAddress().isLoopbackAddress();
        } catch (IOException e) {
            return true; // closed: nothing will be served to it anyway
        }
    }
}
