package mpmbench.server.handler;

import java.nio.ByteBuffer;

import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.ContentType;
import mpmbench.server.http.response.Response;

/**
 * {@code GET /bytes?n=N}: N bytes (0 to {@link #MAX_BYTES}) of application/octet-stream, streamed in
 * slices of one shared read-only 64 KiB pattern; nothing is allocated per request.
 */
final class Bytes implements Endpoint {

    /** The largest N, in bytes: 1 GiB. */
    static final long MAX_BYTES = 1L << 30;

    private static final ByteBuffer PATTERN = pattern();

    @Override
    public void handle(HttpRequest request, Response response) {
        long n = QueryNumbers.get(request.query(), "n", MAX_BYTES);
        response.sendRepeating(ContentType.OCTET_STREAM, PATTERN, n);
    }

    /** Printable bytes, so a body read by a person or a test is recognisable. */
    private static ByteBuffer pattern() {
        ByteBuffer b = ByteBuffer.allocateDirect(64 * 1024);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_\n";
        for (int i = 0; b.hasRemaining(); i++) {
            b.put((byte) alphabet.charAt(i % alphabet.length()));
        }
        return b.flip().asReadOnlyBuffer();
    }
}
