package mpmbench.server.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends {@code POST /echo} with a body of any size, Content-Length or chunked, from a generated
 * pattern (nothing held in memory), while reading the answer as it comes, as curl does, and checks
 * every byte of it. For tests of bodies larger than a server's heap.
 */
public final class LargeEcho {

    private static final int BLOCK = 64 * 1024;

    private LargeEcho() {
    }

    /** The byte at {@code position} of every body sent: not periodic in any block size used here. */
    static byte at(long position) {
        return (byte) (position % 251);
    }

    /**
     * Echoes {@code size} bytes through 127.0.0.1:{@code port}; returns how many came back, each
     * checked, after a 200.
     *
     * @throws AssertionError when the status is not 200 or a byte differs
     */
    public static long roundTrip(int port, long size, boolean chunked) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            Thread sender = Thread.ofPlatform().daemon().name("large-echo-sender").start(() -> {
                try {
                    send(s.getOutputStream(), size, chunked);
                } catch (Exception e) {
                    sendFailure.set(e);
                }
            });
            InputStream in = new BufferedInputStream(s.getInputStream(), BLOCK);
            String head = head(in);
            if (!head.startsWith("HTTP/1.1 200 ")) {
                throw new AssertionError("answer to a " + size + "-byte echo: " + head);
            }
            String lower = head.toLowerCase(Locale.ROOT);
            long got = lower.contains("\r\ntransfer-encoding: chunked\r\n") ? chunkedBody(in) : fixedBody(in, lower);
            sender.join(30_000);
            if (sendFailure.get() != null) {
                throw new AssertionError("sending the body failed", sendFailure.get());
            }
            return got;
        }
    }

    private static void send(OutputStream out, long size, boolean chunked) throws IOException {
        String framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + size;
        out.write(("POST /echo HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] block = new byte[BLOCK];
        for (long sent = 0; sent < size; ) {
            int n = (int) Math.min(BLOCK, size - sent);
            for (int i = 0; i < n; i++) {
                block[i] = at(sent + i);
            }
            if (chunked) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(block, 0, n);
            if (chunked) {
                out.write(new byte[] {'\r', '\n'});
            }
            sent += n;
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static long fixedBody(InputStream in, String head) throws IOException {
        int at = head.indexOf("\r\ncontent-length:");
        long length = Long.parseLong(head.substring(at + 17, head.indexOf('\r', at + 2)).trim());
        return check(in, 0, length);
    }

    private static long chunkedBody(InputStream in) throws IOException {
        long total = 0;
        for (;;) {
            long size = Long.parseLong(line(in), 16);
            if (size == 0) {
                line(in);
                return total;
            }
            total = check(in, total, size);
            line(in);
        }
    }

    /** Reads {@code n} bytes that must continue the pattern at {@code from}; returns the position after. */
    private static long check(InputStream in, long from, long n) throws IOException {
        byte[] b = new byte[BLOCK];
        long pos = from;
        long end = from + n;
        while (pos < end) {
            int r = in.read(b, 0, (int) Math.min(b.length, end - pos));
            if (r < 0) {
                throw new AssertionError("end of stream after " + pos + " of " + end + " bytes");
            }
            for (int i = 0; i < r; i++) {
                if (b[i] != at(pos + i)) {
                    throw new AssertionError("byte " + (pos + i) + " differs");
                }
            }
            pos += r;
        }
        return pos;
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("end of stream before an answer: " + head);
            }
            head.write(b);
            last4 = last4 << 8 | b;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new AssertionError("end of stream in a chunk line");
            }
            b.append((char) c);
        }
        return b.toString().strip();
    }
}
