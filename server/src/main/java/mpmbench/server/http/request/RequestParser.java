package mpmbench.server.http.request;

import java.nio.ByteBuffer;

/**
 * Incremental HTTP/1.1 request parser working on bytes alone: feed it whatever arrived, it consumes
 * what it can and says how far the request got. It never touches a socket, so blocking and
 * non-blocking code use it alike, and tests feed it raw bytes.
 *
 * <p>Usage, per request: {@link #reset()}, then {@link #parse} on each batch of bytes until it answers
 * {@link Result#COMPLETE}. When a body follows the head it first answers {@link Result#HEAD_COMPLETE}
 * once, so the caller may {@link #keepBody keep the body}, {@link #streamBody stream it} (each decoded
 * piece is then handed out as a {@link Result#BODY_DATA} slice of the caller's buffer) or send
 * {@code 100 Continue}; otherwise the body is consumed and discarded, which keeps keep-alive framing
 * right. After COMPLETE the bytes of pipelined requests stay in the buffer, from its position on.
 *
 * <p>It follows RFC 9112 as a server receiving requests, with the statuses of httpd's default
 * {@code HttpProtocolOptions Strict}; {@code server/CONFORMANCE.md} lists every rule. Lines end with
 * CRLF: a bare LF or CR is a 400 (RFC 9112 2.2 lets a server accept a bare LF; httpd's Strict mode
 * does not, and neither do we). A few empty lines before a request-line are skipped (2.2). The
 * request-line is {@link RequestLine}'s, field lines are {@link HeaderFields}', chunk-size lines
 * {@link ChunkLine}'s. At the end of the head: an HTTP/1.1 request without Host or with an empty
 * one is 400 (3.2); Transfer-Encoding not ending in chunked, chunked twice, or beside Content-Length
 * is 400 (6.1, 6.3); any other transfer coding is 501 (6.1); an Expect other than 100-continue is
 * 417 (RFC 9110 10.1.1); HTTP/1.0 with Transfer-Encoding is read, answered and then closed (6.1).
 * Limits: 414 request-line over LimitRequestLine, 431 a field line over LimitRequestFieldSize or more
 * than LimitRequestFields lines (per section), 413 a body over LimitRequestBody (at the head when
 * Content-Length says so) or overhead over its allowance (below).
 *
 * <p>Work per byte of body is bounded: chunk-size lines beyond {@value #CHUNK_LINE_ALLOWANCE} bytes
 * (long extensions, padding zeros) and the trailer section are overhead the server reads and throws
 * away, and a request may carry at most LimitRequestFieldSize bytes of it plus one byte per byte of
 * chunk data; beyond that it is 413. So a client cannot make the server read megabytes of ignored
 * text to deliver a few bytes.
 *
 * <p>Every error is an {@link AnswerAndCloseException}. Single-threaded: one parser per serving
 * thread, reused across requests and connections; it allocates nothing per request (a kept body
 * grows its buffer only past its largest size so far).
 */
public final class RequestParser {

    /** How far the current request got. */
    public enum Result {
        /** Every byte given was consumed; feed more. */
        NEED_MORE,
        /** The head is complete and a body follows; call parse again to read it. */
        HEAD_COMPLETE,
        /**
         * Streamed body bytes (after {@link #streamBody}) are at {@link #bodySliceStart()} in the
         * buffer, {@link #bodySliceLength()} of them: use them before the next parse or refill.
         */
        BODY_DATA,
        /** The request is complete; pipelined bytes after it remain in the buffer. */
        COMPLETE
    }

    private enum State { REQUEST_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private static final int MAX_EMPTY_LINES = 8;
    /** Bytes of a chunk-size line with its CRLF that are not counted as overhead. */
    static final int CHUNK_LINE_ALLOWANCE = 16;

    private final HttpLimits limits;
    private final HttpRequest request;
    private final byte[] line;
    private int lineLength;
    private boolean sawCr;
    private boolean lineDone;
    private State state;
    private int emptyLines;
    private int fieldLines;
    private long bodyLeft;
    private long bodyTotal;
    private long overhead;
    private boolean keepBody;
    private boolean streamBody;
    private int sliceStart;
    private int sliceLength;
    private boolean started;

    public RequestParser(HttpLimits limits) {
        this.limits = limits;
        this.request = new HttpRequest(limits.requestLine(), limits.fieldSize());
        this.line = new byte[Math.max(limits.requestLine(), limits.fieldSize())];
        reset();
    }

    /** The request being parsed; the same object for every request. */
    public HttpRequest request() {
        return request;
    }

    /** Forgets the previous request; bytes still in the caller's buffer are not touched. */
    public void reset() {
        request.clear();
        state = State.REQUEST_LINE;
        lineLength = 0;
        sawCr = false;
        lineDone = false;
        emptyLines = 0;
        fieldLines = 0;
        bodyLeft = 0;
        bodyTotal = 0;
        overhead = 0;
        keepBody = false;
        streamBody = false;
        sliceLength = 0;
        started = false;
    }

    /** True once a byte of the current request was consumed (a timeout then earns a 408). */
    public boolean started() {
        return started;
    }

    /**
     * Keep the body of the current request in {@link HttpRequest#body()}; call after HEAD_COMPLETE.
     *
     * @throws AnswerAndCloseException 413 when Content-Length says it is more than a body kept in
     *                                 memory may be ({@link RequestBody#MAX_KEPT}), before reading it
     */
    public void keepBody(boolean keep) {
        if (keep && request.contentLength() > RequestBody.MAX_KEPT) {
            throw new AnswerAndCloseException(413, "body over what a handler may keep in memory");
        }
        keepBody = keep;
    }

    /**
     * Hand the body of the current request out as {@link Result#BODY_DATA} slices instead of keeping
     * or discarding it, so it can be passed on in constant memory; call after HEAD_COMPLETE.
     */
    public void streamBody() {
        streamBody = true;
    }

    /** Where the last {@link Result#BODY_DATA} slice starts: an index into the buffer given to parse. */
    public int bodySliceStart() {
        return sliceStart;
    }

    /** Bytes in the last {@link Result#BODY_DATA} slice. */
    public int bodySliceLength() {
        return sliceLength;
    }

    /**
     * Consumes bytes of {@code buf} from its position: all of them unless the request completes, or a
     * streamed body slice is handed out ({@link Result#BODY_DATA}), first.
     *
     * @throws AnswerAndCloseException on bad input; the connection answers with its status and closes
     */
    public Result parse(ByteBuffer buf) {
        if (buf.hasRemaining()) {
            started = true;
        }
        sliceLength = 0;
        for (;;) {
            switch (state) {
                case REQUEST_LINE -> {
                    if (!takeLine(buf, limits.requestLine(), 414)) {
                        return Result.NEED_MORE;
                    }
                    if (lineLength == 0) {
                        if (++emptyLines > MAX_EMPTY_LINES) {
                            throw new AnswerAndCloseException(400, "empty lines instead of a request");
                        }
                        continue;
                    }
                    RequestLine.parse(line, lineLength, request);
                    state = State.HEADERS;
                }
                case HEADERS -> {
                    if (!takeLine(buf, limits.fieldSize(), 431)) {
                        return Result.NEED_MORE;
                    }
                    if (lineLength > 0) {
                        if (++fieldLines > limits.fields()) {
                            throw new AnswerAndCloseException(431, "too many header lines");
                        }
                        HeaderFields.parse(line, lineLength, request);
                    } else if (endOfHead()) {
                        return Result.HEAD_COMPLETE;
                    } else {
                        return Result.COMPLETE;
                    }
                }
                case BODY, CHUNK_DATA -> {
                    boolean all = takeBody(buf);
                    if (all) {
                        state = state == State.BODY ? State.DONE : State.CHUNK_END;
                    }
                    if (sliceLength > 0) {
                        return Result.BODY_DATA;
                    }
                    if (!all) {
                        return Result.NEED_MORE;
                    }
                }
                case CHUNK_SIZE -> {
                    if (!takeLine(buf, limits.fieldSize(), 400)) {
                        return Result.NEED_MORE;
                    }
                    chunkSize(ChunkLine.size(line, lineLength));
                }
                case CHUNK_END -> {
                    if (!takeLine(buf, 0, 400)) {
                        return Result.NEED_MORE;
                    }
                    state = State.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    if (!takeLine(buf, limits.fieldSize(), 431)) {
                        return Result.NEED_MORE;
                    }
                    if (lineLength == 0) {
                        state = State.DONE;
                    } else if (++fieldLines > limits.fields()) {
                        throw new AnswerAndCloseException(431, "too many trailer lines");
                    } else {
                        HeaderFields.check(line, lineLength);
                        overhead(lineLength + 2);
                    }
                }
                case DONE -> {
                    return Result.COMPLETE;
                }
            }
        }
    }

    /** Checks the head as a whole; true when a body follows. */
    private boolean endOfHead() {
        if (request.http11() && (!request.hasHost() || request.hostEmpty())) {
            throw new AnswerAndCloseException(400, "HTTP/1.1 request without a Host");
        }
        if (request.transferCodings() > 0) {
            if (!request.chunked() || request.chunkedCodings() > 1) {
                throw new AnswerAndCloseException(400, "Transfer-Encoding not ending in one chunked");
            }
            if (request.contentLength() >= 0) {
                throw new AnswerAndCloseException(400, "both Content-Length and Transfer-Encoding");
            }
            if (request.transferCodings() > 1) {
                throw new AnswerAndCloseException(501, "transfer coding other than chunked");
            }
            if (!request.http11()) {
                request.markFramingFaulty();
            }
        }
        if (request.contentLength() > limits.maxBody()) {
            throw new AnswerAndCloseException(413, "Content-Length over LimitRequestBody");
        }
        if (request.expectOther()) {
            throw new AnswerAndCloseException(417, "expectation other than 100-continue");
        }
        fieldLines = 0;
        if (request.chunked()) {
            state = State.CHUNK_SIZE;
            return true;
        }
        if (request.contentLength() > 0) {
            bodyLeft = request.contentLength();
            state = State.BODY;
            return true;
        }
        state = State.DONE;
        return false;
    }

    private void chunkSize(long size) {
        overhead(lineLength + 2 - CHUNK_LINE_ALLOWANCE);
        if (size > limits.maxBody() - bodyTotal) {
            throw new AnswerAndCloseException(413, "chunked body over LimitRequestBody");
        }
        bodyLeft = size;
        state = size == 0 ? State.TRAILERS : State.CHUNK_DATA;
    }

    /** Counts bytes read only to be thrown away; they may exceed LimitRequestFieldSize only by the body bytes. */
    private void overhead(int bytes) {
        if (bytes > 0) {
            overhead += bytes;
            if (overhead > limits.fieldSize() + bodyTotal) {
                throw new AnswerAndCloseException(413, "chunk extensions and trailers over their allowance");
            }
        }
    }

    /** Consumes body bytes of the current message or chunk; true when all of them arrived. */
    private boolean takeBody(ByteBuffer buf) {
        int n = (int) Math.min(bodyLeft, buf.remaining());
        if (streamBody) {
            sliceStart = buf.position();
            sliceLength = n;
            buf.position(sliceStart + n);
        } else if (keepBody) {
            request.body().append(buf, n);
        } else {
            buf.position(buf.position() + n);
        }
        bodyLeft -= n;
        bodyTotal += n;
        return bodyLeft == 0;
    }

    /**
     * Moves one line's bytes (CRLF excluded) into {@code line}.
     *
     * @return true when the line is complete; false when the buffer ran dry first
     */
    private boolean takeLine(ByteBuffer buf, int max, int overflowStatus) {
        if (lineDone) {
            lineDone = false;
            lineLength = 0;
        }
        int pos = buf.position();
        int limit = buf.limit();
        try {
            while (pos < limit) {
                byte b = buf.get(pos++);
                if (sawCr) {
                    if (b != '\n') {
                        throw new AnswerAndCloseException(400, "bare CR");
                    }
                    sawCr = false;
                    lineDone = true;
                    return true;
                }
                if (b == '\r') {
                    sawCr = true;
                } else if (b == '\n') {
                    throw new AnswerAndCloseException(400, "bare LF");
                } else if (lineLength >= max) {
                    throw new AnswerAndCloseException(overflowStatus, "line over its limit of " + max);
                } else {
                    line[lineLength++] = b;
                }
            }
            return false;
        } finally {
            buf.position(pos);
        }
    }
}
