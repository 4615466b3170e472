package mpmbench.server.http;

/**
 * What the connection loop calls for each complete request. Implementations describe the response in
 * the given {@link Response}; the loop writes it. One instance may serve many threads at once, so
 * implementations keep no per-request state of their own.
 */
public interface RequestHandler {

    /**
     * Handles one request on the calling thread (may block, e.g. a simulated backend call).
     *
     * @throws AnswerAndKeepException to answer with an error status and keep the connection (a bad
     *                                parameter of a well-framed request)
     * @throws AnswerAndCloseException to answer with an error status and close the connection
     * @throws RuntimeException        any other: answered with 500, then the connection closes
     */
    void handle(HttpRequest request, Response response);

    /** Asked once the head is read: whether to keep the body in {@link HttpRequest#body()}. */
    default boolean wantsBody(HttpRequest head) {
        return false;
    }
}
