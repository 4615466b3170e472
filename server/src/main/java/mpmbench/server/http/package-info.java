/**
 * HTTP/1.1 as a server speaks it, the same code under every concurrency model: the connection loop
 * ({@link mpmbench.server.http.Http1Connection}) over a two-method socket contract
 * ({@link mpmbench.server.http.io.ChannelIo}, a selector-backed and a blocking implementation); the
 * request parser working on bytes alone ({@code RequestParser}, with {@code RequestLine},
 * {@code HeaderFields}, {@code ChunkLine}, {@code UriSyntax}); the response described by handlers
 * and encoded without allocation ({@code Response}, {@code ResponseEncoder}, {@code BodyWriter},
 * {@code BodyRelay}); the semantics a static file's validators promise ({@code Preconditions},
 * {@code EntityTags}, {@code ByteRanges}, {@code HttpDate}); and how a connection ends, named by
 * exceptions ({@code AnswerAndCloseException}, {@code AnswerAndKeepException},
 * {@code ConnectionDiedException}) and by {@link mpmbench.server.http.Outcome}, with httpd's
 * lingering close ({@link mpmbench.server.http.io.LingeringClose}).
 *
 * <p>Nothing here knows processes, threads or the scoreboard: a model hands a socket to a loop and
 * owns closing it. Rules and their RFC sections are listed in {@code server/CONFORMANCE.md}.
 */
package mpmbench.server.http;
