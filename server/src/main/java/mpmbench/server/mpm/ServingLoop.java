package mpmbench.server.mpm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;

import mpmbench.server.http.ConnectionObserver;
import mpmbench.server.http.ConnectionState;
import mpmbench.server.http.Http1Connection;
import mpmbench.server.http.Outcome;
import mpmbench.server.http.io.ChannelIo;
import mpmbench.server.http.io.TlsChannelIo;
import mpmbench.server.http.io.TlsSession;
import mpmbench.server.tls.TlsContext;

/**
 * The HTTP connection loop of one serving thread (it owns buffers: one per thread, not per request)
 * with the child's {@link ConnectionPolicy} around the endpoints, and with SSLEngine on, TLS between
 * the loop and the socket ({@link TlsChannelIo}, its buffers owned here too). Used by one thread at a
 * time.
 *
 * <p>TLS: a connection's first turn creates its {@link TlsSession} (kept in its
 * {@link ConnectionState}); the handshake runs before the first request, waiting for the client as
 * the model waits for a first request: a blocking model holds its thread for up to Timeout per read
 * (as httpd's do); a parking model ({@link ConnectionState#parkWhenIdle()}: event, virtual) gets
 * {@link Outcome#IDLE} when the client's next bytes are not there yet, and calls again once the
 * connection is readable, so no worker waits for a slow handshake. A client whose first bytes are
 * an HTTP request, not a TLS record, gets mod_ssl's answer in clear text: {@code 400 Bad Request}
 * with its reason ({@link #PLAIN_HTTP_ON_TLS_PORT}), then a lingering close.
 */
public final class ServingLoop {

    /**
     * The body of the 400 a plain-HTTP client gets on a TLS port: mod_ssl's error note, word for
     * word ({@code ssl_hook_ReadReq}), as text rather than in httpd's HTML error page.
     */
    static final byte[] PLAIN_HTTP_ON_TLS_PORT = ("400 Bad Request\n"
            + "Reason: You're speaking plain HTTP to an SSL-enabled server port.\n"
            + "Instead use the HTTPS scheme to access this URL, please.\n").getBytes(StandardCharsets.US_ASCII);

    private final Http1Connection http;
    private final ConnectionPolicy policy;
    private final TlsContext tls;
    private final TlsChannelIo tlsIo;
    private final long timeoutMs;

    ServingLoop(Http1Connection http, ConnectionPolicy policy, TlsContext tls, long timeoutMs) {
        this.http = http;
        this.policy = policy;
        this.tls = tls;
        this.tlsIo = tls == null ? null : tls.newChannelIo();
        this.timeoutMs = timeoutMs;
    }

    /**
     * {@link Http1Connection#serve} for the connection {@code ch}, read and written through {@code io}
     * (through TLS over it when SSLEngine is on). Finding the peer's address allocates nothing (the
     * channel keeps it).
     */
    public Outcome serve(SocketChannel ch, ChannelIo io, ConnectionObserver observer, ConnectionState state) {
        policy.client(!isLoopback(ch));
        if (tls == null) {
            return http.serve(io, observer, state);
        }
        TlsSession session = state.tls();
        if (session == null) {
            session = tls.newSession();
            state.tls(session);
        }
        tlsIo.attach(io, session, timeoutMs);
        try {
            if (!session.handshakeDone()) {
                switch (tlsIo.handshake(state.parkWhenIdle() ? 0 : timeoutMs)) {
                    case WAITING -> {
                        return Outcome.IDLE;
                    }
                    case FAILED -> {
                        observer.closing();
                        return Outcome.CLOSE;
                    }
                    case PLAIN_HTTP -> {
                        return http.refuse(io, observer, state, 400, PLAIN_HTTP_ON_TLS_PORT);
                    }
                    case DONE -> tls.handshakeDone(session);
                }
            }
            Outcome outcome = http.serve(tlsIo, observer, state);
            if (outcome == Outcome.CLOSE) {
                tlsIo.sendCloseQuietly();
            }
            return outcome;
        } finally {
            tlsIo.detach();
        }
    }

    /**
     * Sends close_notify on a TLS connection whose owner closes it after a wait outside a turn timed
     * out (KeepAliveTimeout, or Timeout for a first request), as a connection closed in a turn gets
     * it; nothing for plain HTTP or before the handshake finished. Writes through {@code io} with
     * its waits (the virtual model's connection thread, under its write watchdog). Never throws.
     */
    public void sendCloseNotify(ChannelIo io, ConnectionState state) {
        TlsSession session = state.tls();
        if (tls == null || session == null || !session.handshakeDone()) {
            return;
        }
        tlsIo.attach(io, session, timeoutMs);
        try {
            tlsIo.sendCloseQuietly();
        } finally {
            tlsIo.detach();
        }
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
