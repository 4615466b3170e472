package mpmbench.server.http;

import java.nio.ByteBuffer;

/**
 * Incremental HTTP/1.1 request parser working on bytes alone: feed it whatever arrived, it consumes
 * what it can and says how far the request got. It never touches a socket, so blocking and
 * non-blocking code use it alike, and tests feed it raw bytes.
 *
 * <p>Usage, per request: {@link #reset()}, then {@link #parse} on each batch of bytes until it answers
 * {@link Result#COMPLETE}. When a body follows the head it first answers {@link Result#HEAD_COMPLETE}
 * once, so the caller may {@link #keepBody keep the body} or send {@code 100 Continue}; otherwise the
 * body is consumed and discarded, which keeps keep-alive framing right. After COMPLETE the bytes of
 * pipelined requests stay in the buffer, from its position on.
 *
 * <p>Lines must end with CRLF: a bare LF or bare CR is a 400 (stricter than RFC 9112 allows, as
 * httpd's default {@code HttpProtocolOptions Strict}; it leaves no room for request-smuggling games).
 * Empty lines before a request line are skipped (a few of them). Bad input raises
 * {@link HttpErrorException} with the status to answer: 400 syntax, 414 request line over
 * LimitRequestLine, 431 header line over LimitRequestFieldSize or more than LimitRequestFields lines,
 * 413 body over LimitRequestBody (at the head when Content-Length says so), 501 unknown method,
 * 505 a well-formed version other than 1.0 and 1.1.
 *
 * <p>Single-threaded: one parser per serving thread, reused across requests and connections; it
 * allocates nothing per request (a kept body grows its buffer only past its largest size so far).
 */
public final class RequestParser {

    /** How far the current request got. */
    public enum Result {
        /** Every byte given was consumed; feed more. */
        NEED_MORE,
        /** The head is complete and a body follows; call parse again to read it. */
        HEAD_COMPLETE,
        /** The request is complete; pipelined bytes after it remain in the buffer. */
        COMPLETE
    }

    private enum State { REQUEST_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private static final int MAX_EMPTY_LINES = 8;

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
    private boolean keepBody;
    private boolean started;

    public RequestParser(HttpLimits limits) {
        this.limits = limits;
        this.request = new HttpRequest(limits.requestLine());
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
        keepBody = false;
        started = false;
    }

    /** True once a byte of the current request was consumed (a timeout then earns a 408). */
    public boolean started() {
        return started;
    }

    /** Keep the body of the current request in {@link HttpRequest#body()}; call after HEAD_COMPLETE. */
    public void keepBody(boolean keep) {
        keepBody = keep;
    }

    /**
     * Consumes bytes of {@code buf} from its position: all of them unless the request completes first.
     *
     * @throws HttpErrorException on bad input; the connection must answer with its status and close
     */
    public Result parse(ByteBuffer buf) {
        if (buf.hasRemaining()) {
            started = true;
        }
        for (;;) {
            switch (state) {
                case REQUEST_LINE -> {
                    if (!takeLine(buf, limits.requestLine(), 414)) {
                        return Result.NEED_MORE;
                    }
                    if (lineLength == 0) {
                        if (++emptyLines > MAX_EMPTY_LINES) {
                            throw new HttpErrorException(400, "empty lines instead of a request");
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
                            throw new HttpErrorException(431, "too many header lines");
                        }
                        HeaderFields.parse(line, lineLength, request);
                    } else if (endOfHead()) {
                        return Result.HEAD_COMPLETE;
                    } else {
                        return Result.COMPLETE;
                    }
                }
                case BODY, CHUNK_DATA -> {
                    if (!takeBody(buf)) {
                        return Result.NEED_MORE;
                    }
                    state = state == State.BODY ? State.DONE : State.CHUNK_END;
                }
                case CHUNK_SIZE -> {
                    if (!takeLine(buf, limits.fieldSize(), 400)) {
                        return Result.NEED_MORE;
                    }
                    chunkSize();
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
                        throw new HttpErrorException(431, "too many trailer lines");
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
        if (request.http11() && !request.hasHost()) {
            throw new HttpErrorException(400, "HTTP/1.1 request without Host");
        }
        if (request.chunked() && request.contentLength() >= 0) {
            throw new HttpErrorException(400, "both Content-Length and Transfer-Encoding");
        }
        if (request.contentLength() > limits.maxBody()) {
            throw new HttpErrorException(413, "Content-Length over LimitRequestBody");
        }
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

    private void chunkSize() {
        long size = 0;
        int i = 0;
        for (; i < lineLength && Ascii.hexDigit(line[i]) >= 0; i++) {
            if (i == 15) {
                throw new HttpErrorException(400, "chunk size overflows");
            }
            size = size << 4 | Ascii.hexDigit(line[i]);
        }
        int j = i;
        while (j < lineLength && Ascii.isWhite(line[j])) {
            j++;
        }
        if (i == 0 || (j < lineLength && line[j] != ';')) {
            throw new HttpErrorException(400, "bad chunk size");
        }
        if (bodyTotal + size > limits.maxBody()) {
            throw new HttpErrorException(413, "chunked body over LimitRequestBody");
        }
        bodyLeft = size;
        state = size == 0 ? State.TRAILERS : State.CHUNK_DATA;
    }

    /** Consumes body bytes of the current message or chunk; true when all of them arrived. */
    private boolean takeBody(ByteBuffer buf) {
        int n = (int) Math.min(bodyLeft, buf.remaining());
        if (keepBody) {
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
                        throw new HttpErrorException(400, "bare CR");
                    }
                    sawCr = false;
                    lineDone = true;
                    return true;
                }
                if (b == '\r') {
                    sawCr = true;
                } else if (b == '\n') {
                    throw new HttpErrorException(400, "bare LF");
                } else if (lineLength >= max) {
                    throw new HttpErrorException(overflowStatus, "line over its limit of " + max);
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
