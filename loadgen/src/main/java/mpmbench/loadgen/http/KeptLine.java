package mpmbench.loadgen.http;

/**
 * The first {@value #CAPACITY} bytes of a line, enough to interpret a status line and the three fields
 * that frame a response; the rest of a longer line is counted but not kept, and so is the value of a
 * field the parser does not interpret (its line is kept up to its colon: {@link LineReader}). Interpreting a kept line
 * never allocates. Holds ASCII bytes as received, except that a bare CR or a NUL inside the line is
 * kept as SP (RFC 9112 §2.2, RFC 9110 §5.5). Owned by one parser.
 */
final class KeptLine {

    /** Bytes kept per line, and so the longest framing field value (after unfolding) interpreted. */
    static final int CAPACITY = 256;

    private static final byte[] SP = {' '};

    /** {@link #isTchar} by byte value: a field name is read byte by byte for every line of every response. */
    private static final boolean[] TCHAR = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            TCHAR[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }

    private final byte[] b = new byte[CAPACITY];
    private int length;
    private boolean truncated;

    void clear() {
        length = 0;
        truncated = false;
    }

    /** Appends {@code a[from, to)}, up to the capacity; marks the line truncated beyond it. */
    void append(byte[] a, int from, int to) {
        int n = Math.min(to - from, CAPACITY - length);
        for (int i = 0; i < n; i++) {
            byte c = a[from + i];
            b[length + i] = c == 0 ? (byte) ' ' : c;
        }
        length += n;
        if (n < to - from) {
            truncated = true;
        }
    }

    /** The line is complete: drops the CR of its CRLF (when it was kept) and turns other CRs into SP. */
    void endLine(boolean endedWithCr) {
        if (endedWithCr && !truncated && length > 0) {
            length--;
        }
        for (int i = 0; i < length; i++) {
            if (b[i] == '\r') {
                b[i] = ' ';
            }
        }
    }

    /** Replaces this line with a copy of {@code other}. */
    void copyOf(KeptLine other) {
        System.arraycopy(other.b, 0, b, 0, other.length);
        length = other.length;
        truncated = other.truncated;
    }

    /**
     * Appends an obs-fold continuation as one SP and the continuation's content (RFC 9112 §5.2: a user
     * agent replaces obs-fold with SP before interpreting the value).
     */
    void unfold(KeptLine continuation) {
        int start = continuation.skipWhitespace(0);
        append(SP, 0, 1);
        append(continuation.b, start, continuation.length);
        truncated |= continuation.truncated;
    }

    int length() {
        return length;
    }

    boolean truncated() {
        return truncated;
    }

    byte at(int i) {
        return b[i];
    }

    boolean isEmpty() {
        return length == 0 && !truncated;
    }

    /** Whether the line starts with SP or HTAB (an obs-fold continuation, or whitespace before the first field). */
    boolean startsWithWhitespace() {
        return length > 0 && isWhitespace(b[0]);
    }

    /** Index of the first byte at or after {@code i} that is not SP or HTAB. */
    int skipWhitespace(int i) {
        while (i < length && isWhitespace(b[i])) {
            i++;
        }
        return i;
    }

    /** Index of the first {@code c} at or after {@code from} before {@code to}, or {@code to}. */
    int indexOf(byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return to;
    }

    /** End of the value: {@code to} with trailing SP/HTAB removed, not before {@code from}. */
    int trimEnd(int from, int to) {
        while (to > from && isWhitespace(b[to - 1])) {
            to--;
        }
        return to;
    }

    /** Whether {@code b[from, to)} equals {@code lower} ignoring ASCII case. */
    boolean equalsIgnoreCase(int from, int to, byte[] lower) {
        if (to - from != lower.length) {
            return false;
        }
        for (int j = 0; j < lower.length; j++) {
            byte c = b[from + j];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower[j]) {
                return false;
            }
        }
        return true;
    }

    static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 9110 §5.6.2 tchar. */
    static boolean isTchar(byte c) {
        return TCHAR[c & 0xFF];
    }
}
