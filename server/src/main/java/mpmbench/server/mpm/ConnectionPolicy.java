package mpmbench.server.mpm;

import java.util.function.BooleanSupplier;

import mpmbench.server.http.RequestHandler;
import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.Response;

/**
 * What a child adds around the endpoints for one serving loop: {@code /server-status} answers only
 * loopback clients (403 for others) unless ServerStatusRemote is On, as httpd's
 * {@code <Location /server-status> Require local}; and once the child stops gracefully every
 * response closes its connection, so a kept-alive client learns of the stop from an answer instead
 * of a close racing its next request.
 *
 * <p>One per serving loop, used by the loop's thread; {@link #client} is set before each serve.
 */
final class ConnectionPolicy implements RequestHandler {

    private static final String STATUS_PATH = "/server-status";

    private final RequestHandler endpoints;
    private final boolean statusForAll;
    private final BooleanSupplier stopping;
    private boolean remoteClient;

    ConnectionPolicy(RequestHandler endpoints, boolean statusForAll, BooleanSupplier stopping) {
        this.endpoints = endpoints;
        this.statusForAll = statusForAll;
        this.stopping = stopping;
    }

    /** The client of the connection served next: true when it is not a loopback address. */
    void client(boolean remote) {
        this.remoteClient = remote;
    }

    @Override
    public void handle(HttpRequest request, Response response) {
        if (remoteClient && !statusForAll && request.path().contentEquals(STATUS_PATH)) {
            response.error(403);
        } else {
            endpoints.handle(request, response);
        }
        if (stopping.getAsBoolean()) {
            response.closeConnection();
        }
    }

    @Override
    public boolean wantsBody(HttpRequest head) {
        return endpoints.wantsBody(head);
    }

    @Override
    public boolean streamsBody(HttpRequest head) {
        return endpoints.streamsBody(head);
    }

    @Override
    public int refusalFromHead(HttpRequest head) {
        if (remoteClient && !statusForAll && head.path().contentEquals(STATUS_PATH)) {
            return 403;
        }
        return endpoints.refusalFromHead(head);
    }
}
