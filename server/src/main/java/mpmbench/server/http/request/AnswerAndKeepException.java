package mpmbench.server.http.request;

/**
 * Answer with {@link #status()} and keep the connection for the next request: the request was well
 * framed (its body, if any, is read or discarded), only its content is refused, such as a bad query
 * parameter. The connection stays open under the usual keep-alive rules, as in httpd.
 *
 * <p>Thrown by handlers; the parser never throws it.
 */
public final class AnswerAndKeepException extends AnswerException {

    /**
     * @param status an HTTP status of 400 or more
     * @param reason why, for logs and tests (never sent to the client)
     */
    public AnswerAndKeepException(int status, String reason) {
        super(status, reason);
    }
}
