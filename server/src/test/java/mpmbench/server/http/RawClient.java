package mpmbench.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A test client on a raw socket: sends bytes as given, reads responses framed by Content-Length. */
final class RawClient implements AutoCloseable {

    record Reply(int status, String head, String body) {
        boolean hasHeader(String line) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + line.toLowerCase(Locale.ROOT) + "\r\n");
        }
    }

    private final Socket socket;
    private final InputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
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
        byte[] body = in.readNBytes(length);
        return new Reply(Integer.parseInt(h.substring(9, 12)), h, new String(body, StandardCharsets.ISO_8859_1));
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
