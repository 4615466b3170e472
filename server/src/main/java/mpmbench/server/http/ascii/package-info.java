/**
 * ASCII without Strings, for the hot path: {@link mpmbench.server.http.ascii.AsciiView}, a reusable
 * window onto bytes read as a {@code CharSequence} (a request's path and query); {@link
 * mpmbench.server.http.ascii.AsciiBuilder}, a reusable buffer for small bodies built per request;
 * {@code Ascii}, the byte classes of RFC 9110's grammar (tchar, whitespace, digits) and case-blind
 * comparison; {@code Numbers}, decimals written as bytes.
 *
 * <p>Uses nothing of the server. Static helpers are stateless; a view or builder belongs to one
 * thread. Nothing here allocates in the steady state.
 */
package mpmbench.server.http.ascii;
