package mpmbench.server.http.response;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import mpmbench.server.http.ascii.Numbers;

/**
 * Writes a response head (status line and headers, in httpd's order) into a ByteBuffer, allocating
 * nothing. Stateless apart from the shared {@link HttpDate}; safe for any number of threads.
 *
 * <p>Connection headers follow httpd: {@code Connection: close} when the connection closes after the
 * response; for a kept-alive HTTP/1.0 connection {@code Keep-Alive: timeout=T, max=N} and
 * {@code Connection: Keep-Alive} (HTTP/1.1 keeps alive by default, so nothing is sent there).
 */
public final class ResponseEncoder {

    /** Room a head needs at most, in bytes, for the constant headers this server sends. */
    public static final int MAX_HEAD = 1024;

    private static final byte[] DATE = ascii("Date: ");
    private static final byte[] SERVER = ascii("\r\nServer: mpmbench/0.1\r\n");
    private static final byte[] LAST_MODIFIED = ascii("Last-Modified: ");
    private static final byte[] ETAG = ascii("ETag: ");
    private static final byte[] ACCEPT_RANGES = ascii("Accept-Ranges: bytes\r\n");
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] CONTENT_RANGE = ascii("Content-Range: bytes ");
    private static final byte[] TRANSFER_CHUNKED = ascii("Transfer-Encoding: chunked\r\n");
    private static final byte[] ALLOW = ascii("Allow: ");
    private static final byte[] KEEP_ALIVE_TIMEOUT = ascii("Keep-Alive: timeout=");
    private static final byte[] KEEP_ALIVE_MAX = ascii(", max=");
    private static final byte[] CONNECTION_KEEP_ALIVE = ascii("Connection: Keep-Alive\r\n");
    private static final byte[] CONNECTION_CLOSE = ascii("Connection: close\r\n");
    private static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");

    private final HttpDate date;

    public ResponseEncoder(HttpDate date) {
        this.date = date;
    }

    /**
     * Writes the head of {@code r}.
     *
     * @param keepAlive           whether the connection stays open after this response
     * @param http10              whether the request was HTTP/1.0 (keep-alive must then be announced)
     * @param keepAliveSeconds    KeepAliveTimeout in whole seconds, for the Keep-Alive header
     * @param requestsLeft        requests the connection may still carry, or -1 for no limit
     * @return bytes written
     */
    public int writeHead(ByteBuffer out, Response r, boolean keepAlive, boolean http10, long keepAliveSeconds,
                  int requestsLeft) {
        int start = out.position();
        out.put(HttpStatus.statusLine(r.status()));
        out.put(DATE);
        date.put(out);
        out.put(SERVER);
        boolean notModified = r.status() == 304;
        if (r.lastModified() != null) {
            // a 304 carries the ETag alone of these, as httpd's does (RFC 9110 15.4.5 asks for it)
            if (!notModified) {
                out.put(LAST_MODIFIED).put(r.lastModified()).put((byte) '\r').put((byte) '\n');
            }
            out.put(ETAG).put(r.etag()).put((byte) '\r').put((byte) '\n');
            if (!notModified) {
                out.put(ACCEPT_RANGES);
            }
        }
        long length = r.bodyLength();
        if (length >= 0 && !notModified) {
            // a 304 has no content, and a Content-Length there would have to be the 200's (RFC 9110 8.6)
            out.put(CONTENT_LENGTH);
            Numbers.putDecimal(out, length);
            crlf(out);
        } else if (length < 0 && !http10) {
            out.put(TRANSFER_CHUNKED);
        }
        if (r.rangeTotal() >= 0) {
            out.put(CONTENT_RANGE);
            if (r.rangeFirst() < 0) {
                out.put((byte) '*');
            } else {
                Numbers.putDecimal(out, r.rangeFirst());
                out.put((byte) '-');
                Numbers.putDecimal(out, r.rangeLast());
            }
            out.put((byte) '/');
            Numbers.putDecimal(out, r.rangeTotal());
            crlf(out);
        }
        if (r.allow() != null) {
            out.put(ALLOW).put(r.allow());
            crlf(out);
        }
        if (!keepAlive) {
            out.put(CONNECTION_CLOSE);
        } else if (http10) {
            out.put(KEEP_ALIVE_TIMEOUT);
            Numbers.putDecimal(out, keepAliveSeconds);
            if (requestsLeft >= 0) {
                out.put(KEEP_ALIVE_MAX);
                Numbers.putDecimal(out, requestsLeft);
            }
            crlf(out);
            out.put(CONNECTION_KEEP_ALIVE);
        }
        if (!notModified) {
            out.put(r.type().headerLine);
        }
        crlf(out);
        return out.position() - start;
    }

    /** Writes the interim {@code 100 Continue} response. */
    public static void writeContinue(ByteBuffer out) {
        out.put(CONTINUE);
    }

    private static void crlf(ByteBuffer out) {
        out.put((byte) '\r').put((byte) '\n');
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
