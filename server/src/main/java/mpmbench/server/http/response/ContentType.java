package mpmbench.server.http.response;

import java.nio.charset.StandardCharsets;

/** The media types the endpoints answer with, as ready-made header lines. */
public enum ContentType {
    TEXT_PLAIN("text/plain"),
    OCTET_STREAM("application/octet-stream");

    final byte[] headerLine;

    ContentType(String value) {
        headerLine = ("Content-Type: " + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
