package mpmbench.server.http;

import java.nio.ByteBuffer;

/**
 * What a {@link RequestHandler} answers, described rather than written: status, type and a body that
 * is a slice of an array or a repeating read-only pattern. The connection loop then writes it, adding
 * Date, Server, Content-Length and the Connection headers. A HEAD request gets the same description
 * and the loop leaves the body out.
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
    private byte[] etag;
    private boolean closeConnection;

    Response() {
        reset();
    }

    void reset() {
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
     * ASCII bytes, the ETag with its quotes) and {@code Accept-Ranges: bytes}.
     */
    public void staticFile(byte[] lastModifiedValue, byte[] etagValue) {
        lastModified = lastModifiedValue;
        etag = etagValue;
    }

    public int status() {
        return status;
    }

    ContentType type() {
        return type;
    }

    /** Body length in bytes, as announced in Content-Length. */
    long bodyLength() {
        return pattern != null ? patternLength : bodyLength;
    }

    byte[] body() {
        return body;
    }

    int bodyOffset() {
        return bodyOffset;
    }

    ByteBuffer pattern() {
        return pattern;
    }

    byte[] allow() {
        return allow;
    }

    byte[] lastModified() {
        return lastModified;
    }

    byte[] etag() {
        return etag;
    }
}
