package mpmbench.benchmarks.suite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 GET over a fresh socket with {@code Connection: close}, for readiness and
 * {@code /server-status?auto} probes; over TLS for a target started over HTTPS, its certificate not
 * checked (the run's self-signed one, as the load generator does without {@code --tls-verify}).
 * Not for load: one request, one connection, blocking.
 */
public final class HttpProbe {

    /** A status code and the body; status -1 when there was no complete answer. */
    public record Answer(int status, String body) {
        public static final Answer NONE = new Answer(-1, "");
    }

    private HttpProbe() {
    }

    public static Answer get(String host, int port, String path, int timeoutMs) {
        return get(host, port, path, timeoutMs, false);
    }

    /** The GET over TLS when {@code tls} (any certificate accepted), else over plain TCP. */
    public static Answer get(String host, int port, String path, int timeoutMs, boolean tls) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), timeoutMs);
            plain.setSoTimeout(timeoutMs);
            try (Socket s = tls ? TrustAll.FACTORY.createSocket(plain, host, port, true) : plain) {
                return exchange(s, host, path);
            }
        } catch (IOException | RuntimeException e) {
            return Answer.NONE;
        }
    }

    private static Answer exchange(Socket s, String host, String path) throws IOException {
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
    }

    /** An SSL socket factory that accepts any server certificate: a probe checks an answer, not an identity. */
    private static final class TrustAll {
        static final javax.net.ssl.SSLSocketFactory FACTORY = factory();

        private static javax.net.ssl.SSLSocketFactory factory() {
            javax.net.ssl.X509TrustManager any = new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            };
            try {
                javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
                ctx.init(null, new javax.net.ssl.TrustManager[] {any}, null);
                return ctx.getSocketFactory();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("no TLS in this JDK: " + e.getMessage(), e);
            }
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
