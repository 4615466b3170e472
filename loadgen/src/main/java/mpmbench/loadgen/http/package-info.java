/**
 * HTTP/1.1 on bytes alone: the target URL ({@link mpmbench.loadgen.http.Target}), requests encoded once
 * before the run ({@link mpmbench.loadgen.http.RequestEncoder}), and the incremental response parser
 * ({@link mpmbench.loadgen.http.ResponseParser}, RFC 9112) that is fed whatever the socket gave and never
 * touches a socket itself, so it is tested by feeding it bytes. Nothing here allocates per response.
 *
 * <p>May use: no other package of the generator; the JDK.
 */
package mpmbench.loadgen.http;
