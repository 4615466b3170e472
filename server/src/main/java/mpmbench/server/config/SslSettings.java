package mpmbench.server.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * httpd's mod_ssl directives as the server runs them (TLS on every model, through OpenSSL or JSSE:
 * MpmbenchTlsEngine), and how {@code SSLProtocol}, {@code SSLSessionCache} and
 * {@code MpmbenchTlsEngine} values are read.
 *
 * <p>Defaults are mod_ssl's: SSLEngine Off, no certificate, SSLProtocol {@code all -SSLv3} (which
 * for us is TLSv1.2 and TLSv1.3: older ones are not served), SSLCipherSuite {@code DEFAULT},
 * SSLSessionCache {@code none}, SSLSessionTickets On; and ours, MpmbenchTlsEngine {@code auto}.
 *
 * @param engine             SSLEngine: serve TLS on the Listen address
 * @param certificateFile    SSLCertificateFile: PEM certificate chain, leaf first (may hold the key too)
 * @param certificateKeyFile SSLCertificateKeyFile: PEM private key (PKCS#8 or PKCS#1 RSA); empty: in the
 *                           certificate file
 * @param protocols          SSLProtocol as JSSE names, e.g. [TLSv1.2, TLSv1.3]
 * @param cipherSuite        SSLCipherSuite as written (validated by {@link SslCipherSuites#parse})
 * @param sessionCache       SSLSessionCache as written: {@code none}/{@code nonenotnull} (no session-ID
 *                           resumption) or a cache ({@code shmcb:path(size)}, {@code dbm:path}): the
 *                           engine's cache of each child JVM, which other children cannot read
 * @param sessionTickets     SSLSessionTickets: stateless tickets (RFC 5077, TLS 1.3 tickets) or not
 * @param tlsEngine          MpmbenchTlsEngine: {@link #ENGINE_AUTO}, {@link #ENGINE_OPENSSL} or {@link #ENGINE_JSSE}
 */
public record SslSettings(boolean engine, String certificateFile, String certificateKeyFile, List<String> protocols,
                          String cipherSuite, String sessionCache, boolean sessionTickets, String tlsEngine) {

    /** MpmbenchTlsEngine: OpenSSL where it can be used, else JSSE. */
    public static final String ENGINE_AUTO = "auto";
    /** MpmbenchTlsEngine: the system's libssl.so.3 through the FFM API. */
    public static final String ENGINE_OPENSSL = "openssl";
    /** MpmbenchTlsEngine: the JDK's JSSE. */
    public static final String ENGINE_JSSE = "jsse";

    /** mod_ssl's defaults, and ours. */
    public static final SslSettings DEFAULTS = new SslSettings(false, "", "", List.of("TLSv1.2", "TLSv1.3"),
            SslCipherSuites.HTTPD_DEFAULT, "none", true, ENGINE_AUTO);

    /** The protocols JSSE serves here; httpd's "all" is these. */
    private static final List<String> SERVED = List.of("TLSv1.2", "TLSv1.3");
    /** Older protocols httpd knows; JSSE disables them (jdk.tls.disabledAlgorithms), so only -X is accepted. */
    private static final Set<String> RETIRED = Set.of("SSLv3", "TLSv1", "TLSv1.1");

    static final String PROTOCOL_ACCEPTED = "must be a list of all, TLSv1.2, TLSv1.3, each with an optional"
            + " + or - (-SSLv3, -TLSv1, -TLSv1.1 accepted: JSSE serves none of them), leaving at least one";
    static final String TLS_ENGINE_ACCEPTED = "must be auto, openssl or jsse";
    static final String CACHE_ACCEPTED = "must be none, nonenotnull, shmcb:PATH[(SIZE)], shm:PATH[(SIZE)] or"
            + " dbm:PATH (each child JVM keeps its own cache)";

    public SslSettings {
        protocols = List.copyOf(protocols);
    }

    /** True unless the session cache is {@code none} or {@code nonenotnull}. */
    public boolean sessionCacheOn() {
        return !isNone(sessionCache);
    }

    /** Reads httpd's SSLProtocol syntax: {@code all -SSLv3}, {@code TLSv1.2 +TLSv1.3}, {@code -all +TLSv1.3}. */
    static List<String> parseProtocols(String value) {
        Set<String> on = new LinkedHashSet<>();
        String[] words = value.strip().split("\\s+");
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            char sign = w.charAt(0) == '+' || w.charAt(0) == '-' ? w.charAt(0) : ' ';
            String name = sign == ' ' ? w : w.substring(1);
            List<String> named;
            if (name.equalsIgnoreCase("all")) {
                named = SERVED;
            } else if (SERVED.contains(name)) {
                named = List.of(name);
            } else if (RETIRED.contains(name) && sign == '-') {
                continue;
            } else {
                throw new IllegalArgumentException(PROTOCOL_ACCEPTED);
            }
            if (sign == '-') {
                on.removeAll(named);
            } else {
                on.addAll(named);
            }
        }
        if (on.isEmpty()) {
            throw new IllegalArgumentException(PROTOCOL_ACCEPTED);
        }
        List<String> ordered = new ArrayList<>(SERVED);
        ordered.retainAll(on);
        return List.copyOf(ordered);
    }

    /** Checks httpd's SSLSessionCache syntax for the kinds we read; returns it as written. */
    static String parseSessionCache(String value) {
        String s = value.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (isNone(s) || lower.matches("(shmcb|shm):[^()]+(\\(\\d+\\))?") || lower.matches("(dbm|sdbm):.+")) {
            return s;
        }
        throw new IllegalArgumentException(CACHE_ACCEPTED);
    }

    /** Reads MpmbenchTlsEngine's value, any case. */
    static String parseTlsEngine(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (lower.equals(ENGINE_AUTO) || lower.equals(ENGINE_OPENSSL) || lower.equals(ENGINE_JSSE)) {
            return lower;
        }
        throw new IllegalArgumentException(TLS_ENGINE_ACCEPTED);
    }

    private static boolean isNone(String cache) {
        String lower = cache.strip().toLowerCase(Locale.ROOT);
        return lower.equals("none") || lower.equals("nonenotnull");
    }
}
