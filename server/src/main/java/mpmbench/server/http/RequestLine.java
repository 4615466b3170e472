package mpmbench.server.http;

/**
 * Reads a request line ({@code method SP target SP version}) into the {@link HttpRequest}.
 * Static and allocation-free.
 *
 * <p>Targets: origin-form ({@code /path?query}), asterisk-form ({@code *}, OPTIONS only) and
 * absolute-form ({@code http://host/path}, whose authority is skipped). Versions: {@code HTTP/1.0} and
 * {@code HTTP/1.1}; another well-formed {@code HTTP/d[.d]} is 505, anything else 400.
 */
final class RequestLine {

    private static final int MAX_VERSION_DIGITS = 3;

    private RequestLine() {
    }

    static void parse(byte[] line, int len, HttpRequest request) {
        int sp1 = indexOf(line, 0, len, (byte) ' ');
        if (sp1 <= 0) {
            throw new HttpErrorException(400, "no method");
        }
        Method method = Method.match(line, 0, sp1);
        if (method == null) {
            if (Ascii.isTokenRange(line, 0, sp1)) {
                throw new HttpErrorException(501, "unknown method");
            }
            throw new HttpErrorException(400, "bad method");
        }
        request.method(method);
        int targetStart = sp1 + 1;
        int sp2 = indexOf(line, targetStart, len, (byte) ' ');
        if (sp2 <= targetStart) {
            throw new HttpErrorException(400, "no target");
        }
        request.version(version(line, sp2 + 1, len));
        target(line, targetStart, sp2, method, request);
    }

    private static void target(byte[] line, int from, int to, Method method, HttpRequest request) {
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b <= 0x20 || b == 0x7f || b == '#') {
                throw new HttpErrorException(400, "bad character in target");
            }
        }
        int len = to - from;
        if (line[from] == '/') {
            request.target(line, from, len, 0);
        } else if (len == 1 && line[from] == '*' && method == Method.OPTIONS) {
            request.target(line, from, len, 0);
        } else if (startsWithScheme(line, from, to)) {
            int authority = indexOf(line, from, to, (byte) ':') + 3;
            int slash = authority;
            while (slash < to && line[slash] != '/' && line[slash] != '?') {
                slash++;
            }
            if (slash == authority) {
                throw new HttpErrorException(400, "absolute target without host");
            }
            if (slash == to || line[slash] == '?') {
                request.rootPath();
            } else {
                request.target(line, from, len, slash - from);
            }
        } else {
            throw new HttpErrorException(400, "bad target form");
        }
    }

    private static boolean startsWithScheme(byte[] line, int from, int to) {
        return Ascii.equalsLower(line, from, Math.min(to, from + 7), "http://")
                || Ascii.equalsLower(line, from, Math.min(to, from + 8), "https://");
    }

    /** @return true for HTTP/1.1, false for HTTP/1.0 */
    private static boolean version(byte[] line, int from, int to) {
        if (to - from < 6 || line[from] != 'H' || line[from + 1] != 'T' || line[from + 2] != 'T'
                || line[from + 3] != 'P' || line[from + 4] != '/') {
            throw new HttpErrorException(400, "bad version");
        }
        int i = from + 5;
        int major = 0;
        int digits = 0;
        for (; i < to && Ascii.digit(line[i]) >= 0; i++, digits++) {
            major = major * 10 + Ascii.digit(line[i]);
        }
        if (digits == 0 || digits > MAX_VERSION_DIGITS) {
            throw new HttpErrorException(400, "bad version");
        }
        int minor = -1;
        if (i < to && line[i] == '.') {
            i++;
            minor = 0;
            digits = 0;
            for (; i < to && Ascii.digit(line[i]) >= 0; i++, digits++) {
                minor = minor * 10 + Ascii.digit(line[i]);
            }
            if (digits == 0 || digits > MAX_VERSION_DIGITS) {
                throw new HttpErrorException(400, "bad version");
            }
        }
        if (i != to) {
            throw new HttpErrorException(400, "bad version");
        }
        if (major == 1 && (minor == 0 || minor == 1)) {
            return minor == 1;
        }
        throw new HttpErrorException(505, "HTTP version not supported");
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
