package mpmbench.server.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * httpd's {@code SSLCipherSuite} (an OpenSSL cipher string) read into JSSE's names, as far as it maps.
 *
 * <p>Accepted, separated by {@code :} (or {@code ,} / spaces, as OpenSSL takes them):
 * <ul>
 *   <li>an OpenSSL suite name of the table below ({@code ECDHE-RSA-AES128-GCM-SHA256}), or the
 *       IANA/JSSE name itself ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}, {@code TLS_AES_128_GCM_SHA256});</li>
 *   <li>{@code DEFAULT} or {@code HIGH}: JSSE's enabled suites ({@link #JSSE_DEFAULTS}), all of them
 *       in OpenSSL's HIGH class (AES-128 and up, forward secrecy);</li>
 *   <li>an exclusion ({@code !X}, {@code -X}) of what JSSE never enables anyway ({@code !aNULL},
 *       {@code !eNULL}, {@code !MD5}, {@code !RC4}, {@code !3DES}, {@code !EXP}, {@code !LOW}, ...),
 *       and {@code @STRENGTH}: accepted, they change nothing.</li>
 * </ul>
 * Anything else (other keywords, {@code +X}, {@code @SECLEVEL=n}, the {@code SSLCipherSuite TLSv1.3 ...}
 * form, a suite JSSE lacks) is refused with one line naming the token. As with httpd on OpenSSL, the
 * list governs TLS 1.2; TLS 1.3 keeps JSSE's three suites unless the list names a TLS 1.3 suite.
 * Immutable, static.
 */
public final class SslCipherSuites {

    /** The token {@link #parse} returns for DEFAULT and HIGH: JSSE's enabled suites go there. */
    public static final String JSSE_DEFAULTS = "DEFAULT";

    /** httpd's compiled-in SSLCipherSuite (mod_ssl leaves OpenSSL's default list). */
    public static final String HTTPD_DEFAULT = "DEFAULT";

    /** OpenSSL name to IANA name, for the suites JDK 25's JSSE supports (TLS_RSA_* left out: disabled). */
    private static final Map<String, String> OPENSSL_TO_IANA = Map.ofEntries(
            Map.entry("ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("DHE-RSA-AES256-GCM-SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("DHE-RSA-AES128-GCM-SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("DHE-RSA-CHACHA20-POLY1305", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("ECDHE-ECDSA-AES256-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
            Map.entry("ECDHE-RSA-AES256-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
            Map.entry("ECDHE-ECDSA-AES128-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
            Map.entry("ECDHE-RSA-AES128-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry("DHE-RSA-AES256-SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"),
            Map.entry("DHE-RSA-AES128-SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry("ECDHE-ECDSA-AES256-SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry("ECDHE-RSA-AES256-SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry("ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
            Map.entry("ECDHE-RSA-AES128-SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry("DHE-RSA-AES256-SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry("DHE-RSA-AES128-SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"));

    /** The IANA names we accept as written: those of the table and TLS 1.3's three. */
    private static final Set<String> IANA = Stream.concat(OPENSSL_TO_IANA.values().stream(),
            Stream.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"))
            .collect(Collectors.toUnmodifiableSet());

    /** Exclusions of classes JSSE never enables (jdk.tls.disabledAlgorithms or not implemented). */
    private static final Set<String> NEVER_ENABLED = Set.of("aNULL", "eNULL", "NULL", "EXP", "EXPORT", "LOW",
            "MEDIUM", "DES", "3DES", "RC4", "MD5", "PSK", "SRP", "SEED", "IDEA", "CAMELLIA", "ARIA", "kRSA", "RSA",
            "aECDH", "ADH", "AECDH", "SSLv3", "kECDH", "kDH", "DSS", "aDSS");

    static final String ACCEPTED = "each ':'-separated item must be an OpenSSL suite JSSE has (e.g."
            + " ECDHE-RSA-AES128-GCM-SHA256), an IANA name (TLS_...), DEFAULT, HIGH, or !X for what JSSE never"
            + " enables (!aNULL, !MD5, !RC4, ...)";

    private SslCipherSuites() {
    }

    /**
     * The JSSE names of {@code cipherString} in its order, duplicates dropped, {@link #JSSE_DEFAULTS}
     * where DEFAULT or HIGH stood; an empty list when it names nothing but exclusions (JSSE's defaults).
     *
     * @throws IllegalArgumentException naming the first token that does not map
     */
    public static List<String> parse(String cipherString) {
        Set<String> out = new LinkedHashSet<>();
        String s = cipherString.strip();
        if (s.startsWith("TLSv1.3 ") || s.startsWith("SSL ") || s.startsWith("TLSv1.2 ")) {
            throw new IllegalArgumentException("the protocol form (SSLCipherSuite TLSv1.3 ...) is not"
                    + " supported: name TLS 1.3 suites (TLS_AES_128_GCM_SHA256, ...) in the one list");
        }
        for (String token : s.split("[:, ]+")) {
            if (token.isEmpty()) {
                continue;
            }
            String iana = OPENSSL_TO_IANA.get(token);
            if (iana != null) {
                out.add(iana);
            } else if (IANA.contains(token)) {
                out.add(token);
            } else if (token.equals("DEFAULT") || token.equals("HIGH")) {
                out.add(JSSE_DEFAULTS);
            } else if ((token.startsWith("!") || token.startsWith("-")) && NEVER_ENABLED.contains(token.substring(1))) {
                continue; // JSSE never enables it: nothing to remove
            } else if (token.equals("@STRENGTH")) {
                continue; // JSSE's order already puts the strongest first
            } else {
                throw new IllegalArgumentException("'" + token + "' has no JSSE equivalent; " + ACCEPTED);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The two lists OpenSSL takes for TLS 1.2 and TLS 1.3 suites.
     *
     * @param tls12 for {@code SSL_CTX_set_cipher_list}: OpenSSL's names and keywords
     * @param tls13 for {@code SSL_CTX_set_ciphersuites}, or null to keep OpenSSL's TLS 1.3 suites
     */
    public record OpenSslLists(String tls12, String tls13) {
    }

    /**
     * {@code cipherString} for the OpenSSL engine, after {@link #parse} accepted it: each suite by its
     * OpenSSL name (an IANA name written for a TLS 1.2 suite is turned back), keywords and exclusions as
     * written, TLS 1.3 suites apart, as mod_ssl keeps them apart; DEFAULT first when it names nothing but
     * exclusions. So one directive means the same suites on both engines.
     */
    public static OpenSslLists forOpenSsl(String cipherString) {
        parse(cipherString);
        Map<String, String> ianaToOpenSsl = OPENSSL_TO_IANA.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
        List<String> tls12 = new ArrayList<>();
        List<String> tls13 = new ArrayList<>();
        boolean named = false;
        for (String token : cipherString.strip().split("[:, ]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("TLS_AES_") || token.startsWith("TLS_CHACHA20_")) {
                tls13.add(token);
                continue;
            }
            String openSsl = ianaToOpenSsl.getOrDefault(token, token);
            named |= !(openSsl.startsWith("!") || openSsl.startsWith("-") || openSsl.startsWith("@"));
            tls12.add(openSsl);
        }
        if (!named) {
            tls12.addFirst(HTTPD_DEFAULT);
        }
        return new OpenSslLists(String.join(":", tls12), tls13.isEmpty() ? null : String.join(":", tls13));
    }
}
