package mpmbench.server.http.request;

import mpmbench.server.http.ascii.Ascii;

/**
 * Reads field lines, {@code field-name ":" OWS field-value OWS} (RFC 9112 5), of the header section and
 * of the trailer section. Every line is checked against the grammar, the same for both sections (RFC
 * 9112 7.1.2); in the header section the fields that frame the message or the connection are also
 * decoded, and the fields that make it conditional or partial (If-*, Range) are kept for {@link
 * mpmbench.server.http.response.Preconditions}; every other field is skipped. Static and
 * allocation-free.
 *
 * <p>Each violation is a 400 and a close: a line starting with whitespace (obs-fold, RFC 9112 5.2,
 * or whitespace before the first field, 2.2), a name that is not a token or whitespace before the
 * colon (5.1), a value with a control character other than HTAB (RFC 9110 5.5), a Host that is not
 * {@code uri-host [":" port]} or comes twice (RFC 9112 3.2), a Content-Length that is not digits or a
 * list of one repeated value (RFC 9112 6.3), a transfer-coding that is not a token.
 */
final class HeaderFields {

    private HeaderFields() {
    }

    /** Parses {@code line[0, len)}, a header line without its CRLF, into {@code request}. */
    static void parse(byte[] line, int len, HttpRequest request) {
        int colon = check(line, len);
        int from = colon + 1;
        int to = len;
        while (from < to && Ascii.isWhite(line[from])) {
            from++;
        }
        while (to > from && Ascii.isWhite(line[to - 1])) {
            to--;
        }
        switch (colon) {
            case 5 -> {
                if (Ascii.equalsLower(line, 0, 5, "range")) {
                    request.conditionals().add(ConditionalFields.RANGE, line, from, to);
                }
            }
            case 8 -> {
                if (Ascii.equalsLower(line, 0, 8, "if-match")) {
                    request.conditionals().add(ConditionalFields.IF_MATCH, line, from, to);
                } else if (Ascii.equalsLower(line, 0, 8, "if-range")) {
                    request.conditionals().add(ConditionalFields.IF_RANGE, line, from, to);
                }
            }
            case 13 -> {
                if (Ascii.equalsLower(line, 0, 13, "if-none-match")) {
                    request.conditionals().add(ConditionalFields.IF_NONE_MATCH, line, from, to);
                }
            }
            case 19 -> {
                if (Ascii.equalsLower(line, 0, 19, "if-unmodified-since")) {
                    request.conditionals().add(ConditionalFields.IF_UNMODIFIED_SINCE, line, from, to);
                }
            }
            case 4 -> {
                if (Ascii.equalsLower(line, 0, 4, "host")) {
                    if (request.hasHost()) {
                        throw bad("more than one Host");
                    }
                    request.host(UriSyntax.authority(line, from, to, false, false));
                }
            }
            case 6 -> {
                if (Ascii.equalsLower(line, 0, 6, "expect")) {
                    forEachElement(line, from, to, request, HeaderFields::expectation);
                }
            }
            case 10 -> {
                if (Ascii.equalsLower(line, 0, 10, "connection")) {
                    forEachElement(line, from, to, request, HeaderFields::connectionOption);
                }
            }
            case 14 -> {
                if (Ascii.equalsLower(line, 0, 14, "content-length")
                        && forEachElement(line, from, to, request, HeaderFields::contentLength) == 0) {
                    throw bad("Content-Length without a value");
                }
            }
            case 17 -> {
                if (Ascii.equalsLower(line, 0, 17, "transfer-encoding")) {
                    if (forEachElement(line, from, to, request, HeaderFields::transferCoding) == 0) {
                        throw bad("Transfer-Encoding without a coding");
                    }
                } else if (Ascii.equalsLower(line, 0, 17, "if-modified-since")) {
                    request.conditionals().add(ConditionalFields.IF_MODIFIED_SINCE, line, from, to);
                }
            }
            default -> { }
        }
    }

    /**
     * Checks the syntax of one field line (header or trailer) without its CRLF.
     *
     * @return the index of the colon
     */
    static int check(byte[] line, int len) {
        if (Ascii.isWhite(line[0])) {
            throw bad("obs-fold, or whitespace before a field line");
        }
        int colon = 0;
        while (colon < len && line[colon] != ':') {
            colon++;
        }
        // whitespace before the colon fails the token check too (RFC 9112 5.1 requires a 400)
        if (colon == len || !Ascii.isTokenRange(line, 0, colon)) {
            throw bad("field-name is not a token followed by ':'");
        }
        for (int i = colon + 1; i < len; i++) {
            byte b = line[i];
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
                throw bad("control character in a field value");
            }
        }
        return colon;
    }

    /** What {@link #forEachElement} calls per element; a reference to a static method allocates nothing. */
    private interface Element {
        void accept(byte[] line, int from, int to, HttpRequest request);
    }

    /**
     * Calls {@code element} for each element of a comma-separated list (RFC 9110 5.6.1) in
     * {@code line[from, to)}, OWS trimmed; empty elements are skipped.
     *
     * @return the number of elements
     */
    private static int forEachElement(byte[] line, int from, int to, HttpRequest request, Element element) {
        int count = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || line[i] == ',') {
                int a = trimStart(line, start, i);
                int b = trimEnd(line, a, i);
                if (a < b) {
                    element.accept(line, a, b, request);
                    count++;
                }
                start = i + 1;
            }
        }
        return count;
    }

    /** RFC 9110 10.1.1: only 100-continue is known; any other expectation earns a 417 at the end of the head. */
    private static void expectation(byte[] line, int from, int to, HttpRequest request) {
        if (Ascii.equalsLower(line, from, to, "100-continue")) {
            request.markExpectContinue();
        } else {
            request.markExpectOther();
        }
    }

    private static void connectionOption(byte[] line, int from, int to, HttpRequest request) {
        request.connectionClose(Ascii.equalsLower(line, from, to, "close"));
        request.connectionKeepAlive(Ascii.equalsLower(line, from, to, "keep-alive"));
    }

    /**
     * One transfer-coding, {@code token *( OWS ";" OWS transfer-parameter )}, over every
     * Transfer-Encoding line in order. Whether the list is acceptable (chunked last and once,
     * nothing unknown) is decided at the end of the head; parameters make a coding unknown.
     */
    private static void transferCoding(byte[] line, int from, int to, HttpRequest request) {
        int i = from;
        while (i < to && Ascii.isTokenChar(line[i])) {
            i++;
        }
        if (i == from || (i < to && line[trimStart(line, i, to)] != ';')) {
            throw bad("transfer-coding is not a token");
        }
        request.transferCoding(Ascii.equalsLower(line, from, to, "chunked"));
    }

    /**
     * {@code 1*DIGIT}; a list of the same value repeated over one or more lines ({@code 5, 5}) is
     * processed as that one value, as RFC 9112 6.3 (item 5) says.
     */
    private static void contentLength(byte[] line, int from, int to, HttpRequest request) {
        long value = decimal(line, from, to);
        if (request.contentLength() >= 0 && request.contentLength() != value) {
            throw bad("different Content-Length values");
        }
        request.contentLength(value);
    }

    private static long decimal(byte[] line, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int d = Ascii.digit(line[i]);
            if (d < 0) {
                throw bad("Content-Length is not digits");
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                throw bad("Content-Length overflows");
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int trimStart(byte[] line, int from, int to) {
        while (from < to && Ascii.isWhite(line[from])) {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] line, int from, int to) {
        while (to > from && Ascii.isWhite(line[to - 1])) {
            to--;
        }
        return to;
    }

    private static AnswerAndCloseException bad(String reason) {
        return new AnswerAndCloseException(400, reason);
    }
}
