package mpmbench.server.tls;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import mpmbench.openssl.LibSsl;

/**
 * The session-ticket keys every child JVM of one master shares, so that a ticket one child issued
 * resumes on any other, as httpd's children share the keys mod_ssl made before it forked them. A
 * child JVM inherits no memory, so the master makes the keys once ({@link #forChildren()}: 80 random
 * bytes from {@link SecureRandom}, OpenSSL's key name, HMAC key and AES key) and hands them to each
 * child in its environment ({@value #ENVIRONMENT_VARIABLE}, hexadecimal), which only the same user
 * (and root) can read, like the process's memory; never in a file or on a command line. A child reads
 * them at start ({@link #inherited()}). Only the OpenSSL engine can use them (JSSE has no API for its
 * keys). A server restarted anew makes new keys, so earlier tickets then get a full handshake, as
 * httpd's do without an {@code SSLSessionTicketKeyFile}. Immutable, static.
 */
public final class TicketKeys {

    /** The environment variable a child finds its master's keys in. */
    public static final String ENVIRONMENT_VARIABLE = "MPMBENCH_TLS_TICKET_KEYS";

    private TicketKeys() {
    }

    /** New keys for the children of one master, as the environment entry each child gets. */
    public static Map<String, String> forChildren() {
        byte[] keys = new byte[LibSsl.TICKET_KEYS_BYTES];
        new SecureRandom().nextBytes(keys);
        return Map.of(ENVIRONMENT_VARIABLE, HexFormat.of().formatHex(keys));
    }

    /**
     * The keys this process's master handed it, or null when it has none (a server run in one JVM, as
     * in tests, or a value of the wrong form): then OpenSSL makes keys of its own for this JVM alone.
     */
    static byte[] inherited() {
        String hex = System.getenv(ENVIRONMENT_VARIABLE);
        if (hex == null || hex.length() != 2 * LibSsl.TICKET_KEYS_BYTES) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
