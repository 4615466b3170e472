package mpmbench.server.handler;

import mpmbench.server.http.ContentType;
import mpmbench.server.http.HttpRequest;
import mpmbench.server.http.Response;

/** {@code POST /echo}: answers the request body (Content-Length or chunked) as application/octet-stream. */
final class Echo implements Endpoint {

    @Override
    public void handle(HttpRequest request, Response response) {
        response.send(ContentType.OCTET_STREAM, request.body().array(), 0, request.body().length());
    }
}
