package mpmbench.server.http;

/**
 * The request cannot be served: the connection answers with {@link #status()} and a short text body,
 * then closes (lingering briefly so the client reads the answer rather than a reset).
 *
 * <p>Thrown by the parser on bad input and by handlers on bad parameters. Carries no stack trace:
 * it is an answer to a client, not a bug report, and a flood of bad requests must stay cheap.
 */
public final class HttpErrorException extends RuntimeException {

    private final int status;

    /**
     * @param status an HTTP status of 400 or more
     * @param reason why, for logs and tests (never sent to the client)
     */
    public HttpErrorException(int status, String reason) {
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
