package mpmbench.loadgen.http;

import java.nio.ByteBuffer;

/**
 * An incremental HTTP/1.x response parser, a recipient of responses as RFC 9112 §2–§7 describes one.
 * It works on bytes alone: it is fed whatever arrived from the socket, keeps its state between calls,
 * and never allocates after construction. The state machine is here; lines are found by
 * {@link LineReader}, kept by {@link KeptLine}, and the framing fields read by {@link FramingFields}.
 *
 * <p>What it does, by section (each rule has a test in {@code ResponseParserRfc9112Test}):
 * <ul>
 *   <li>§2.2: a line ends at LF, the CR before it dropped (a bare LF is accepted); a bare CR or NUL
 *       inside a line is read as SP; lines that start with whitespace between the status line and
 *       the first field are consumed without being processed.</li>
 *   <li>§2.3, §4: {@code HTTP/1.x SP 3DIGIT [SP reason]}; another major version, or a status code
 *       outside 100–599, is an error; a minor version above 1 is read as 1.1; the reason is
 *       ignored.</li>
 *   <li>§5.1, §5.2: a field line is a token, a colon and a value; whitespace before the colon is
 *       dropped; obs-fold (a line starting with SP/HTAB) is unfolded into the previous field's
 *       value with SP; any other line is an error.</li>
 *   <li>§6.1, §6.3 in order: interim 1xx responses are read and skipped (101 is an error: nothing
 *       asked to switch); HEAD (see {@link #expectNoBody}), 204 and 304 end at the header section;
 *       HTTP/1.0 with Transfer-Encoding is faulty framing (an error); Transfer-Encoding overrides
 *       Content-Length, with {@code chunked} last it frames the body, otherwise the body runs until the
 *       close; a connection that had both is not reused; an invalid or disagreeing Content-Length is
 *       an error; a valid one frames the body; no length means until the close.</li>
 *   <li>§7.1: chunk sizes in hex (overflow is an error), extensions ignored, CRLF after each chunk,
 *       the last chunk followed by a trailer section of field lines, skipped.</li>
 *   <li>§9.3: the connection is reused unless {@code Connection: close}, a body delimited by the close,
 *       or HTTP/1.0 without {@code keep-alive}.</li>
 * </ul>
 * Limits, so a broken server cannot make a connection read forever without a verdict: the header
 * section, a trailer section and any one chunk-size line may each be at most {@value #MAX_SECTION_BYTES}
 * bytes; a framing field (Content-Length, Transfer-Encoding, Connection) at most
 * {@value KeptLine#CAPACITY} bytes after unfolding. Over a limit is an {@link ParseResult#ERROR}.
 *
 * <p>Usage, one instance per connection, from one thread:
 * <pre>{@code
 * while (buf.hasRemaining()) {
 *     switch (parser.feed(buf)) {
 *         case COMPLETE -> { use status(), keepAlive(), responseBytes(); parser.reset(); }
 *         case ERROR -> { close the connection; return; }
 *         case NEED_MORE -> { }
 *     }
 * }
 * // at the end of the stream: onEof() == COMPLETE for a body delimited by the close
 * }</pre>
 */
public final class ResponseParser {

    /** Longest header section, trailer section or chunk-size line accepted, in bytes. */
    public static final int MAX_SECTION_BYTES = 65536;

    private enum State {
        STATUS_LINE, FIELD_LINES, BODY_LENGTH, CHUNK_SIZE_LINE, CHUNK_DATA, CHUNK_DATA_END, TRAILER_LINES,
        BODY_UNTIL_EOF, FAILED
    }

    /** Bytes copied at a time from a direct buffer. */
    private static final int SCRATCH_BYTES = 1024;
    private static final long MAX_CHUNK_SIZE = 1L << 58;

    private final LineReader reader = new LineReader();
    /** The field line waiting for a possible obs-fold continuation, when it is a framing field. */
    private final KeptLine pending = new KeptLine();
    private final FramingFields fields = new FramingFields();
    private byte[] scratch;
    private int consumedTo;

    private State state;
    private boolean noBody;
    private boolean pendingInterpreted;
    private int status;
    private boolean http10;
    private boolean untilEof;
    private boolean teAndLength;
    private long remaining;
    private long sectionBytes;
    private long responseBytes;
    private String error;

    public ResponseParser() {
        reset();
    }

    /** Forgets the previous response; call after {@link ParseResult#COMPLETE} before feeding the next. */
    public void reset() {
        startMessage();
        responseBytes = 0;
        error = null;
    }

    /**
     * Whether the request this response answers was a HEAD (RFC 9112 §6.3 item 1: its response has no
     * body whatever its fields say). Holds for the following responses until changed.
     */
    public void expectNoBody(boolean head) {
        this.noBody = head;
    }

    /**
     * Consumes bytes from {@code buf} until a response completes, the buffer is empty or an error is
     * found. Heap buffers are parsed in place; direct buffers are copied through a small scratch
     * array (allocated once). After an {@link ParseResult#ERROR} every call returns ERROR again.
     */
    public ParseResult feed(ByteBuffer buf) {
        if (buf.hasArray()) {
            int off = buf.arrayOffset();
            ParseResult r = parse(buf.array(), buf.position() + off, buf.limit() + off);
            buf.position(consumedTo - off);
            return r;
        }
        if (scratch == null) {
            scratch = new byte[SCRATCH_BYTES];
        }
        while (buf.hasRemaining()) {
            int pos = buf.position();
            int n = Math.min(scratch.length, buf.remaining());
            buf.get(pos, scratch, 0, n);
            ParseResult r = parse(scratch, 0, n);
            buf.position(pos + consumedTo);
            if (r != ParseResult.NEED_MORE) {
                return r;
            }
        }
        return ParseResult.NEED_MORE;
    }

    /**
     * The server closed the connection. Completes a response whose body is delimited by the close
     * (RFC 9112 §6.3 item 8); any other response in progress is incomplete (item 6).
     */
    public ParseResult onEof() {
        if (state == State.BODY_UNTIL_EOF) {
            return ParseResult.COMPLETE;
        }
        return fail("connection closed mid-response");
    }

    /** True when no byte of the current response has been seen yet. */
    public boolean idle() {
        return state == State.STATUS_LINE && responseBytes == 0;
    }

    /** The status code of the last complete (or current) response. */
    public int status() {
        return status;
    }

    /** Whether the connection may carry another request after this response (RFC 9112 §9.3). */
    public boolean keepAlive() {
        if (untilEof || teAndLength || fields.closeOption) {
            return false;
        }
        return !http10 || fields.keepAliveOption;
    }

    /** Bytes of the current response consumed so far (interim responses, status line, fields, body). */
    public long responseBytes() {
        return responseBytes;
    }

    /** Why the last {@link ParseResult#ERROR} was returned, or {@code null}. */
    public String error() {
        return error;
    }

    /** Parses {@code a[from, to)}; leaves the index after the last byte consumed in {@link #consumedTo}. */
    private ParseResult parse(byte[] a, int from, int to) {
        int i = from;
        ParseResult r = state == State.FAILED ? ParseResult.ERROR : ParseResult.NEED_MORE;
        while (i < to && r == ParseResult.NEED_MORE) {
            switch (state) {
                case BODY_LENGTH, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, to - i);
                    i += n;
                    responseBytes += n;
                    remaining -= n;
                    if (remaining == 0) {
                        r = state == State.BODY_LENGTH ? ParseResult.COMPLETE : next(State.CHUNK_DATA_END);
                    }
                }
                case BODY_UNTIL_EOF -> {
                    responseBytes += to - i;
                    i = to;
                }
                default -> {
                    // never past the limit, so where an endless line fails does not depend on the reads
                    int stop = (int) Math.min(to, i + (MAX_SECTION_BYTES + 1 - sectionBytes));
                    int end = reader.scan(a, i, stop);
                    int consumed = (end < 0 ? stop : end) - i;
                    responseBytes += consumed;
                    sectionBytes += consumed;
                    i += consumed;
                    if (sectionBytes > MAX_SECTION_BYTES) {
                        r = fail("a header section, trailer section or chunk-size line over "
                                + MAX_SECTION_BYTES + " bytes");
                    } else if (end >= 0) {
                        r = line();
                        reader.clear();
                    }
                }
            }
        }
        consumedTo = i;
        return r;
    }

    /** A complete line in {@link #reader}. */
    private ParseResult line() {
        KeptLine l = reader.line;
        return switch (state) {
            case STATUS_LINE -> statusLine(l);
            case FIELD_LINES, TRAILER_LINES -> fieldLine(l);
            case CHUNK_SIZE_LINE -> chunkSizeLine(l);
            case CHUNK_DATA_END -> l.isEmpty() ? startSection(State.CHUNK_SIZE_LINE) : fail("no CRLF after chunk data");
            default -> fail("parser state " + state);
        };
    }

    private ParseResult statusLine(KeptLine l) {
        // HTTP-version SP status-code [SP reason-phrase] (RFC 9112 §4; the reason may be missing)
        if (l.length() < 12 || !startsWithHttp1(l) || l.at(8) != ' ') {
            return fail("not an HTTP/1.x status line");
        }
        http10 = l.at(7) == '0';
        int code = 0;
        for (int i = 9; i < 12; i++) {
            int d = l.at(i) - '0';
            if (d < 0 || d > 9) {
                return fail("bad status code");
            }
            code = code * 10 + d;
        }
        if ((l.length() > 12 && l.at(12) != ' ') || code < 100 || code > 599) {
            return fail("bad status code");
        }
        status = code;
        return next(State.FIELD_LINES);
    }

    private static boolean startsWithHttp1(KeptLine l) {
        return l.at(0) == 'H' && l.at(1) == 'T' && l.at(2) == 'T' && l.at(3) == 'P' && l.at(4) == '/'
                && l.at(5) == '1' && l.at(6) == '.' && l.at(7) >= '0' && l.at(7) <= '9';
    }

    /** A line of the header or the trailer section. */
    private ParseResult fieldLine(KeptLine l) {
        if (l.isEmpty()) {
            ParseResult r = endPendingField();
            if (r != ParseResult.NEED_MORE) {
                return r;
            }
            return state == State.TRAILER_LINES ? ParseResult.COMPLETE : endOfHeaders();
        }
        if (l.startsWithWhitespace()) {
            if (pendingInterpreted) {
                pending.unfold(l); // obs-fold (§5.2)
            }
            // with no field before it: whitespace after the start line, consumed unprocessed (§2.2)
            return ParseResult.NEED_MORE;
        }
        ParseResult r = endPendingField();
        if (r != ParseResult.NEED_MORE) {
            return r;
        }
        if (!reader.isFieldLine()) {
            return fail("a line that is not a field line");
        }
        pendingInterpreted = state == State.FIELD_LINES && reader.interpretedField();
        if (pendingInterpreted) {
            pending.copyOf(l);
        }
        return ParseResult.NEED_MORE;
    }

    /** The field waiting for a continuation has none: interpret it. */
    private ParseResult endPendingField() {
        boolean interpret = pendingInterpreted;
        pendingInterpreted = false;
        if (interpret) {
            String why = fields.field(pending);
            if (why != null) {
                return fail(why);
            }
        }
        return ParseResult.NEED_MORE;
    }

    /** The header section is complete: the message-length rules of RFC 9112 §6.3, in order. */
    private ParseResult endOfHeaders() {
        if (status < 200) {
            if (status == 101) {
                return fail("101 Switching Protocols without an Upgrade request");
            }
            startMessage(); // an interim response (100 Continue, 103 Early Hints): the final one follows
            return ParseResult.NEED_MORE;
        }
        if (noBody || status == 204 || status == 304) {
            return ParseResult.COMPLETE;
        }
        if (fields.transferEncoding) {
            if (http10) {
                return fail("Transfer-Encoding in an HTTP/1.0 response (faulty framing, RFC 9112 §6.1)");
            }
            teAndLength = fields.contentLength >= 0 || fields.contentLengthInvalid;
            if (fields.chunkedLast) {
                return startSection(State.CHUNK_SIZE_LINE);
            }
            untilEof = true;
            return next(State.BODY_UNTIL_EOF);
        }
        if (fields.contentLengthInvalid) {
            return fail("an invalid or disagreeing Content-Length (RFC 9112 §6.3 item 5)");
        }
        if (fields.contentLength == 0) {
            return ParseResult.COMPLETE;
        }
        if (fields.contentLength > 0) {
            remaining = fields.contentLength;
            return next(State.BODY_LENGTH);
        }
        untilEof = true;
        return next(State.BODY_UNTIL_EOF);
    }

    private ParseResult chunkSizeLine(KeptLine l) {
        // chunk-size [BWS ";" chunk-ext] (RFC 9112 §7.1, §7.1.1)
        int n = l.length();
        int i = 0;
        long size = 0;
        while (i < n && Character.digit(l.at(i), 16) >= 0) {
            if (size > MAX_CHUNK_SIZE) {
                return fail("chunk size overflow");
            }
            size = size * 16 + Character.digit(l.at(i), 16);
            i++;
        }
        int rest = l.skipWhitespace(i);
        if (i == 0 || (rest < n && l.at(rest) != ';') || (rest == n && l.truncated())) {
            return fail("bad chunk size");
        }
        if (size == 0) {
            return startSection(State.TRAILER_LINES);
        }
        remaining = size;
        return next(State.CHUNK_DATA);
    }

    /** Starts the next response after an interim one: everything but the bytes counted so far. */
    private void startMessage() {
        state = State.STATUS_LINE;
        reader.clear();
        fields.reset();
        pendingInterpreted = false;
        status = 0;
        http10 = false;
        untilEof = false;
        teAndLength = false;
        remaining = 0;
        sectionBytes = 0;
    }

    private ParseResult startSection(State s) {
        sectionBytes = 0;
        return next(s);
    }

    private ParseResult next(State s) {
        state = s;
        return ParseResult.NEED_MORE;
    }

    private ParseResult fail(String why) {
        error = why;
        state = State.FAILED;
        return ParseResult.ERROR;
    }
}
