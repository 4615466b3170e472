package mpmbench.server.http;

import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.Response;

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

    /**
     * Asked once the head is read: true when {@link #handle} is to be called before the body is read
     * and answers with {@link Response#sendRequestBody}; the loop then passes the body on as it
     * arrives, in constant memory, whatever its size.
     */
    default boolean streamsBody(HttpRequest head) {
        return false;
    }

    /**
     * Asked before {@code 100 Continue} would be sent: the status of a refusal the head alone decides
     * (404 unknown target, 405 method not allowed, 403), or 0 when the request may go on. A refused
     * request is answered by {@link #handle} at once, as RFC 9110 10.1.1 asks, its body is never
     * read, and its connection closes.
     */
    default int refusalFromHead(HttpRequest head) {
        return 0;
    }
}
