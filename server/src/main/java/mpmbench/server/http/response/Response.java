package mpmbench.server.http.response;

import java.nio.ByteBuffer;

import mpmbench.server.http.ascii.AsciiBuilder;
import mpmbench.server.http.request.HttpRequest;

/**
 * What a {@link mpmbench.server.http.RequestHandler} answers, described rather than written: status,
 * type and a body that is a slice of an array, a repeating read-only pattern, or the request's own
 * body passed through.
 * The connection loop then writes it, adding Date, Server, the framing (Content-Length, or chunked)
 * and the Connection headers, and, for a response with validators, turning it into the 304, 412, 206
 * or 416 the request's conditions ask for. A HEAD request gets the same description and the loop
 * leaves the body out.
 *
 * <p>One per serving thread, reused for every request; the arrays and buffers handed in must stay
 * unchanged until the request is answered (constants, the request body, {@link #text()}).
 */
public final class Response {

    private static final byte[] NO_BODY = new byte[0];

    private final AsciiBuilder text = new AsciiBuilder();
    private int status;
    private ContentType type;
    private byte[] body;
    private int bodyOffset;
    private int bodyLength;
    private ByteBuffer pattern;
    private long patternLength;
    private byte[] allow;
    private byte[] lastModified;
    private long lastModifiedSecond;
    private byte[] etag;
    private long rangeFirst;
    private long rangeLast;
    private long rangeTotal;
    private boolean relayBody;
    private boolean closeConnection;

    public Response() {
        reset();
    }

    public void reset() {
        status = 200;
        type = ContentType.TEXT_PLAIN;
        body = null;
        bodyOffset = 0;
        bodyLength = 0;
        pattern = null;
        patternLength = 0;
        allow = null;
        lastModified = null;
        etag = null;
        rangeTotal = -1;
        relayBody = false;
        closeConnection = false;
        text.clear();
    }

    /**
     * Closes the connection after this response ({@code Connection: close}), whatever keep-alive
     * would allow; e.g. a child that stops gracefully answers each connection's next request so.
     */
    public void closeConnection() {
        closeConnection = true;
    }

    /** True when {@link #closeConnection()} was called for this response. */
    public boolean closesConnection() {
        return closeConnection;
    }

    /** 200 with {@code length} bytes of {@code bytes} from {@code offset}. */
    public void send(ContentType contentType, byte[] bytes, int offset, int length) {
        status = 200;
        type = contentType;
        body = bytes;
        bodyOffset = offset;
        bodyLength = length;
        pattern = null;
        relayBody = false;
    }

    /**
     * 200 whose content is the request's own body, passed on as the loop reads it (the handler must
     * have asked for it with {@link mpmbench.server.http.RequestHandler#streamsBody}): framed by the
     * same Content-Length as the request, or chunked when the request was (close-delimited to an
     * HTTP/1.0 client).
     */
    public void sendRequestBody(ContentType contentType, HttpRequest request) {
        status = 200;
        type = contentType;
        body = null;
        pattern = null;
        relayBody = true;
        patternLength = request.chunked() ? -1 : Math.max(0, request.contentLength());
    }

    /**
     * 200 with {@code length} bytes taken from {@code repeating} over and over, from its position to its
     * limit; the buffer is shared read-only and never modified (the loop reads a duplicate of it).
     */
    public void sendRepeating(ContentType contentType, ByteBuffer repeating, long length) {
        if (!repeating.hasRemaining() && length > 0) {
            throw new IllegalArgumentException("empty pattern");
        }
        status = 200;
        type = contentType;
        body = null;
        pattern = repeating;
        patternLength = length;
        relayBody = false;
    }

    /** A cleared text buffer to build a body in; answer it with {@link #sendText()}. */
    public AsciiBuilder text() {
        text.clear();
        return text;
    }

    /** 200 text/plain with what was built in {@link #text()}. */
    public void sendText() {
        send(ContentType.TEXT_PLAIN, text.array(), 0, text.length());
    }

    /**
     * An error status with {@code text} as its text body, e.g. mod_ssl's reason for a 400; the
     * array must stay unchanged (a constant).
     */
    public void error(int errorStatus, byte[] text) {
        error(errorStatus);
        body = text;
        bodyOffset = 0;
        bodyLength = text.length;
    }

    /** An error status with its short text body (the loop closes the connection after a 5xx). */
    public void error(int errorStatus) {
        if (errorStatus < 400 || errorStatus > 599) {
            throw new IllegalArgumentException("not an error status: " + errorStatus);
        }
        byte[] b = HttpStatus.errorBody(errorStatus);
        send(ContentType.TEXT_PLAIN, b, 0, b.length);
        status = errorStatus;
        allow = null;
        lastModified = null;
        etag = null;
        rangeTotal = -1;
    }

    /** 405 with an {@code Allow} header whose value is {@code allowedMethods} (ASCII, e.g. "GET, HEAD"). */
    public void methodNotAllowed(byte[] allowedMethods) {
        error(405);
        allow = allowedMethods;
    }

    /** 200 with no body and an {@code Allow} header of {@code allowedMethods}: the answer to OPTIONS. */
    public void options(byte[] allowedMethods) {
        send(ContentType.TEXT_PLAIN, NO_BODY, 0, 0);
        allow = allowedMethods;
    }

    /**
     * Adds the headers httpd sends for a static file: {@code Last-Modified}, {@code ETag} (values as
     * ASCII bytes, the ETag with its quotes) and {@code Accept-Ranges: bytes}. What they advertise is
     * honoured: the loop then evaluates the request's preconditions (RFC 9110 13) and a Range (14)
     * against them, so the body described must be the whole representation.
     *
     * @param lastModifiedEpochSecond the Last-Modified time, in seconds since the epoch
     */
    public void staticFile(long lastModifiedEpochSecond, byte[] lastModifiedValue, byte[] etagValue) {
        lastModifiedSecond = lastModifiedEpochSecond;
        lastModified = lastModifiedValue;
        etag = etagValue;
    }

    /** 304 Not Modified: no content; the ETag stays, as RFC 9110 15.4.5 asks (and httpd sends). */
    void notModified() {
        status = 304;
        body = NO_BODY;
        bodyOffset = 0;
        bodyLength = 0;
        pattern = null;
    }

    /** 206 with bytes {@code [first, last]} of the array body of {@code total} bytes, and its Content-Range. */
    void partial(long first, long last, long total) {
        status = 206;
        bodyOffset += (int) first;
        bodyLength = (int) (last - first + 1);
        rangeFirst = first;
        rangeLast = last;
        rangeTotal = total;
    }

    /** 416 with {@code Content-Range: bytes *}{@code /total} (RFC 9110 15.5.17). */
    void rangeNotSatisfiable(long total) {
        error(416);
        rangeTotal = total;
        rangeFirst = -1;
    }

    public int status() {
        return status;
    }

    ContentType type() {
        return type;
    }

    /** Body length in bytes, as announced in Content-Length; -1 for a chunked relay of the request body. */
    public long bodyLength() {
        return pattern != null || relayBody ? patternLength : bodyLength;
    }

    /** True when the content is the request body, passed on as it is read ({@link #sendRequestBody}). */
    public boolean relaysRequestBody() {
        return relayBody;
    }

    public byte[] body() {
        return body;
    }

    public int bodyOffset() {
        return bodyOffset;
    }

    public ByteBuffer pattern() {
        return pattern;
    }

    byte[] allow() {
        return allow;
    }

    public byte[] lastModified() {
        return lastModified;
    }

    byte[] etag() {
        return etag;
    }

    long lastModifiedSecond() {
        return lastModifiedSecond;
    }

    /** True when the body is a slice of an array (a range of it can be served). */
    boolean arrayBody() {
        return body != null;
    }

    /** The Content-Range's total length, or -1 when there is no Content-Range. */
    long rangeTotal() {
        return rangeTotal;
    }

    /** The first byte of the Content-Range, or -1 for an unsatisfied range ({@code *}). */
    long rangeFirst() {
        return rangeFirst;
    }

    long rangeLast() {
        return rangeLast;
    }
}
