package mpmbench.server.http.request;

/**
 * The request methods the parser knows. A method token outside this set is answered with 501 by the
 * parser; a known method that a path does not support is answered with 405 by the router.
 */
public enum Method {
    GET, HEAD, POST, PUT, DELETE, OPTIONS, TRACE, PATCH, CONNECT;

    private static final Method[] ALL = values();

    private final byte[] ascii = name().getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The method whose name is exactly {@code len} bytes of {@code b} at {@code off}, or null. */
    static Method match(byte[] b, int off, int len) {
        for (Method m : ALL) {
            if (m.ascii.length == len && java.util.Arrays.equals(m.ascii, 0, len, b, off, off + len)) {
                return m;
            }
        }
        return null;
    }
}
