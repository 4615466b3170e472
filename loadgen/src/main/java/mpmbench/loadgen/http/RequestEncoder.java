package mpmbench.loadgen.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes the one request a run sends, once, before the run starts. The I/O threads only ever
 * write these bytes again; nothing is encoded per request.
 */
public final class RequestEncoder {

    private RequestEncoder() {
    }

    /**
     * Encodes {@code GET <path> HTTP/1.1} with a {@code Host} header, the extra headers as given
     * ({@code "Name: value"}, a user-supplied {@code Host} replaces ours) and, without keep-alive,
     * {@code Connection: close}.
     */
    public static byte[] encodeGet(Target target, List<String> headers, boolean keepAlive) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("GET ").append(target.pathAndQuery()).append(" HTTP/1.1\r\n");
        boolean hostGiven = headers.stream().anyMatch(h -> h.regionMatches(true, 0, "host:", 0, 5));
        if (!hostGiven) {
            sb.append("Host: ").append(target.hostHeader()).append("\r\n");
        }
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        if (!keepAlive) {
            sb.append("Connection: close\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code copies} requests back to back, so a pipelined batch is one write. */
    public static byte[] repeat(byte[] request, int copies) {
        byte[] out = new byte[request.length * copies];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(request, 0, out, i * request.length, request.length);
        }
        return out;
    }
}
