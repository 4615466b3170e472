package mpmbench.server.http.request;

/**
 * Size limits on what a client may send, with httpd's directive names and defaults.
 *
 * @param requestLine   LimitRequestLine: bytes in the request line, CRLF excluded (414 beyond it)
 * @param fieldSize     LimitRequestFieldSize: bytes in one header line (431 beyond it)
 * @param fields        LimitRequestFields: number of header lines (431 beyond it)
 * @param requestBody   LimitRequestBody: bytes of a request body (413 beyond it); 0 = unlimited, as in httpd
 */
public record HttpLimits(int requestLine, int fieldSize, int fields, long requestBody) {

    /** httpd 2.4's compiled-in defaults (LimitRequestBody is 1 GiB since 2.4.54). */
    public static final HttpLimits DEFAULTS = new HttpLimits(8190, 8190, 100, 1L << 30);

    /** The most body bytes a request may carry: {@code requestBody}, or no limit when it is 0. */
    public long maxBody() {
        return requestBody == 0 ? Long.MAX_VALUE : requestBody;
    }

    public HttpLimits {
        if (requestLine < 64 || fieldSize < 64 || fields < 1 || requestBody < 0) {
            throw new IllegalArgumentException("limits out of range: " + requestLine + ", " + fieldSize
                    + ", " + fields + ", " + requestBody);
        }
    }
}
