package mpmbench.server.http;

import java.util.Random;

/**
 * A request generated from the grammar of RFC 9112 (request-line, Host, field lines, a body framed by
 * Content-Length or chunked with extensions and trailers), with the digest a correct parser must
 * report for it (see {@link DigestHandler}). Generation draws on a {@link Random}, so jqwik's
 * {@code Arbitraries.randomValue} drives it and a failing sample prints its bytes.
 *
 * @param raw    the bytes, ISO-8859-1
 * @param digest what {@link DigestHandler} answers for it
 */
record GeneratedRequest(String raw, String digest) {

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String PCHAR = ALNUM + "-._~!$&'()*+,;=:@";
    private static final String TCHAR = ALNUM + "!#$%&'*+-.^_`|~";
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    private static final String[] HOSTS = {"a", "example.org", "127.0.0.1", "[::1]", "[2001:db8::7]", "x-y.z",
        "[::ffff:10.0.0.1]", "%41b", "host!$&'()*+,;="};

    @Override
    public String toString() {
        return raw.replace("\r", "\\r").replace("\n", "\\n\n");
    }

    static GeneratedRequest generate(Random r) {
        StringBuilder raw = new StringBuilder();
        raw.append("\r\n".repeat(r.nextInt(10) == 0 ? 1 + r.nextInt(2) : 0));
        String method = METHODS[r.nextInt(METHODS.length)];
        String path = path(r);
        String query = r.nextBoolean() ? "" : chars(r, PCHAR + "/?", 0, 10);
        boolean http11 = r.nextInt(4) != 0;
        String host = HOSTS[r.nextInt(HOSTS.length)] + (r.nextBoolean() ? "" : ":" + (1 + r.nextInt(65_535)));
        String target = (r.nextInt(5) == 0 ? "http://" + host : "") + path + (query.isEmpty() ? "" : "?" + query);
        raw.append(method).append(' ').append(target).append(http11 ? " HTTP/1.1\r\n" : " HTTP/1.0\r\n");
        boolean close = false;
        boolean keepAliveToken = false;
        int fields = r.nextInt(5);
        boolean hostSent = false;
        for (int i = 0; i <= fields; i++) {
            if (!hostSent && (http11 || r.nextBoolean()) && (i == fields || r.nextInt(3) == 0)) {
                raw.append(r.nextBoolean() ? "Host: " : "host:").append(host).append(ows(r)).append("\r\n");
                hostSent = true;
            } else if (r.nextInt(4) == 0) {
                int pick = r.nextInt(3);
                String token = pick == 0 ? "close" : pick == 1 ? "keep-alive" : "foo";
                close |= pick == 0;
                keepAliveToken |= pick == 1;
                raw.append("Connection:").append(ows(r)).append(token).append(ows(r)).append("\r\n");
            } else {
                raw.append("X-").append(chars(r, TCHAR, 1, 8)).append(':').append(ows(r)).append(fieldValue(r))
                        .append(ows(r)).append("\r\n");
            }
        }
        String body = r.nextInt(3) == 0 ? "" : chars(r, null, 0, 40);
        int framing = r.nextInt(3);
        if (framing == 1 || (framing == 0 && !body.isEmpty())) {
            raw.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        } else if (framing == 2) {
            raw.append("Transfer-Encoding: chunked\r\n\r\n").append(chunked(r, body));
        } else {
            raw.append("\r\n");
        }
        boolean keepAlive = framing != 2 || http11 ? http11 ? !close : keepAliveToken && !close : false;
        String digest = DigestHandler.digest(method, path, query, http11, keepAlive, body);
        return new GeneratedRequest(raw.toString(), digest);
    }

    private static String path(Random r) {
        StringBuilder p = new StringBuilder();
        int segments = 1 + r.nextInt(3);
        for (int i = 0; i < segments; i++) {
            p.append('/').append(chars(r, PCHAR, 0, 6));
            if (r.nextInt(6) == 0) {
                p.append('%').append(Character.toUpperCase(Character.forDigit(r.nextInt(16), 16)))
                        .append(Character.forDigit(r.nextInt(16), 16));
            }
        }
        return p.toString();
    }

    /** field-content: VCHAR and obs-text, with SP and HTAB only inside. */
    private static String fieldValue(Random r) {
        StringBuilder v = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            boolean inside = i > 0 && i < n - 1;
            int kind = r.nextInt(10);
            if (inside && kind == 0) {
                v.append(r.nextBoolean() ? ' ' : '\t');
            } else if (kind == 1) {
                v.append((char) (0x80 + r.nextInt(0x80)));
            } else {
                v.append((char) (0x21 + r.nextInt(0x7e - 0x21 + 1)));
            }
        }
        return v.toString();
    }

    private static String chunked(Random r, String body) {
        StringBuilder c = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int size = 1 + r.nextInt(body.length() - at);
            String hex = "0".repeat(r.nextInt(3)) + Integer.toHexString(size);
            c.append(r.nextBoolean() ? hex : hex.toUpperCase()).append(extensions(r)).append("\r\n")
                    .append(body, at, at + size).append("\r\n");
            at += size;
        }
        c.append("0".repeat(1 + r.nextInt(2))).append(extensions(r)).append("\r\n");
        for (int i = r.nextInt(3); i > 0; i--) {
            c.append("T-").append(chars(r, TCHAR, 1, 6)).append(':').append(ows(r)).append(fieldValue(r)).append("\r\n");
        }
        return c.append("\r\n").toString();
    }

    /** chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ) */
    private static String extensions(Random r) {
        StringBuilder e = new StringBuilder();
        for (int i = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0; i > 0; i--) {
            e.append(ows(r)).append(';').append(ows(r)).append(chars(r, TCHAR, 1, 5));
            if (r.nextBoolean()) {
                e.append(ows(r)).append('=').append(ows(r));
                e.append(r.nextBoolean() ? chars(r, TCHAR, 1, 5) : "\"" + quoted(r) + "\"");
            }
        }
        return e.toString();
    }

    private static String quoted(Random r) {
        StringBuilder q = new StringBuilder();
        for (int i = r.nextInt(6); i > 0; i--) {
            int kind = r.nextInt(6);
            if (kind == 0) {
                q.append('\\').append((char) (0x21 + r.nextInt(0x5e)));
            } else if (kind == 1) {
                q.append(' ');
            } else {
                char c = (char) (0x21 + r.nextInt(0x5e));
                q.append(c == '"' || c == '\\' ? 'q' : c);
            }
        }
        return q.toString();
    }

    private static String ows(Random r) {
        return r.nextInt(3) == 0 ? (r.nextBoolean() ? " " : "\t") : "";
    }

    /** {@code min..max} chars drawn from {@code set}, or any byte 0-255 when {@code set} is null. */
    private static String chars(Random r, String set, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(set == null ? (char) r.nextInt(256) : set.charAt(r.nextInt(set.length())));
        }
        return s.toString();
    }
}
