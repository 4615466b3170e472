package mpmbench.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.net.ssl.SSLContext;

import mpmbench.server.http.response.HttpDate;

/**
 * Sends one rule's bytes on a fresh connection to any HTTP server and observes what a client sees:
 * the status of the first answer, then whether the connection carries a next request (a
 * {@code GET /hello} sent after the answer is answered) or was closed. Works against our server and
 * httpd alike; responses are framed by Content-Length, which both send for every answer here.
 */
public final class RuleProbe {

    /**
     * What a client saw.
     *
     * @param status the first answer's status, or 0 when none came (closed or silent for the timeout)
     * @param keep   whether a next request on the same connection was answered
     * @param head   the first answer's head, empty when none came
     */
    public record Observed(int status, boolean keep, String head) {

        /** "400 close", "200 keep", or "no answer", as the table shows it. */
        public String shown() {
            return status == 0 ? "no answer" : status + (keep ? " keep" : " close");
        }
    }

    private static final byte[] NEXT = "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** In a rule's bytes, stands for the HTTP-date of the moment they are sent (rules about dates). */
    public static final String NOW = "{now}";

    private RuleProbe() {
    }

    /**
     * Sends {@code raw} (ISO-8859-1, with {@link #NOW} replaced by the current HTTP-date) to
     * 127.0.0.1:{@code port}, waiting up to {@code timeoutMs} per read.
     */
    public static Observed send(int port, String raw, int timeoutMs) throws IOException {
        return send(port, raw, timeoutMs, null);
    }

    /**
     * {@link #send(int, String, int)} over TLS when {@code tls} is given (its socket factory layers TLS
     * over the connection, host name localhost), as plain text when it is null.
     */
    public static Observed send(int port, String raw, int timeoutMs, SSLContext tls) throws IOException {
        if (raw.contains(NOW)) {
            String now = new String(HttpDate.encode(System.currentTimeMillis() / 1000), StandardCharsets.US_ASCII);
            raw = raw.replace(NOW, now);
        }
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
        plain.setSoTimeout(timeoutMs);
        plain.setTcpNoDelay(true);
        try (Socket s = tls == null ? plain : tls.getSocketFactory().createSocket(plain, "localhost", port, true)) {
            InputStream in = s.getInputStream();
            try {
                s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException closedEarly) {
                // the server may answer and close before reading everything; read what it said
            }
            String head = readResponse(in);
            if (head == null) {
                return new Observed(0, false, "");
            }
            int status = Integer.parseInt(head.substring(9, 12));
            boolean keep;
            try {
                s.getOutputStream().write(NEXT);
                keep = readResponse(in) != null;
            } catch (IOException closed) {
                keep = false;
            }
            return new Observed(status, keep, head);
        }
    }

    /** Reads one response; returns its head, or null at end of stream, on a reset or on a timeout. */
    private static String readResponse(InputStream in) throws IOException {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int last4 = 0;
            while (last4 != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                last4 = last4 << 8 | b;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            long length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            in.skipNBytes(length);
            return text;
        } catch (SocketTimeoutException | java.net.SocketException | java.io.EOFException gone) {
            return null;
        }
    }
}
