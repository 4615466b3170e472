/**
 * A request as RFC 9112 frames it, read from bytes alone: {@link
 * mpmbench.server.http.request.RequestParser} is fed whatever arrived and says how far the request
 * got, never touching a socket (so tests feed it raw bytes, bad ones included); the grammar is split
 * by part, each file quoting the ABNF it checks: {@code RequestLine} (RFC 9112 3), {@code UriSyntax}
 * (RFC 3986 for the target and Host), {@code HeaderFields} (RFC 9112 5, trailers too),
 * {@code ChunkLine} (7.1). What it yields is {@link mpmbench.server.http.request.HttpRequest}, a
 * reusable view with its {@code Method}, its kept {@code RequestBody} and the
 * {@code ConditionalFields} a static file's answer evaluates later; {@code HttpLimits} are httpd's
 * LimitRequest* directives.
 *
 * <p>A request that cannot be served is answered, named by what happens to the connection next:
 * {@link mpmbench.server.http.request.AnswerAndCloseException} (the parser, for every malformed
 * request; or a handler) and {@link mpmbench.server.http.request.AnswerAndKeepException} (a handler,
 * for a well-framed request it refuses).
 *
 * <p>May use {@code http.ascii}; nothing else of the server. A parser and its request belong to one
 * serving thread and are reused for every request on it; parsing allocates nothing.
 */
package mpmbench.server.http.request;
