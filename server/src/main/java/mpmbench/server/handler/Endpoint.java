package mpmbench.server.handler;

import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.Response;

/** One workload endpoint; stateless, shared by every serving thread. */
interface Endpoint {

    /** Answers a request whose path and method the {@link Router} already matched. */
    void handle(HttpRequest request, Response response);
}
