package mpmbench.server.http;

import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.request.RequestBody;
import mpmbench.server.http.response.Response;

/**
 * A test handler that answers every request with what the parser made of it, so a test can compare
 * the parse with the request it generated: method, path, query, version, whether the connection may
 * be kept, and the body (kept for every request). 200 text/plain.
 */
final class DigestHandler implements RequestHandler {

    static String digest(String method, CharSequence path, CharSequence query, boolean http11, boolean keepAlive,
                         CharSequence body) {
        return method + " " + path + " ?" + query + " " + (http11 ? "HTTP/1.1" : "HTTP/1.0")
                + (keepAlive ? " keep " : " close ") + body.length() + ":" + body;
    }

    @Override
    public boolean wantsBody(HttpRequest head) {
        return true;
    }

    @Override
    public void handle(HttpRequest request, Response response) {
        RequestBody body = request.body();
        String text = digest(request.method().name(), request.path(), request.query(), request.http11(),
                request.keepAliveRequested(),
                new String(body.array(), 0, body.length(), java.nio.charset.StandardCharsets.ISO_8859_1));
        response.text().append(text);
        response.sendText();
    }
}
