package mpmbench.server.config;

import java.net.InetAddress;

/**
 * The value of {@code Listen}: {@code port}, {@code host:port} or {@code [ipv6]:port}, optionally
 * followed by httpd's protocol argument, {@code http} or {@code https} ({@code Listen 8443 https}).
 * As in httpd, the protocol names what the port speaks; TLS itself is switched on by
 * {@code SSLEngine on}, and {@code https} without it is refused.
 *
 * <p>Only a loopback or wildcard address is accepted, written as a literal IP ({@code 127.0.0.1},
 * {@code 0.0.0.0}, {@code ::1}, {@code ::}) or as {@code localhost}: the benchmark must not bind to a
 * public interface by accident, and a host name other than {@code localhost} would need a DNS look-up
 * at start. A bare port binds to 127.0.0.1 (httpd would bind to every address; we prefer loopback).
 *
 * @param host the address as written, without IPv6 brackets
 * @param port 0..65535; 0 lets the kernel pick a free port
 * @param protocol {@code http}, {@code https}, or empty when not written
 */
public record Listen(String host, int port, String protocol) {

    /** The default address: loopback, httpd's usual port 80 moved to an unprivileged 8080. */
    public static final Listen DEFAULT = new Listen("127.0.0.1", 8080);

    static final String ACCEPTED = "must be PORT or HOST:PORT with PORT 0..65535 and HOST a loopback or"
            + " wildcard address (127.0.0.1, localhost, 0.0.0.0, [::1], [::]), optionally followed by http or https";

    /** An address without a protocol argument. */
    public Listen(String host, int port) {
        this(host, port, "");
    }

    /** True when the protocol argument is {@code https}. */
    public boolean https() {
        return protocol.equals("https");
    }

    /** Parses a value; the exception message says what is accepted. */
    public static Listen parse(String raw) {
        String[] words = raw.trim().split("\\s+");
        if (words.length > 2) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        String protocol = words.length == 2 ? words[1].toLowerCase(java.util.Locale.ROOT) : "";
        if (!protocol.isEmpty() && !protocol.equals("http") && !protocol.equals("https")) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        Listen address = parseAddress(words[0]);
        return new Listen(address.host(), address.port(), protocol);
    }

    private static Listen parseAddress(String s) {
        String host;
        String port;
        if (s.startsWith("[")) {
            int close = s.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException(ACCEPTED);
            }
            host = s.substring(1, close);
            port = s.substring(close + 2);
        } else if (s.indexOf(':') != s.lastIndexOf(':')) {
            throw new IllegalArgumentException(ACCEPTED); // bare IPv6 without brackets is ambiguous
        } else if (s.contains(":")) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        } else {
            host = DEFAULT.host();
            port = s;
        }
        return new Listen(checkHost(host), parsePort(port));
    }

    /** The form {@link #parse} reads back: {@code host:port}, IPv6 in brackets, then the protocol if any. */
    public String format() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port + (protocol.isEmpty() ? "" : " " + protocol);
    }

    private static String checkHost(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return "localhost";
        }
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(host); // never resolves a name
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        if (!address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        return host;
    }

    private static int parsePort(String port) {
        try {
            int p = Integer.parseInt(port);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // falls through to the one message below
        }
        throw new IllegalArgumentException(ACCEPTED);
    }
}
