package mpmbench.server.http.request;

import mpmbench.server.http.ascii.AsciiView;

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
    private final ConditionalFields conditionals;
    private Method method;
    private boolean http11;
    private boolean hasHost;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private long contentLength;
    private boolean chunked;
    private int transferCodings;
    private int chunkedCodings;
    private boolean expectContinue;
    private boolean expectOther;
    private boolean hostEmpty;
    private boolean framingFaulty;

    HttpRequest(int maxTargetBytes, int conditionalBytes) {
        target = new byte[maxTargetBytes];
        conditionals = new ConditionalFields(conditionalBytes);
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
        transferCodings = 0;
        chunkedCodings = 0;
        expectContinue = false;
        expectOther = false;
        hostEmpty = false;
        framingFaulty = false;
        path.set(target, 0, 0);
        query.set(target, 0, 0);
        body.clear();
        conditionals.clear();
    }

    /** The method; never null once the request line was read. */
    public Method method() {
        return method;
    }

    /**
     * The path of the target, still percent-encoded, without the query; {@code *} for OPTIONS *, empty
     * for the authority-form of CONNECT.
     */
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

    /**
     * True when the connection may carry another request after this one: HTTP/1.1 unless close, 1.0
     * only if asked, and never after an HTTP/1.0 message with Transfer-Encoding, whose framing RFC 9112
     * 6.1 tells a server to distrust (processed, answered, then closed).
     */
    public boolean keepAliveRequested() {
        return !framingFaulty && (http11 ? !connectionClose : connectionKeepAlive && !connectionClose);
    }

    /** Content-Length in bytes, or -1 when absent. */
    public long contentLength() {
        return contentLength;
    }

    /** Transfer-Encoding ends with chunked: the body is read as chunks. */
    public boolean chunked() {
        return chunked;
    }

    /** Transfer codings listed, over every Transfer-Encoding line (0 when there is no such field). */
    int transferCodings() {
        return transferCodings;
    }

    /** How many of the transfer codings are chunked. */
    int chunkedCodings() {
        return chunkedCodings;
    }

    /** An Expect field asked for something other than 100-continue. */
    boolean expectOther() {
        return expectOther;
    }

    /** The Host field is there but empty. */
    boolean hostEmpty() {
        return hostEmpty;
    }

    /** The framing is not to be trusted beyond this message (RFC 9112 6.1): close after answering. */
    boolean framingFaulty() {
        return framingFaulty;
    }

    /** True when a body follows the head (chunked, or a Content-Length above zero). */
    public boolean hasBody() {
        return chunked || contentLength > 0;
    }

    /** Expect: 100-continue. */
    public boolean expectContinue() {
        return expectContinue;
    }

    /**
     * The If-* and Range fields, evaluated by {@link mpmbench.server.http.response.Preconditions}
     * against a response's validators.
     */
    public ConditionalFields conditionals() {
        return conditionals;
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

    /**
     * Copies the target and splits it: the path is {@code [pathStart, queryAt)} (pathStart skips an
     * authority), the query follows the "?" at {@code queryAt}, or is empty when {@code queryAt == len}.
     */
    void target(byte[] line, int off, int len, int pathStart, int queryAt) {
        System.arraycopy(line, off, target, 0, len);
        path.set(target, pathStart, queryAt - pathStart);
        query.set(target, Math.min(queryAt + 1, len), Math.max(0, len - queryAt - 1));
    }

    /**
     * Sets the path to {@code /} for an absolute-form target without one; {@code line[off, off+len)}
     * is empty or "?query".
     */
    void rootPath(byte[] line, int off, int len) {
        target[0] = '/';
        System.arraycopy(line, off, target, 1, len);
        target(target, 0, len + 1, 0, 1);
    }

    /** An authority-form target (CONNECT): no path, no query. */
    void authorityForm() {
        path.set(target, 0, 0);
        query.set(target, 0, 0);
    }

    void host(boolean empty) {
        hasHost = true;
        hostEmpty = empty;
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

    /** One more transfer coding, in order; the last one decides whether the body is chunked. */
    void transferCoding(boolean isChunked) {
        transferCodings++;
        if (isChunked) {
            chunkedCodings++;
        }
        chunked = isChunked;
    }

    void markExpectContinue() {
        expectContinue = true;
    }

    void markExpectOther() {
        expectOther = true;
    }

    void markFramingFaulty() {
        framingFaulty = true;
    }
}
