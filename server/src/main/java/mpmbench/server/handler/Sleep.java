package mpmbench.server.handler;

import mpmbench.server.http.request.AnswerAndCloseException;
import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.Response;

/**
 * {@code GET /sleep?ms=N}: blocks the serving thread N ms (at most {@link #MAX_MS}) with
 * {@link Thread#sleep}, like a call to a slow backend; a platform thread is held, a virtual one parks.
 */
final class Sleep implements Endpoint {

    /** The longest sleep, in ms. */
    static final long MAX_MS = 60_000;

    @Override
    public void handle(HttpRequest request, Response response) {
        long ms = QueryNumbers.get(request.query(), "ms", MAX_MS);
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnswerAndCloseException(503, "interrupted while sleeping");
        }
        response.text().append("slept ").append(ms).append(" ms\n");
        response.sendText();
    }
}
