package mpmbench.loadgen.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The server a run talks to, parsed once from an {@code http://host[:port][/path][?query]} or
 * {@code https://…} URL (TLS, default port 443).
 * The host is resolved here, before any timed window starts, so no DNS lookup happens during a run.
 * A path or query outside ASCII is sent percent-encoded as UTF-8, and a character no URL may hold is
 * refused here, before the run ({@link UrlText}), so the request line is ASCII.
 *
 * @param url          the URL as given
 * @param address      the resolved socket address every connection connects to
 * @param hostHeader   the value of the {@code Host} header ({@code host} or {@code host:port})
 * @param pathAndQuery the request target sent on the request line (at least {@code /}), ASCII only
 * @param tls          {@code https://}: every connection talks TLS
 * @param serverName   the host name a TLS client names in SNI and verifies the certificate against, as
 *                     the URL gives it; {@code null} for an IP literal (RFC 6066 §3: SNI holds no address)
 */
public record Target(String url, InetSocketAddress address, String hostHeader, String pathAndQuery, boolean tls,
                     String serverName) {

    /**
     * Parses and resolves a URL.
     *
     * @throws IllegalArgumentException with a one-line message naming the URL and what is accepted
     */
    public static Target parse(String url) {
        URI uri;
        try {
            uri = new URI(UrlText.toAscii(url));
        } catch (IllegalArgumentException e) {
            throw bad(url, e.getMessage());
        } catch (URISyntaxException e) {
            throw bad(url, e.getReason());
        }
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        if (!tls && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw bad(url, "only http:// and https:// are supported");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw bad(url, "no host");
        }
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw bad(url, "cannot resolve host '" + host + "'");
        }
        String hostHeader = uri.getPort() == -1 ? host : host + ":" + port;
        return new Target(url, address, hostHeader, path, tls, ipLiteral(host) ? null : host);
    }

    /** Whether the URL's host is an address ({@code 127.0.0.1}, {@code [::1]}) rather than a name. */
    private static boolean ipLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(ch -> ch == '.' || (ch >= '0' && ch <= '9'));
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException("invalid URL '" + url + "': " + why
                + " (expected http://host[:port][/path] or https://…)");
    }
}
