package mpmbench.loadgen.http;

import java.nio.charset.StandardCharsets;

/**
 * The three header fields that decide how a response is framed and whether its connection lives on,
 * interpreted from complete (unfolded) field lines; every other field is skipped. Field values are
 * lists (RFC 9110 §5.6.1: commas, optional whitespace, empty elements ignored) and a field may come in
 * several lines, which together form one list.
 * <ul>
 *   <li>{@code Content-Length} (RFC 9112 §6.2, §6.3 item 5): {@code 1*DIGIT}; a list or repeated
 *       field is valid only if every value is the same; anything else, or a value over 2^62, makes
 *       {@link #contentLengthInvalid}.</li>
 *   <li>{@code Transfer-Encoding} (§6.1, §7): a list of transfer codings; what matters is whether
 *       {@code chunked} is the final one.</li>
 *   <li>{@code Connection} (§9.3, §9.6): the {@code close} and {@code keep-alive} options, as whole
 *       tokens.</li>
 * </ul>
 * Owned by one parser; never allocates.
 */
final class FramingFields {

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");
    private static final long MAX_CONTENT_LENGTH = 1L << 62;

    /** The Content-Length, or -1 when none was received. */
    long contentLength;
    boolean contentLengthInvalid;
    boolean transferEncoding;
    /** The last transfer coding received so far is {@code chunked}. */
    boolean chunkedLast;
    boolean closeOption;
    boolean keepAliveOption;

    FramingFields() {
        reset();
    }

    void reset() {
        contentLength = -1;
        contentLengthInvalid = false;
        transferEncoding = false;
        chunkedLast = false;
        closeOption = false;
        keepAliveOption = false;
    }

    /** Whether a field line (a name, optional whitespace, a colon) names one of the three fields. */
    static boolean interpreted(KeptLine f) {
        int colon = f.indexOf((byte) ':', 0, f.length());
        if (colon == f.length()) {
            return false; // the name is longer than what is kept: none of ours
        }
        int end = f.trimEnd(0, colon);
        return f.equalsIgnoreCase(0, end, CONTENT_LENGTH) || f.equalsIgnoreCase(0, end, TRANSFER_ENCODING)
                || f.equalsIgnoreCase(0, end, CONNECTION);
    }

    /**
     * Interprets one complete field line whose name is one of the three.
     *
     * @return {@code null}, or why the field cannot be interpreted
     */
    String field(KeptLine f) {
        if (f.truncated()) {
            return "a framing field longer than " + KeptLine.CAPACITY + " bytes";
        }
        int colon = f.indexOf((byte) ':', 0, f.length());
        int nameEnd = f.trimEnd(0, colon);
        int to = f.length();
        if (f.equalsIgnoreCase(0, nameEnd, CONTENT_LENGTH)) {
            contentLength(f, colon + 1, to);
        } else if (f.equalsIgnoreCase(0, nameEnd, TRANSFER_ENCODING)) {
            transferEncoding = true;
            return transferCodings(f, colon + 1, to);
        } else {
            for (int i = colon + 1; i < to; i = f.indexOf((byte) ',', i, to) + 1) {
                int s = f.skipWhitespace(i);
                int e = f.trimEnd(s, f.indexOf((byte) ',', s, to));
                closeOption |= f.equalsIgnoreCase(s, e, CLOSE);
                keepAliveOption |= f.equalsIgnoreCase(s, e, KEEP_ALIVE);
            }
        }
        return null;
    }

    private void contentLength(KeptLine f, int from, int to) {
        boolean any = false;
        for (int i = from; i < to; i = f.indexOf((byte) ',', i, to) + 1) {
            int s = f.skipWhitespace(i);
            int e = f.trimEnd(s, f.indexOf((byte) ',', s, to));
            if (s == e) {
                continue; // an empty list element
            }
            long v = 0;
            for (int k = s; k < e; k++) {
                int d = f.at(k) - '0';
                if (d < 0 || d > 9 || v > MAX_CONTENT_LENGTH / 10) {
                    contentLengthInvalid = true;
                    return;
                }
                v = v * 10 + d;
            }
            if (contentLength >= 0 && contentLength != v) {
                contentLengthInvalid = true; // values that disagree (RFC 9112 §6.3 item 5)
                return;
            }
            contentLength = v;
            any = true;
        }
        if (!any) {
            contentLengthInvalid = true;
        }
    }

    private String transferCodings(KeptLine f, int from, int to) {
        for (int i = from; i < to; i = f.indexOf((byte) ',', i, to) + 1) {
            int s = f.skipWhitespace(i);
            int e = f.indexOf((byte) ',', s, to);
            int nameEnd = s;
            while (nameEnd < e && KeptLine.isTchar(f.at(nameEnd))) {
                nameEnd++;
            }
            int rest = f.skipWhitespace(nameEnd);
            if (rest < e && f.at(rest) != ';') {
                return "a malformed Transfer-Encoding";
            }
            if (nameEnd == s) {
                if (rest < e) {
                    return "a malformed Transfer-Encoding";
                }
                continue; // an empty list element
            }
            chunkedLast = f.equalsIgnoreCase(s, nameEnd, CHUNKED);
        }
        return null;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
