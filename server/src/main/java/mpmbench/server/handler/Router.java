package mpmbench.server.handler;

import java.nio.charset.StandardCharsets;

import mpmbench.server.http.RequestHandler;
import mpmbench.server.http.StatusPage;
import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.request.Method;
import mpmbench.server.http.response.Response;

/**
 * The workload endpoints, identical for every model: {@code GET /hello}, {@code GET /bytes?n=N},
 * {@code GET /cpu?iters=N}, {@code GET /sleep?ms=N}, {@code POST /echo}, {@code GET /server-status}
 * (and {@code ?auto}). HEAD works wherever GET does.
 *
 * <p>{@code OPTIONS *} (RFC 9112 3.2.4, the server as a whole) is 200 with an {@code Allow} header naming
 * every method some path serves; CONNECT (authority-form, RFC 9112 3.2.3) is 405 with the same header,
 * as httpd answers without mod_proxy: this server opens no tunnels.
 *
 * <p>Unknown paths are 404 whatever the method. A known path asked with another method the parser
 * knows (PUT, DELETE, OPTIONS, TRACE, PATCH, or GET on /echo) is 405 with an {@code Allow}
 * header, because the resource exists and the method is merely not one it supports; 501 stays for
 * methods the server does not know at all, answered by the parser. Paths are compared as sent
 * (no percent-decoding, no dot-segment removal): the load generator sends them plainly.
 *
 * <p>Thread-safe and stateless per request: one router serves every thread of a process. Matching a
 * path compares chars in place and allocates nothing.
 */
public final class Router implements RequestHandler {

    private static final byte[] ALLOW_GET = "GET, HEAD".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ALLOW_POST = "POST".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ALLOW_SERVER = "GET, HEAD, POST, OPTIONS".getBytes(StandardCharsets.US_ASCII);

    private record Route(String path, boolean post, Endpoint endpoint) { }

    private final Route[] routes;
    private final CpuPlant plant;

    /** @param statusPage renders {@code /server-status}; {@link StatusPage#NONE} when there is no scoreboard */
    public Router(StatusPage statusPage) {
        this(statusPage, CpuPlant.NONE);
    }

    /**
     * @param plant CPU work added to every request before it is routed ({@code MpmbenchPlantCpu}, a
     *              calibration tool); {@link CpuPlant#NONE} when off
     */
    public Router(StatusPage statusPage, CpuPlant plant) {
        this(statusPage, System.currentTimeMillis(), plant);
    }

    Router(StatusPage statusPage, long startMs) {
        this(statusPage, startMs, CpuPlant.NONE);
    }

    private Router(StatusPage statusPage, long startMs, CpuPlant plant) {
        this.plant = plant;
        routes = new Route[] {
            new Route("/hello", false, new Hello(startMs)),
            new Route("/bytes", false, new Bytes()),
            new Route("/cpu", false, new Cpu()),
            new Route("/sleep", false, new Sleep()),
            new Route("/echo", true, new Echo()),
            new Route("/server-status", false, new ServerStatus(statusPage, plant)),
        };
    }

    @Override
    public void handle(HttpRequest request, Response response) {
        plant.consume();
        if (request.method() == Method.CONNECT) {
            response.methodNotAllowed(ALLOW_SERVER);
            return;
        }
        if (request.method() == Method.OPTIONS && request.path().contentEquals("*")) {
            response.options(ALLOW_SERVER);
            return;
        }
        Route route = find(request);
        if (route == null) {
            response.error(404);
        } else if (!allowed(route, request.method())) {
            response.methodNotAllowed(route.post ? ALLOW_POST : ALLOW_GET);
        } else {
            route.endpoint.handle(request, response);
        }
    }

    /**
     * Only POST /echo reads its body, and streams it through (a body of any size in constant memory);
     * every other body is discarded as it arrives.
     */
    @Override
    public boolean streamsBody(HttpRequest head) {
        Route route = find(head);
        return route != null && route.post && head.method() == Method.POST;
    }

    /** 404 and 405 are decided by the head alone, so {@code Expect: 100-continue} gets them at once. */
    @Override
    public int refusalFromHead(HttpRequest head) {
        if (head.method() == Method.CONNECT) {
            return 405;
        }
        if (head.method() == Method.OPTIONS && head.path().contentEquals("*")) {
            return 0;
        }
        Route route = find(head);
        if (route == null) {
            return 404;
        }
        return allowed(route, head.method()) ? 0 : 405;
    }

    private Route find(HttpRequest request) {
        for (Route r : routes) {
            if (request.path().contentEquals(r.path)) {
                return r;
            }
        }
        return null;
    }

    private static boolean allowed(Route route, Method method) {
        return route.post ? method == Method.POST : method == Method.GET || method == Method.HEAD;
    }
}
