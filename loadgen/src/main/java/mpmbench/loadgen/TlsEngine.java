package mpmbench.loadgen;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which TLS implementation an {@code https://} run's connections use ({@code --tls-engine}), chosen once
 * at the start of a run; the result records the one a run used ({@code tls_engine}).
 */
public enum TlsEngine {
    /** {@link #OPENSSL} where {@code libssl.so.3} can be loaded, else {@link #JSSE} (with one line saying why). */
    AUTO,
    /**
     * OpenSSL's {@code libssl} through the FFM API, on the socket's descriptor: OpenSSL's handshake and
     * record cost, as wrk's and h2load's. Needs Linux, {@code libssl.so.3} (OpenSSL 3) and native access.
     */
    OPENSSL,
    /** The JDK's own TLS (an {@code SSLEngine} per connection): any platform, no native call. */
    JSSE;

    /** The flag's spelling: {@code auto}, {@code openssl}, {@code jsse}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The accepted spellings, for messages: {@code auto, openssl or jsse}. */
    public static String accepted() {
        String all = Arrays.stream(values()).map(TlsEngine::text).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /**
     * The value spelled as {@link #text()}, case-insensitive.
     *
     * @throws IllegalArgumentException one line naming {@code --tls-engine} and what it accepts
     */
    public static TlsEngine of(String text) {
        for (TlsEngine e : values()) {
            if (e.text().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("--tls-engine must be " + accepted() + ", got '" + text + "'");
    }
}
