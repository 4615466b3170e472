package mpmbench.loadgen.engine;

import mpmbench.openssl.LibSsl;

/**
 * Whether the generator's OpenSSL engine can run here: OpenSSL itself ({@link LibSsl#unavailable()}) and
 * the socket descriptors it reads and writes ({@link LinuxNet#unavailable()}: OpenSSL works on the socket's
 * descriptor, {@code SSL_set_fd}). Stateless.
 */
final class OpenSsl {

    private OpenSsl() {
    }

    /** Why the OpenSSL engine cannot be used here, or {@code null} when it can. */
    static String unavailable() {
        String why = LibSsl.unavailable();
        if (why == null && LinuxNet.unavailable() != null) {
            why = "socket descriptors cannot be read: " + LinuxNet.unavailable();
        }
        return why;
    }
}
