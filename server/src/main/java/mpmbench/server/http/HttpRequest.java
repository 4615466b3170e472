package mpmbench.server.http;

/**
 * The request the parser has just read: a reusable, allocation-free view owned by one
 * {@link RequestParser} and filled again for every request on its thread. Read it while handling the
 * request; never keep it or its {@link AsciiView}s beyond that.
 */
public final class HttpRequest {

    private final byte[] target;
    private final AsciiView path = new AsciiView();
    private final AsciiView query = new AsciiView();
    private final RequestBody body = new RequestBody();
    private Method method;
    private boolean http11;
    private boolean hasHost;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private long contentLength;
    private boolean chunked;
    private boolean expectContinue;

    HttpRequest(int maxTargetBytes) {
        target = new byte[maxTargetBytes];
        clear();
    }

    void clear() {
        method = null;
        http11 = false;
        hasHost = false;
        connectionClose = false;
        connectionKeepAlive = false;
        contentLength = -1;
        chunked = false;
        expectContinue = false;
        path.set(target, 0, 0);
        query.set(target, 0, 0);
        body.clear();
    }

    /** The method; never null once the request line was read. */
    public Method method() {
        return method;
    }

    /** The path of the target, still percent-encoded, without the query; {@code *} for OPTIONS *. */
    public AsciiView path() {
        return path;
    }

    /** The query after {@code ?}, still encoded; empty when there is none. */
    public AsciiView query() {
        return query;
    }

    /** True for HTTP/1.1, false for HTTP/1.0. */
    public boolean http11() {
        return http11;
    }

    public boolean hasHost() {
        return hasHost;
    }

    /** The {@code close} token was among the Connection header's tokens. */
    public boolean connectionClose() {
        return connectionClose;
    }

    /** The {@code keep-alive} token was among the Connection header's tokens. */
    public boolean connectionKeepAlive() {
        return connectionKeepAlive;
    }

    /** True when the client wants the connection kept open: HTTP/1.1 unless close, 1.0 only if asked. */
    public boolean keepAliveRequested() {
        return http11 ? !connectionClose : connectionKeepAlive && !connectionClose;
    }

    /** Content-Length in bytes, or -1 when absent. */
    public long contentLength() {
        return contentLength;
    }

    /** Transfer-Encoding: chunked. */
    public boolean chunked() {
        return chunked;
    }

    /** True when a body follows the head (chunked, or a Content-Length above zero). */
    public boolean hasBody() {
        return chunked || contentLength > 0;
    }

    /** Expect: 100-continue. */
    public boolean expectContinue() {
        return expectContinue;
    }

    /** The body, when the handler asked to keep it; empty otherwise. */
    public RequestBody body() {
        return body;
    }

    void method(Method m) {
        method = m;
    }

    void version(boolean isHttp11) {
        http11 = isHttp11;
    }

    /** Copies the target and splits it at the first {@code ?}; {@code pathStart} skips an authority. */
    void target(byte[] line, int off, int len, int pathStart) {
        System.arraycopy(line, off, target, 0, len);
        int q = pathStart;
        while (q < len && target[q] != '?') {
            q++;
        }
        path.set(target, pathStart, q - pathStart);
        query.set(target, Math.min(q + 1, len), Math.max(0, len - q - 1));
    }

    /** Sets the path to {@code /} for an absolute-form target without one. */
    void rootPath() {
        target[0] = '/';
        path.set(target, 0, 1);
        query.set(target, 0, 0);
    }

    void host() {
        hasHost = true;
    }

    void connectionClose(boolean v) {
        connectionClose |= v;
    }

    void connectionKeepAlive(boolean v) {
        connectionKeepAlive |= v;
    }

    void contentLength(long n) {
        contentLength = n;
    }

    void chunked(boolean v) {
        chunked = v;
    }

    void expectContinue(boolean v) {
        expectContinue = v;
    }
}
