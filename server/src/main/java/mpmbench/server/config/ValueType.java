package mpmbench.server.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * How a directive's value is written and what Java value it becomes. Every parse failure is an
 * {@link IllegalArgumentException} whose message is the "what is accepted" half of a
 * {@link ConfigException} line; the caller adds the directive and the bad value.
 *
 * <p>Parsing and formatting never depend on the default locale ({@code .} is the decimal separator).
 */
enum ValueType {
    /** A decimal {@code int}. */
    INT,
    /** A decimal {@code long}. */
    LONG,
    /** {@code On} or {@code Off}, any case, as httpd's FLAG directives. */
    BOOLEAN,
    /**
     * A duration stored in milliseconds, written as seconds ({@code 5}, {@code 0.5}) or with an
     * {@code ms} suffix ({@code 500ms}) as httpd 2.4 accepts for KeepAliveTimeout; min/max are in ms.
     */
    DURATION_MS,
    /** A finite decimal number. */
    DOUBLE,
    /** A whitespace-separated list of JVM options; may be empty. */
    JVM_OPTIONS,
    /** An address, see {@link Listen}. */
    LISTEN,
    /** A file path as written (surrounding quotes removed); empty for none. */
    PATH,
    /** httpd's SSLProtocol list ({@code all -SSLv3}), stored as JSSE protocol names. */
    SSL_PROTOCOL,
    /** httpd's SSLCipherSuite (an OpenSSL cipher string), stored as written, see {@link SslCipherSuites}. */
    CIPHER_SUITE,
    /** httpd's SSLSessionCache ({@code none}, {@code shmcb:path(size)}, ...), stored as written. */
    SESSION_CACHE,
    /** Ours, MpmbenchTlsEngine: {@code auto}, {@code openssl} or {@code jsse}, any case, stored in lower case. */
    TLS_ENGINE;

    /** True when a file line's words make one value (a list, or Listen's address and protocol). */
    boolean joinsWords() {
        return this == JVM_OPTIONS || this == LISTEN || this == SSL_PROTOCOL || this == CIPHER_SUITE;
    }

    Object parse(Directive d, String raw) {
        String s = raw.trim();
        return switch (this) {
            case INT -> (int) parseLong(d, s);
            case LONG -> parseLong(d, s);
            case BOOLEAN -> parseBoolean(d, s);
            case DURATION_MS -> parseDuration(d, s);
            case DOUBLE -> parseDouble(d, s);
            case JVM_OPTIONS -> s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
            case LISTEN -> Listen.parse(s);
            case PATH -> s;
            case SSL_PROTOCOL -> SslSettings.parseProtocols(s);
            case CIPHER_SUITE -> {
                SslCipherSuites.parse(s);
                yield s;
            }
            case SESSION_CACHE -> SslSettings.parseSessionCache(s);
            case TLS_ENGINE -> SslSettings.parseTlsEngine(s);
        };
    }

    /** The text {@link #parse} reads back to an equal value. */
    String format(Object value) {
        return switch (this) {
            case INT, LONG -> value.toString();
            case BOOLEAN -> (Boolean) value ? "On" : "Off";
            case DURATION_MS -> formatDuration((Long) value);
            case DOUBLE -> BigDecimal.valueOf((Double) value).stripTrailingZeros().toPlainString();
            case JVM_OPTIONS -> String.join(" ", asStrings(value));
            case LISTEN -> ((Listen) value).format();
            case PATH, CIPHER_SUITE, SESSION_CACHE, TLS_ENGINE -> (String) value;
            case SSL_PROTOCOL -> String.join(" ", asStrings(value));
        };
    }

    /** What this type accepts for {@code d}, phrased to follow "Directive value: ". */
    String accepted(Directive d) {
        return switch (this) {
            case INT, LONG -> d.max() == (this == INT ? Integer.MAX_VALUE : Long.MAX_VALUE)
                    ? "must be an integer of at least " + d.min()
                    : "must be an integer from " + d.min() + " to " + d.max();
            case BOOLEAN -> "must be On or Off";
            case DURATION_MS -> "must be seconds (e.g. 5 or 0.5) or milliseconds with an ms suffix"
                    + " (e.g. 500ms), " + (d.min() <= 0 ? "0 or more" : "above 0");
            case DOUBLE -> "must be a number above " + d.min() + " (e.g. 2 or 1.5)";
            case JVM_OPTIONS -> "must be a whitespace-separated list of JVM options";
            case LISTEN -> Listen.ACCEPTED;
            case PATH -> "must be a file path";
            case SSL_PROTOCOL -> SslSettings.PROTOCOL_ACCEPTED;
            case CIPHER_SUITE -> SslCipherSuites.ACCEPTED;
            case SESSION_CACHE -> SslSettings.CACHE_ACCEPTED;
            case TLS_ENGINE -> SslSettings.TLS_ENGINE_ACCEPTED;
        };
    }

    /** True when a parsed value lies in the directive's range (DOUBLE: strictly above min). */
    boolean inRange(Directive d, Object value) {
        return switch (this) {
            case INT, LONG, DURATION_MS -> {
                long v = ((Number) value).longValue();
                yield v >= d.min() && v <= d.max();
            }
            case DOUBLE -> (Double) value > d.min();
            case BOOLEAN, JVM_OPTIONS, LISTEN, PATH, SSL_PROTOCOL, CIPHER_SUITE, SESSION_CACHE, TLS_ENGINE -> true;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> asStrings(Object value) {
        return (List<String>) value;
    }

    private long parseLong(Directive d, String s) {
        try {
            return this == INT ? Integer.parseInt(s) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(d.accepted());
        }
    }

    private Boolean parseBoolean(Directive d, String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(d.accepted());
        };
    }

    private Long parseDuration(Directive d, String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean millis = lower.endsWith("ms");
        String number = millis ? lower.substring(0, lower.length() - 2).trim() : lower;
        try {
            requirePlainDecimal(number);
            BigDecimal ms = new BigDecimal(number);
            if (!millis) {
                ms = ms.movePointRight(3);
            }
            // Sub-millisecond fractions are rounded: our timers work in ms.
            return ms.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the one message below
        }
        throw new IllegalArgumentException(d.accepted());
    }

    private Double parseDouble(Directive d, String s) {
        try {
            requirePlainDecimal(s);
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException(d.accepted());
    }

    /** Refuses what Java's parsers take but a config file should not: exponents, hex, NaN, "1d". */
    private static void requirePlainDecimal(String s) {
        if (!s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new NumberFormatException(s);
        }
    }

    private static String formatDuration(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : ms + "ms";
    }
}
