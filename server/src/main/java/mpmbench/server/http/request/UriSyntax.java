package mpmbench.server.http.request;

import mpmbench.server.http.ascii.Ascii;

/**
 * RFC 3986 syntax for what a request carries of a URI: the path and query of a request-target
 * (origin-form and the path of absolute-form, RFC 9112 3.2.1 and 3.2.2) and the authority
 * ({@code host [":" port]}) of absolute-form, authority-form (RFC 9112 3.2.3) and the Host field
 * (RFC 9110 7.2). Static and allocation-free; every rejection is an {@link AnswerAndCloseException}
 * with 400, as RFC 9112 3.2 asks of an invalid request-line and of an invalid Host.
 *
 * <p>Ports: digits only, as in RFC 3986; an empty port is allowed (RFC 9110 4.2.1: the default port
 * applies), but a port must name a TCP port, 1 to 65535, as httpd's Strict mode also requires.
 */
final class UriSyntax {

    private static final int UNRESERVED = 1;
    private static final int SUB_DELIM = 2;
    private static final int PCHAR_EXTRA = 4;
    private static final byte[] CLASS = new byte[128];
    private static final int MAX_PORT = 65_535;

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = UNRESERVED;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = UNRESERVED;
            CLASS[c - 32] = UNRESERVED;
        }
        for (char c : "-._~".toCharArray()) {
            CLASS[c] = UNRESERVED;
        }
        for (char c : "!$&'()*+,;=".toCharArray()) {
            CLASS[c] = SUB_DELIM;
        }
        CLASS[':'] = PCHAR_EXTRA;
        CLASS['@'] = PCHAR_EXTRA;
    }

    private UriSyntax() {
    }

    /**
     * Checks {@code path-abempty [ "?" query ]} in {@code b[from, to)}: segments of pchar separated
     * by "/", then a query of pchar, "/" and "?"; every "%" starts a pct-encoded octet.
     *
     * @return the index of the "?" that starts the query, or {@code to} when there is none
     */
    static int pathAndQuery(byte[] b, int from, int to) {
        int query = to;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '%') {
                pctEncoded(b, i, to);
                i += 2;
            } else if (c == '?') {
                if (query == to) {
                    query = i;
                }
            } else if (c != '/' && !isPchar(c)) {
                throw bad("character outside RFC 3986 in the request-target");
            }
        }
        return query;
    }

    /**
     * Checks {@code uri-host [ ":" port ]} in {@code b[from, to)} (RFC 3986 3.2.2: IP-literal,
     * IPv4address or reg-name).
     *
     * @param hostRequired whether an empty host is invalid (absolute-form and authority-form)
     * @param portRequired whether {@code ":" port} must be there (authority-form)
     * @return true when the host is empty
     */
    static boolean authority(byte[] b, int from, int to, boolean hostRequired, boolean portRequired) {
        int end;
        if (from < to && b[from] == '[') {
            end = from + 1;
            while (end < to && b[end] != ']') {
                end++;
            }
            if (end == to) {
                throw bad("IP-literal without ']'");
            }
            ipLiteral(b, from + 1, end);
            end++;
        } else {
            end = from;
            for (; end < to && b[end] != ':'; end++) {
                byte c = b[end];
                if (c == '%') {
                    pctEncoded(b, end, to);
                    end += 2;
                } else if (c < 0 || (CLASS[c] & (UNRESERVED | SUB_DELIM)) == 0) {
                    throw bad("character outside RFC 3986 reg-name in host");
                }
            }
        }
        boolean empty = end == from;
        if (empty && hostRequired) {
            throw bad("empty host");
        }
        if (end == to) {
            if (portRequired) {
                throw bad("authority without port");
            }
            return empty;
        }
        if (b[end] != ':') {
            throw bad("junk after the host");
        }
        port(b, end + 1, to, portRequired);
        return empty;
    }

    private static void port(byte[] b, int from, int to, boolean required) {
        if (from == to) {
            if (required) {
                throw bad("empty port");
            }
            return;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = Ascii.digit(b[i]);
            if (d < 0) {
                throw bad("port is not digits");
            }
            value = Math.min(value * 10 + d, MAX_PORT + 1);
        }
        if (value == 0 || value > MAX_PORT) {
            throw bad("port is not a TCP port");
        }
    }

    /** IP-literal = IPv6address / IPvFuture, without its brackets. */
    private static void ipLiteral(byte[] b, int from, int to) {
        if (from < to && (b[from] | 0x20) == 'v') {
            int i = from + 1;
            while (i < to && Ascii.hexDigit(b[i]) >= 0) {
                i++;
            }
            if (i == from + 1 || i >= to - 1 || b[i] != '.') {
                throw bad("bad IPvFuture");
            }
            for (i++; i < to; i++) {
                byte c = b[i];
                if (c < 0 || (CLASS[c] & (UNRESERVED | SUB_DELIM)) == 0 && c != ':') {
                    throw bad("bad IPvFuture");
                }
            }
        } else if (!ipv6(b, from, to)) {
            throw bad("bad IPv6 address");
        }
    }

    /** RFC 3986 IPv6address: eight h16 groups, or fewer around one "::", the last two maybe IPv4. */
    static boolean ipv6(byte[] b, int from, int to) {
        int groups = 0;
        boolean elided = false;
        int i = from;
        if (to - i >= 2 && b[i] == ':' && b[i + 1] == ':') {
            elided = true;
            i += 2;
        }
        while (i < to) {
            int start = i;
            while (i < to && i - start < 5 && Ascii.hexDigit(b[i]) >= 0) {
                i++;
            }
            if (i < to && b[i] == '.') {
                if (!ipv4(b, start, to)) {
                    return false;
                }
                groups += 2;
                break;
            }
            if (i == start || i - start > 4) {
                return false;
            }
            groups++;
            if (i == to) {
                break;
            }
            if (b[i] != ':' || ++i == to) {
                return false;
            }
            if (b[i] == ':') {
                if (elided) {
                    return false;
                }
                elided = true;
                i++;
            }
        }
        return elided ? groups <= 7 : groups == 8;
    }

    /** RFC 3986 IPv4address: four dec-octets (0-255, no leading zero) separated by dots. */
    private static boolean ipv4(byte[] b, int from, int to) {
        int i = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i == to || b[i] != '.') {
                    return false;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && Ascii.digit(b[i]) >= 0) {
                value = value * 10 + Ascii.digit(b[i++]);
            }
            if (i == start || value > 255 || (b[start] == '0' && i - start > 1)) {
                return false;
            }
        }
        return i == to;
    }

    private static boolean isPchar(byte c) {
        return c >= 0 && CLASS[c] != 0;
    }

    private static void pctEncoded(byte[] b, int at, int to) {
        if (at + 2 >= to || Ascii.hexDigit(b[at + 1]) < 0 || Ascii.hexDigit(b[at + 2]) < 0) {
            throw bad("'%' not followed by two hex digits");
        }
    }

    private static AnswerAndCloseException bad(String reason) {
        return new AnswerAndCloseException(400, reason);
    }
}
