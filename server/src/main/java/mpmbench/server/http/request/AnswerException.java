package mpmbench.server.http.request;

/**
 * A request that is answered with an error status instead of being served. The subclass says what
 * happens to the connection afterwards, as Helidon's web server names its exceptions:
 * {@link AnswerAndCloseException} (the rest of the stream cannot be trusted) or
 * {@link AnswerAndKeepException} (the request was well framed; the next one may follow).
 * A connection that cannot answer at all is a {@link mpmbench.server.http.ConnectionDiedException}.
 *
 * <p>Carries no stack trace: it is an answer to a client, not a bug report, and a flood of bad
 * requests must stay cheap.
 */
public abstract sealed class AnswerException extends RuntimeException
        permits AnswerAndCloseException, AnswerAndKeepException {

    private final int status;

    /**
     * @param status an HTTP status of 400 or more
     * @param reason why, for logs and tests (never sent to the client)
     */
    AnswerException(int status, String reason) {
        super(status + " " + reason, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
    }

    /** The status the connection answers with. */
    public int status() {
        return status;
    }
}
