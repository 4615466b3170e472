package mpmbench.server.http.request;

import mpmbench.server.http.ascii.Ascii;

/**
 * Reads a request-line, {@code method SP request-target SP HTTP-version} (RFC 9112 3), into the
 * {@link HttpRequest}. Static and allocation-free.
 *
 * <p>What is checked, in this order, each failure a close after the answer:
 * <ul>
 *   <li>exactly one SP between the three parts, no other whitespace (RFC 9112 3; httpd's Strict
 *       mode rejects the lenient word-splitting the RFC merely permits) — 400;</li>
 *   <li>the method is a token (RFC 9110 9.1) — 400;</li>
 *   <li>HTTP-version is {@code "HTTP/" DIGIT "." DIGIT}, case-sensitive (RFC 9112 2.3) — 400;</li>
 *   <li>the request-target is one of the four forms of RFC 9112 3.2: origin-form
 *       ({@code /path?query}), absolute-form ({@code http://host/path}; http or https, no userinfo,
 *       a non-empty host, RFC 9110 4.2), authority-form ({@code host:port}, CONNECT only) and
 *       asterisk-form ({@code *}, OPTIONS only), every character as RFC 3986 allows; a fragment
 *       is never part of it — 400;</li>
 *   <li>a major version other than 1 — 505 (RFC 9110 15.6.6); a higher 1.x minor is served as 1.1
 *       (RFC 9110 2.5);</li>
 *   <li>a method this server does not know — 501 (RFC 9110 15.6.2).</li>
 * </ul>
 */
final class RequestLine {

    private static final int VERSION_LENGTH = 8;

    private RequestLine() {
    }

    static void parse(byte[] line, int len, HttpRequest request) {
        int sp1 = indexOf(line, 0, len, (byte) ' ');
        if (sp1 <= 0 || !Ascii.isTokenRange(line, 0, sp1)) {
            throw bad("method is not a token");
        }
        int sp2 = indexOf(line, sp1 + 1, len, (byte) ' ');
        if (sp2 <= sp1 + 1) {
            throw bad("no request-target, or not one SP around it");
        }
        int minor = version(line, sp2 + 1, len);
        Method method = Method.match(line, 0, sp1);
        target(line, sp1 + 1, sp2, method, request);
        if (minor < 0) {
            throw new AnswerAndCloseException(505, "HTTP major version other than 1");
        }
        if (method == null) {
            throw new AnswerAndCloseException(501, "unknown method");
        }
        request.method(method);
        request.version(minor >= 1);
    }

    private static void target(byte[] line, int from, int to, Method method, HttpRequest request) {
        byte first = line[from];
        int len = to - from;
        if (method == Method.CONNECT) {
            UriSyntax.authority(line, from, to, true, true);
            request.authorityForm();
        } else if (first == '/') {
            request.target(line, from, len, 0, UriSyntax.pathAndQuery(line, from, to) - from);
        } else if (first == '*' && len == 1) {
            if (method != Method.OPTIONS) {
                throw bad("asterisk-form with a method other than OPTIONS");
            }
            request.target(line, from, len, 0, len);
        } else {
            absoluteForm(line, from, to, request);
        }
    }

    /** {@code http://authority[/path][?query]}: the authority is checked and skipped. */
    private static void absoluteForm(byte[] line, int from, int to, HttpRequest request) {
        int authority;
        if (Ascii.equalsLower(line, from, Math.min(to, from + 7), "http://")) {
            authority = from + 7;
        } else if (Ascii.equalsLower(line, from, Math.min(to, from + 8), "https://")) {
            authority = from + 8;
        } else {
            throw bad("request-target in no form this server accepts");
        }
        int end = authority;
        while (end < to && line[end] != '/' && line[end] != '?') {
            if (line[end] == '@') {
                throw bad("userinfo in an http URI");
            }
            end++;
        }
        UriSyntax.authority(line, authority, end, true, false);
        int query = UriSyntax.pathAndQuery(line, end, to);
        if (end == to || line[end] == '?') {
            request.rootPath(line, end, to - end);
        } else {
            request.target(line, from, to - from, end - from, query - from);
        }
    }

    /**
     * @return the minor version for major 1 (0, 1, or higher), or -1 for another major version
     */
    private static int version(byte[] line, int from, int to) {
        if (to - from != VERSION_LENGTH || line[from] != 'H' || line[from + 1] != 'T' || line[from + 2] != 'T'
                || line[from + 3] != 'P' || line[from + 4] != '/' || Ascii.digit(line[from + 5]) < 0
                || line[from + 6] != '.' || Ascii.digit(line[from + 7]) < 0) {
            throw bad("HTTP-version is not HTTP/DIGIT.DIGIT");
        }
        return line[from + 5] == '1' ? Ascii.digit(line[from + 7]) : -1;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static AnswerAndCloseException bad(String reason) {
        return new AnswerAndCloseException(400, reason);
    }
}
