package mpmbench.server.handler;

import mpmbench.server.http.StatusPage;
import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.Response;

/**
 * {@code GET /server-status} and {@code /server-status?auto}: the scoreboard rendered by a
 * {@link StatusPage}, as text/plain. Allocates (a StringBuilder per request): not a hot path.
 */
final class ServerStatus implements Endpoint {

    private final StatusPage page;

    ServerStatus(StatusPage page) {
        this.page = page;
    }

    @Override
    public void handle(HttpRequest request, Response response) {
        StringBuilder sb = new StringBuilder(1024);
        page.render(request.query().contentEquals("auto"), sb);
        response.text().append(sb);
        response.sendText();
    }
}
