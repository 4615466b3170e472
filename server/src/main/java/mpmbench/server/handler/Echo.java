package mpmbench.server.handler;

import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.ContentType;
import mpmbench.server.http.response.Response;

/**
 * {@code POST /echo}: answers the request body (Content-Length or chunked) as application/octet-stream,
 * streamed through as it is read ({@link Response#sendRequestBody}): a body larger than the heap is
 * served in constant memory, and the answer's framing follows the request's.
 */
final class Echo implements Endpoint {

    @Override
    public void handle(HttpRequest request, Response response) {
        response.sendRequestBody(ContentType.OCTET_STREAM, request);
    }
}
