/**
 * The answer to a request: {@link mpmbench.server.http.response.Response}, described by a handler
 * (status, type, a body that is a slice of an array, a repeating pattern or the request's own body)
 * and written by the connection loop; {@code ResponseEncoder}, its head in httpd's order without
 * allocation, with {@code HttpStatus}'s ready-made status lines and error bodies and
 * {@code ContentType}'s header lines; {@link mpmbench.server.http.response.HttpDate}, the Date
 * header re-encoded at most once a second and the HTTP-dates a request carries. For a 200 with
 * validators ({@code Response.staticFile}), {@code Preconditions} evaluates the request's conditions
 * in RFC 9110 13.2.2's order and {@code EntityTags} and {@code ByteRanges} do their parts: 304, 412,
 * 206 or 416.
 *
 * <p>May use {@code http.request} and {@code http.ascii}; nothing else of the server. A
 * {@code Response} belongs to one connection loop (its loop-facing accessors are public for that loop
 * only: handlers describe, they never reset or read back); {@code HttpDate} and the encoder are
 * shared by every thread.
 */
package mpmbench.server.http.response;
