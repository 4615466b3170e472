package mpmbench.loadgen.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP test server on 127.0.0.1, port 0, on a raw {@link ServerSocketChannel}: one virtual
 * thread per connection runs a {@link Handler} that decides what the server does (answer, stall, send
 * garbage, close mid-response, never answer). It counts what it did, so tests compare both ends.
 */
public final class TestServer implements AutoCloseable {

    public static final byte[] HELLO = ascii("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, World!");

    /** What the server does on one connection. */
    interface Handler {
        void serve(Conn conn) throws IOException, InterruptedException;
    }

    /** One accepted connection, seen from the handler. */
    final class Conn {
        final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Conn(SocketChannel ch) throws IOException {
            this.socket = ch.socket();
            this.in = new BufferedInputStream(Channels.newInputStream(ch));
            this.out = Channels.newOutputStream(ch);
        }

        /** Reads one request head (up to the blank line); false at end of stream. */
        boolean awaitRequest() throws IOException {
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            requests.incrementAndGet();
            return true;
        }

        /** Counts a response, then writes it (so a client never sees one the count lacks). */
        void respond(byte[] response) throws IOException {
            responses.incrementAndGet();
            responseBytes.addAndGet(response.length);
            send(response);
        }

        /** Writes bytes (not counted as a response). */
        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void close() throws IOException {
            socket.close();
        }

        /**
         * Ends the connection as a careful server does after an answer that announced its close (httpd's
         * lingering close): sends its end of stream, then reads and discards whatever the client still
         * sends until the client closes, so no reset can destroy the last answer.
         */
        void lingeringClose() throws IOException {
            socket.shutdownOutput();
            while (in.read() >= 0) {
                // discarded: nothing after the announced close is processed
            }
        }
    }

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong responses = new AtomicLong();
    final AtomicLong responseBytes = new AtomicLong();
    final Set<String> remoteAddresses = ConcurrentHashMap.newKeySet();

    private final ServerSocketChannel server;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    private TestServer(Handler handler) throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
        Thread.ofPlatform().daemon().name("test-server-accept").start(() -> acceptLoop(handler));
    }

    static TestServer start(Handler handler) throws IOException {
        return new TestServer(handler);
    }

    /** Answers every request with {@code response}, keeping the connection open. */
    public static TestServer answering(byte[] response) throws IOException {
        return start(c -> {
            while (c.awaitRequest()) {
                c.respond(response);
            }
        });
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.socket().getLocalPort() + path;
    }

    private void acceptLoop(Handler handler) {
        while (server.isOpen()) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.add(ch);
            Thread.ofVirtual().start(() -> {
                try (ch) {
                    remoteAddresses.add(((InetSocketAddress) ch.getRemoteAddress()).getAddress().getHostAddress());
                    handler.serve(new Conn(ch));
                } catch (IOException | InterruptedException e) {
                    // the client went away or the test ended
                } finally {
                    open.remove(ch);
                }
            });
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel ch : open) {
            ch.close();
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
