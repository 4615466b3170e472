package mpmbench.loadgen.http;

import java.nio.ByteBuffer;

/**
 * An incremental HTTP/1.x response parser that works on bytes alone: it is fed whatever arrived
 * from the socket, keeps its state between calls, and never allocates after construction.
 *
 * <p>It understands the status line (HTTP/1.0 and 1.1), headers, {@code Content-Length} and
 * {@code chunked} bodies (with trailers), bodies delimited by the end of the connection, interim
 * {@code 1xx} responses, bodiless {@code 204}/{@code 304} answers and {@code Connection: close} /
 * {@code keep-alive}. Of the headers only those three are interpreted; the others are skipped.
 *
 * <p>Limits keep a broken server from making a connection read forever without a verdict: a line
 * longer than {@value #MAX_LINE_BYTES} bytes or a header section longer than
 * {@value #MAX_HEADER_BYTES} bytes is an {@link #ERROR}.
 *
 * <p>Usage, one instance per connection, from one thread:
 * <pre>{@code
 * while (buf.hasRemaining()) {
 *     int r = parser.feed(buf);
 *     if (r == COMPLETE) { use parser.status(), keepAlive(), responseBytes(); parser.reset(); }
 *     else if (r == ERROR) { close the connection; break; }
 * }
 * // on end of stream: onEof() == COMPLETE for a body delimited by close
 * }</pre>
 */
public final class ResponseParser {

    /** {@link #feed} consumed every byte given and the response is not complete yet. */
    public static final int NEED_MORE = 0;
    /** A whole response was consumed; the buffer's position is just after it. */
    public static final int COMPLETE = 1;
    /** The bytes are not an HTTP response; {@link #error()} says why. The connection is unusable. */
    public static final int ERROR = -1;

    /** Longest status, header, chunk-size or trailer line accepted, in bytes. */
    public static final int MAX_LINE_BYTES = 8192;
    /** Longest status line plus headers accepted, in bytes. */
    public static final int MAX_HEADER_BYTES = 65536;

    /** How many bytes of a line are kept for interpretation; the rest of a long line is skipped. */
    private static final int KEPT_LINE_BYTES = 128;

    private static final int STATUS_LINE = 0;
    private static final int HEADER_LINE = 1;
    private static final int BODY_LENGTH = 2;
    private static final int CHUNK_SIZE_LINE = 3;
    private static final int CHUNK_DATA = 4;
    private static final int CHUNK_DATA_END = 5;
    private static final int TRAILER_LINE = 6;
    private static final int BODY_UNTIL_EOF = 7;

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private final byte[] line = new byte[KEPT_LINE_BYTES];
    private int lineLength;
    private int kept;

    private int state;
    private int status;
    private boolean http10;
    private long contentLength;
    private boolean chunked;
    private boolean closeHeader;
    private boolean keepAliveHeader;
    private long remaining;
    private int headerBytes;
    private long responseBytes;
    private String error;

    public ResponseParser() {
        reset();
    }

    /** Forgets the previous response; call after {@link #COMPLETE} before feeding the next. */
    public void reset() {
        state = STATUS_LINE;
        lineLength = 0;
        kept = 0;
        status = 0;
        http10 = false;
        contentLength = -1;
        chunked = false;
        closeHeader = false;
        keepAliveHeader = false;
        remaining = 0;
        headerBytes = 0;
        responseBytes = 0;
        error = null;
    }

    /**
     * Consumes bytes from {@code buf} until a response completes, the buffer is empty or an error is
     * found.
     *
     * @return {@link #COMPLETE}, {@link #NEED_MORE} or {@link #ERROR}
     */
    public int feed(ByteBuffer buf) {
        while (buf.hasRemaining()) {
            switch (state) {
                case BODY_LENGTH, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, buf.remaining());
                    buf.position(buf.position() + n);
                    responseBytes += n;
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == BODY_LENGTH) {
                            return COMPLETE;
                        }
                        state = CHUNK_DATA_END;
                    }
                }
                case BODY_UNTIL_EOF -> {
                    responseBytes += buf.remaining();
                    buf.position(buf.limit());
                }
                default -> {
                    int r = lineByte(buf.get());
                    if (r != NEED_MORE) {
                        return r;
                    }
                }
            }
        }
        return NEED_MORE;
    }

    /**
     * The server closed the connection. Completes a response whose body is delimited by the end of
     * the connection; any other response in progress is cut short.
     *
     * @return {@link #COMPLETE} if a response ended with the connection, otherwise {@link #ERROR}
     */
    public int onEof() {
        if (state == BODY_UNTIL_EOF) {
            return COMPLETE;
        }
        return fail("connection closed mid-response");
    }

    /** True when no byte of the current response has been seen yet. */
    public boolean idle() {
        return state == STATUS_LINE && lineLength == 0;
    }

    /** The status code of the last complete (or current) response. */
    public int status() {
        return status;
    }

    /** Whether the connection may carry another request after this response. */
    public boolean keepAlive() {
        if (state == BODY_UNTIL_EOF || closeHeader) {
            return false;
        }
        return !http10 || keepAliveHeader;
    }

    /** Bytes of the current response consumed so far (status line, headers and body). */
    public long responseBytes() {
        return responseBytes;
    }

    /** Why the last {@link #ERROR} was returned, or {@code null}. */
    public String error() {
        return error;
    }

    private int lineByte(byte b) {
        responseBytes++;
        if (state == STATUS_LINE || state == HEADER_LINE || state == TRAILER_LINE) {
            if (++headerBytes > MAX_HEADER_BYTES) {
                return fail("header section longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
        if (b != '\n') {
            if (++lineLength > MAX_LINE_BYTES) {
                return fail("line longer than " + MAX_LINE_BYTES + " bytes");
            }
            if (kept < KEPT_LINE_BYTES) {
                line[kept++] = b;
            }
            return NEED_MORE;
        }
        int len = kept > 0 && line[kept - 1] == '\r' ? kept - 1 : kept;
        boolean truncated = lineLength > KEPT_LINE_BYTES;
        lineLength = 0;
        kept = 0;
        return switch (state) {
            case STATUS_LINE -> statusLine(len);
            case HEADER_LINE -> len == 0 ? endOfHeaders() : headerLine(len, truncated);
            case CHUNK_SIZE_LINE -> chunkSizeLine(len);
            case CHUNK_DATA_END -> len == 0 ? next(CHUNK_SIZE_LINE) : fail("no CRLF after chunk data");
            case TRAILER_LINE -> len == 0 ? COMPLETE : NEED_MORE;
            default -> fail("parser state " + state);
        };
    }

    private int statusLine(int len) {
        // "HTTP/1.x NNN ..." — the reason phrase may be empty or missing.
        if (len < 12 || !startsWith("HTTP/1.") || line[8] != ' ') {
            return fail("not an HTTP/1.x status line");
        }
        http10 = line[7] == '0';
        int code = 0;
        for (int i = 9; i < 12; i++) {
            int d = line[i] - '0';
            if (d < 0 || d > 9) {
                return fail("bad status code");
            }
            code = code * 10 + d;
        }
        if (len > 12 && line[12] != ' ') {
            return fail("bad status code");
        }
        status = code;
        return next(HEADER_LINE);
    }

    private int headerLine(int len, boolean truncated) {
        int colon = indexOf((byte) ':', 0, len);
        if (colon <= 0) {
            return truncated ? NEED_MORE : fail("header line without a name");
        }
        int vs = colon + 1;
        while (vs < len && (line[vs] == ' ' || line[vs] == '\t')) {
            vs++;
        }
        int ve = len;
        while (ve > vs && (line[ve - 1] == ' ' || line[ve - 1] == '\t')) {
            ve--;
        }
        if (nameIs(CONTENT_LENGTH, colon)) {
            if (truncated || ve == vs) {
                return fail("bad Content-Length");
            }
            long v = 0;
            for (int i = vs; i < ve; i++) {
                int d = line[i] - '0';
                if (d < 0 || d > 9 || v > Long.MAX_VALUE / 20) {
                    return fail("bad Content-Length");
                }
                v = v * 10 + d;
            }
            contentLength = v;
        } else if (nameIs(TRANSFER_ENCODING, colon)) {
            chunked |= contains(CHUNKED, vs, ve);
        } else if (nameIs(CONNECTION, colon)) {
            closeHeader |= contains(CLOSE, vs, ve);
            keepAliveHeader |= contains(KEEP_ALIVE, vs, ve);
        }
        return NEED_MORE;
    }

    private int endOfHeaders() {
        if (status < 200) {
            // Interim response (100 Continue, 103 Early Hints): the real one follows.
            int s = status;
            reset();
            return s == 101 ? fail("101 Switching Protocols is not supported") : NEED_MORE;
        }
        if (status == 204 || status == 304) {
            return COMPLETE;
        }
        if (chunked) {
            return next(CHUNK_SIZE_LINE);
        }
        if (contentLength == 0) {
            return COMPLETE;
        }
        if (contentLength > 0) {
            remaining = contentLength;
            return next(BODY_LENGTH);
        }
        return next(BODY_UNTIL_EOF);
    }

    private int chunkSizeLine(int len) {
        long size = 0;
        int digits = 0;
        for (int i = 0; i < len && line[i] != ';' && line[i] != ' ' && line[i] != '\t'; i++) {
            int d = Character.digit(line[i], 16);
            if (d < 0 || ++digits > 12) {
                return fail("bad chunk size");
            }
            size = size * 16 + d;
        }
        if (digits == 0) {
            return fail("bad chunk size");
        }
        if (size == 0) {
            return next(TRAILER_LINE);
        }
        remaining = size;
        return next(CHUNK_DATA);
    }

    private int next(int s) {
        state = s;
        return NEED_MORE;
    }

    private int fail(String why) {
        error = why;
        return ERROR;
    }

    private boolean startsWith(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean nameIs(byte[] lowerName, int nameEnd) {
        int end = nameEnd;
        while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        return end == lowerName.length && regionEqualsIgnoreCase(0, lowerName);
    }

    private boolean contains(byte[] lowerWord, int from, int to) {
        for (int i = from; i + lowerWord.length <= to; i++) {
            if (regionEqualsIgnoreCase(i, lowerWord)) {
                return true;
            }
        }
        return false;
    }

    private boolean regionEqualsIgnoreCase(int at, byte[] lower) {
        for (int j = 0; j < lower.length; j++) {
            byte c = line[at + j];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
