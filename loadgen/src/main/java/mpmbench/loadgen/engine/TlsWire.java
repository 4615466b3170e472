package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.Poller.READ;
import static mpmbench.loadgen.engine.Poller.WRITE;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * {@code https://}: a JSSE {@link SSLEngine} between a connection's requests and answers and its
 * socket, driven by the loop's selector (no thread of its own; JSSE's delegated tasks run inline).
 * A new engine per TCP connection ({@link ClientTls#newEngine}); the connection stays
 * {@link Connection#CONNECTING} until the handshake has finished and its last bytes are on the socket,
 * so {@code --connect-timeout} bounds connect and handshake together and a failed handshake is a
 * connect error (for the active connections; an idle one's handshake waits as its first answer
 * would, {@link IdleHolder}). Each finished handshake is reported to the loop ({@code handshaken}) with its time
 * (TCP connected to handshake finished) and whether it was resumed.
 *
 * <p>Buffers: one for the server's TLS records and one for ours, each of the session's packet size
 * (about 16 KiB), allocated at this connection's first handshake and kept through its reconnects;
 * records are decrypted straight into the loop's read buffer and encrypted straight from the
 * connection's request buffer. This class allocates nothing per request; JSSE itself allocates a
 * result object per wrap and unwrap (measured in {@code TlsTest}). Owned by one loop thread.
 */
final class TlsWire implements Wire {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final ClientTls tls;
    private final SingleThreadSelectorLoop loop;
    /** The loop's read buffer: where the handshake's unwraps put what they produce (nothing, as a rule). */
    private final ByteBuffer scratch;
    private final ByteBuffer[] one = new ByteBuffer[1];

    private SSLEngine engine;
    /** The server's bytes not decrypted yet; kept in write mode (position = end of data). */
    private ByteBuffer netIn;
    /** Our encrypted bytes not on the socket yet; kept in read mode (position..limit = to send). */
    private ByteBuffer netOut;
    private int appSize;
    private long handshakeStartedAt;
    private boolean established;
    private boolean more;

    TlsWire(ClientTls tls, SingleThreadSelectorLoop loop, ByteBuffer scratch) {
        this.tls = tls;
        this.loop = loop;
        this.scratch = scratch;
    }

    @Override
    public boolean handshake(Connection c, long now) throws IOException {
        SocketChannel ch = c.channel;
        if (engine == null) {
            start(now);
        }
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> {
                    if (!flush(ch)) {
                        loop.interest(c, READ | WRITE);
                        return false;
                    }
                    netOut.clear();
                    SSLEngineResult r = engine.wrap(EMPTY, netOut);
                    netOut.flip();
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        flush(ch); // the alert, if any
                        throw new SSLException("the handshake ended (" + r + ")");
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!flush(ch)) {
                        loop.interest(c, READ | WRITE);
                        return false;
                    }
                    netIn.flip();
                    scratch.clear();
                    SSLEngineResult r = engine.unwrap(netIn, scratch);
                    netIn.compact();
                    switch (r.getStatus()) {
                        case BUFFER_UNDERFLOW -> {
                            int n = ch.read(netIn);
                            if (n < 0) {
                                throw new EOFException("the server closed the connection during the TLS handshake");
                            }
                            if (n == 0) {
                                loop.interest(c, READ);
                                return false;
                            }
                        }
                        case CLOSED -> throw new SSLException("the server ended TLS during the handshake");
                        case BUFFER_OVERFLOW -> throw new SSLException("a handshake record larger than "
                                + scratch.capacity() + " bytes");
                        case OK -> {
                            // the next step is in the engine's status
                        }
                    }
                }
                default -> { // NOT_HANDSHAKING: finished; our last flight must reach the server first
                    if (!flush(ch)) {
                        loop.interest(c, READ | WRITE);
                        return false;
                    }
                    loop.interest(c, READ);
                    established = true;
                    long done = System.nanoTime();
                    loop.handshaken(c, handshakeStartedAt, done, ClientTls.resumed(engine.getSession()));
                    return true;
                }
            }
        }
    }

    private void start(long now) throws SSLException {
        engine = tls.newEngine();
        if (netIn == null) {
            int packet = engine.getSession().getPacketBufferSize();
            netIn = ByteBuffer.allocate(packet);
            netOut = ByteBuffer.allocate(packet);
            appSize = engine.getSession().getApplicationBufferSize();
        }
        netIn.clear();
        netOut.clear().limit(0);
        established = false;
        handshakeStartedAt = now;
        engine.beginHandshake();
    }

    @Override
    public int read(SocketChannel ch, ByteBuffer dst) throws IOException {
        int start = dst.position();
        more = false;
        one[0] = dst;
        while (true) {
            netIn.flip();
            try {
                while (netIn.hasRemaining()) {
                    if (dst.remaining() < appSize) {
                        more = true;
                        break;
                    }
                    SSLEngineResult r = engine.unwrap(netIn, one);
                    SSLEngineResult.Status s = r.getStatus();
                    if (s == SSLEngineResult.Status.CLOSED) { // the server's close_notify
                        int got = dst.position() - start;
                        return got > 0 ? got : -1;
                    }
                    if (s != SSLEngineResult.Status.OK) {
                        more = s == SSLEngineResult.Status.BUFFER_OVERFLOW;
                        break;
                    }
                    afterHandshakeMessage(ch, r.getHandshakeStatus());
                }
            } finally {
                netIn.compact();
            }
            if (more) {
                return dst.position() - start;
            }
            int n = ch.read(netIn);
            if (n <= 0) {
                int got = dst.position() - start;
                return n < 0 && got == 0 ? -1 : got;
            }
        }
    }

    /** A message after the handshake (a TLS 1.3 ticket, a key update) may ask for a task or an answer. */
    private void afterHandshakeMessage(SocketChannel ch, SSLEngineResult.HandshakeStatus hs) throws IOException {
        if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            runTasks();
            hs = engine.getHandshakeStatus();
        }
        if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP && flush(ch)) {
            netOut.clear();
            engine.wrap(EMPTY, netOut);
            netOut.flip();
            flush(ch); // what the socket does not take goes before the next request
        }
    }

    @Override
    public boolean moreToRead(int r, int capacity) {
        return more;
    }

    @Override
    public boolean write(SocketChannel ch, ByteBuffer src) throws IOException {
        if (!flush(ch)) {
            return false;
        }
        one[0] = src;
        while (src.hasRemaining()) {
            netOut.clear();
            SSLEngineResult r = engine.wrap(one, netOut);
            netOut.flip();
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                throw new SSLException("cannot encrypt a request: " + r.getStatus());
            }
            if (!flush(ch)) {
                return false;
            }
        }
        return true;
    }

    private boolean flush(SocketChannel ch) throws IOException {
        if (netOut.hasRemaining()) {
            ch.write(netOut);
        }
        return !netOut.hasRemaining();
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Sends close_notify when the handshake was done (best effort, one write, as wrk's SSL_shutdown). */
    @Override
    public void closing(SocketChannel ch) {
        if (engine == null) {
            return;
        }
        if (established && ch != null && !netOut.hasRemaining()) {
            engine.closeOutbound();
            try {
                netOut.clear();
                engine.wrap(EMPTY, netOut);
                netOut.flip();
                ch.write(netOut);
            } catch (IOException e) {
                // the server is gone already: nothing to tell it
            }
        }
        engine = null;
        established = false;
        more = false;
    }
}
