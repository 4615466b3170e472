package mpmbench.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A test client on a raw socket: sends bytes as given, reads responses framed by Content-Length or chunked. */
final class RawClient implements AutoCloseable {

    record Reply(int status, String head, String body) {
        boolean hasHeader(String line) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + line.toLowerCase(Locale.ROOT) + "\r\n");
        }
    }

    private final Socket socket;
    private final InputStream in;

    RawClient(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBuffer SO_RCVBUF in bytes, set before connecting (0: the system's) */
    RawClient(int port, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(5_000);
        socket.setTcpNoDelay(true);
        in = new java.io.BufferedInputStream(socket.getInputStream());
    }

    RawClient send(String s) throws IOException {
        socket.getOutputStream().write(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    RawClient send(byte[] b) throws IOException {
        socket.getOutputStream().write(b);
        return this;
    }

    Reply read() throws IOException {
        String h = readHead();
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = h.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked\r\n") ? chunks()
                : in.readNBytes(length);
        return new Reply(Integer.parseInt(h.substring(9, 12)), h, new String(body, StandardCharsets.ISO_8859_1));
    }

    /** A chunked body, decoded; the test server sends no extensions and no trailers. */
    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (;;) {
            int size = Integer.parseInt(line(), 16);
            if (size == 0) {
                line();
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("end of stream in a line: " + b);
            }
            b.append((char) c);
        }
        return b.toString().strip();
    }

    /**
     * Reads and drops up to {@code n} body bytes; returns how many came before the end of stream.
     * A reset on the way throws, as it does to any client.
     */
    long skipBody(long n) throws IOException {
        byte[] b = new byte[64 * 1024];
        long got = 0;
        while (got < n) {
            int r = in.read(b, 0, (int) Math.min(b.length, n - got));
            if (r < 0) {
                break;
            }
            got += r;
        }
        return got;
    }

    /** Reads the head only (for HEAD requests). */
    String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream in head: " + head);
            }
            head.write(b);
            last4 = last4 << 8 | b;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** True when the server closed: end of stream (or a reset) with no further byte. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
