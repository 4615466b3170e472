package mpmbench.server.handler;

import java.nio.charset.StandardCharsets;

import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.ContentType;
import mpmbench.server.http.response.HttpDate;
import mpmbench.server.http.response.Response;

/**
 * {@code GET /hello}: the 13 bytes {@code Hello, World!} as text/plain, with the validators httpd
 * sends for a static file (Last-Modified, ETag, Accept-Ranges) so the response head is about the size
 * of the Apache and nginx peers' for the same 13-byte file. The "file" dates from the start. What
 * the validators advertise is honoured as httpd does for a file: conditional requests get 304 or
 * 412, a single byte range 206 or 416 (the connection loop evaluates them, see Response#staticFile).
 */
final class Hello implements Endpoint {

    static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private final long lastModifiedSecond;
    private final byte[] lastModified;
    private final byte[] etag;

    Hello(long startMs) {
        lastModifiedSecond = startMs / 1000;
        lastModified = HttpDate.encode(lastModifiedSecond);
        // httpd's default ETag: size and mtime in microseconds, in hex
        etag = ("\"" + Long.toHexString(BODY.length) + "-" + Long.toHexString(startMs / 1000 * 1_000_000) + "\"")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void handle(HttpRequest request, Response response) {
        response.send(ContentType.TEXT_PLAIN, BODY, 0, BODY.length);
        response.staticFile(lastModifiedSecond, lastModified, etag);
    }
}
