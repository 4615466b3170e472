package mpmbench.benchmarks.suite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 GET over a fresh socket with {@code Connection: close}, for readiness and
 * {@code /server-status?auto} probes. Not for load: one request, one connection, blocking.
 */
public final class HttpProbe {

    /** A status code and the body; status -1 when there was no complete answer. */
    public record Answer(int status, String body) {
        public static final Answer NONE = new Answer(-1, "");
    }

    private HttpProbe() {
    }

    public static Answer get(String host, int port, String path, int timeoutMs) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            String text = buf.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.") || text.length() < 12) {
                return Answer.NONE;
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int body = text.indexOf("\r\n\r\n");
            return new Answer(status, body < 0 ? "" : text.substring(body + 4));
        } catch (IOException | RuntimeException e) {
            return Answer.NONE;
        }
    }

    /** The number after {@code key:} in a {@code ?auto} page, or -1. */
    public static long autoField(String body, String key) {
        for (String line : body.split("\n")) {
            if (line.startsWith(key + ":")) {
                try {
                    return Long.parseLong(line.substring(key.length() + 1).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** The text after {@code key:} in a {@code ?auto} page, or empty. */
    public static String autoText(String body, String key) {
        for (String line : body.split("\n")) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        return "";
    }
}
