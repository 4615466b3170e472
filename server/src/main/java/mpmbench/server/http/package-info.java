/**
 * HTTP/1.1 as a server speaks it, the same code under every concurrency model. This package holds the
 * connection loop ({@link mpmbench.server.http.Http1Connection}) and what a model hands it or gets
 * back: the state a connection carries between requests ({@code ConnectionState}), httpd's timeouts
 * ({@code ConnectionTimeouts}), the observer that keeps a scoreboard slot current
 * ({@code ConnectionObserver}), how the loop left the connection ({@link mpmbench.server.http.Outcome}),
 * the endpoints' contract ({@code RequestHandler}, {@code StatusPage}), and the loop's own body
 * writers ({@code BodyWriter}; {@code BodyRelay}, which streams a request body back as /echo's
 * answer). Below it, one job per package:
 * <ul>
 *   <li>{@code http.request}: RFC 9112's grammar, parsed from bytes alone (never a socket), the
 *       request it yields, and the answers that refuse one ({@code AnswerAndCloseException},
 *       {@code AnswerAndKeepException});</li>
 *   <li>{@code http.response}: the response a handler describes, its encoding without allocation,
 *       and what a static file's validators promise (conditional requests, ranges, HTTP-dates);</li>
 *   <li>{@code http.io}: the two-method socket contract ({@link mpmbench.server.http.io.ChannelIo}),
 *       its selector-backed and blocking implementations, and httpd's lingering close;</li>
 *   <li>{@code http.ascii}: bytes read as chars, and numbers written as bytes, without Strings.</li>
 * </ul>
 * A connection that died is a {@link mpmbench.server.http.ConnectionDiedException}; the loop turns
 * each way a connection ends into an {@code Outcome}.
 *
 * <p>Nothing here knows processes, threads or the scoreboard: a model hands a socket to a loop and
 * owns closing it. The subpackages never use this one (request and response use ascii, response uses
 * request). One loop per serving thread; serving /hello on a kept-alive connection allocates nothing.
 * Rules and their RFC sections are listed in {@code server/CONFORMANCE.md}.
 */
package mpmbench.server.http;
