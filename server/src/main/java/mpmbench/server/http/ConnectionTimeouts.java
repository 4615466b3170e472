package mpmbench.server.http;

/**
 * How long a connection may wait, and how many requests it may carry; httpd's directives.
 *
 * @param keepAlive            KeepAlive: whether a connection may carry more than one request
 * @param keepAliveTimeoutMs   KeepAliveTimeout in ms: idle wait for the next request, then a silent close
 * @param maxKeepAliveRequests MaxKeepAliveRequests: requests per connection, 0 = unlimited
 * @param timeoutMs            Timeout in ms: wait for the rest of a started request (then 408) or for a
 *                             write to make progress (then close)
 */
public record ConnectionTimeouts(boolean keepAlive, long keepAliveTimeoutMs, int maxKeepAliveRequests,
                                 long timeoutMs) {

    public static final ConnectionTimeouts DEFAULTS = new ConnectionTimeouts(true, 5_000, 100, 60_000);
}
