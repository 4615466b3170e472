package mpmbench.server.http.request;

/**
 * Answer with {@link #status()} and close the connection: what follows on the stream cannot be
 * framed or trusted (bad syntax, ambiguous framing, a limit exceeded before the body was read, or a
 * handler that cannot go on). The connection writes the answer with {@code Connection: close}, sends
 * FIN and drains what the client still sends for a bounded time (a lingering close, as httpd does),
 * so the client reads the answer rather than a reset.
 *
 * <p>Thrown by the parser for every malformed request (RFC 9112 asks for 400 and a close where the
 * framing is in doubt), and by handlers that must not keep the connection.
 */
public final class AnswerAndCloseException extends AnswerException {

    /**
     * @param status an HTTP status of 400 or more
     * @param reason why, for logs and tests (never sent to the client)
     */
    public AnswerAndCloseException(int status, String reason) {
        super(status, reason);
    }
}
