package mpmbench.server.http;

/**
 * Reads one header line into the {@link HttpRequest}: the few fields that frame the message or the
 * connection are decoded, every other field is validated and skipped. Static and allocation-free.
 */
final class HeaderFields {

    private HeaderFields() {
    }

    /** Parses {@code line[0, len)}, a header line without its CRLF. */
    static void parse(byte[] line, int len, HttpRequest request) {
        if (Ascii.isWhite(line[0])) {
            throw new HttpErrorException(400, "obsolete line folding");
        }
        int colon = 0;
        while (colon < len && line[colon] != ':') {
            colon++;
        }
        // whitespace before the colon fails the token check too (RFC 9112 5.1 requires a 400)
        if (colon == len || !Ascii.isTokenRange(line, 0, colon)) {
            throw new HttpErrorException(400, "bad header name");
        }
        int from = colon + 1;
        int to = len;
        while (from < to && Ascii.isWhite(line[from])) {
            from++;
        }
        while (to > from && Ascii.isWhite(line[to - 1])) {
            to--;
        }
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
                throw new HttpErrorException(400, "control character in header value");
            }
        }
        switch (colon) {
            case 4 -> {
                if (Ascii.equalsLower(line, 0, 4, "host")) {
                    if (request.hasHost()) {
                        throw new HttpErrorException(400, "more than one Host");
                    }
                    request.host();
                }
            }
            case 6 -> {
                if (Ascii.equalsLower(line, 0, 6, "expect") && Ascii.equalsLower(line, from, to, "100-continue")) {
                    request.expectContinue(true);
                }
            }
            case 10 -> {
                if (Ascii.equalsLower(line, 0, 10, "connection")) {
                    connectionTokens(line, from, to, request);
                }
            }
            case 14 -> {
                if (Ascii.equalsLower(line, 0, 14, "content-length")) {
                    contentLength(line, from, to, request);
                }
            }
            case 17 -> {
                if (Ascii.equalsLower(line, 0, 17, "transfer-encoding")) {
                    if (request.chunked() || !Ascii.equalsLower(line, from, to, "chunked")) {
                        throw new HttpErrorException(400, "Transfer-Encoding other than chunked");
                    }
                    request.chunked(true);
                }
            }
            default -> { }
        }
    }

    private static void connectionTokens(byte[] line, int from, int to, HttpRequest request) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || line[i] == ',') {
                int a = start;
                int b = i;
                while (a < b && Ascii.isWhite(line[a])) {
                    a++;
                }
                while (b > a && Ascii.isWhite(line[b - 1])) {
                    b--;
                }
                request.connectionClose(Ascii.equalsLower(line, a, b, "close"));
                request.connectionKeepAlive(Ascii.equalsLower(line, a, b, "keep-alive"));
                start = i + 1;
            }
        }
    }

    /** A list of equal values ({@code 5, 5}) is one value, as RFC 9110 8.6 allows; unequal ones are 400. */
    private static void contentLength(byte[] line, int from, int to, HttpRequest request) {
        int i = from;
        do {
            while (i < to && Ascii.isWhite(line[i])) {
                i++;
            }
            long value = 0;
            int digits = 0;
            while (i < to && Ascii.digit(line[i]) >= 0) {
                int d = Ascii.digit(line[i++]);
                if (value > (Long.MAX_VALUE - d) / 10) {
                    throw new HttpErrorException(400, "Content-Length overflows");
                }
                value = value * 10 + d;
                digits++;
            }
            while (i < to && Ascii.isWhite(line[i])) {
                i++;
            }
            if (digits == 0 || (i < to && line[i] != ',')) {
                throw new HttpErrorException(400, "invalid Content-Length");
            }
            if (request.contentLength() >= 0 && request.contentLength() != value) {
                throw new HttpErrorException(400, "different Content-Lengths");
            }
            request.contentLength(value);
            i++;
        } while (i < to);
    }
}
