package mpmbench.benchmarks.catalogue;

/**
 * How a scenario's clients reach the target: plain HTTP, or HTTPS (TLS 1.2/1.3 with the certificate
 * the suite makes for the run) with the way a new connection resumes an earlier session. The suite
 * starts a target over TLS for a scenario whose transport is {@link #tls()} and passes
 * {@link #tlsResume()} to the load generator as {@code --tls-resume}.
 */
public enum Transport {
    /** Plain HTTP/1.1 over TCP. */
    HTTP("", ""),
    /** HTTPS, TLS 1.2 or 1.3; a new connection offers a session the client got before: {@code --tls-resume ticket}. */
    HTTPS("ticket", ""),
    /** HTTPS with a full handshake on every connection: the client offers no session ({@code --tls-resume none}). */
    HTTPS_FULL("none", ""),
    /**
     * HTTPS over TLS 1.2 only, every new connection offering the client's latest session (an RFC 5077 ticket,
     * else its session ID): a TLS 1.2 session may be offered again, so every reconnect offers one whatever
     * the pace. With TLS 1.3 the client uses each ticket once and whether a reconnect had one to offer
     * depended on the pace (seen against nginx: 0 of 4 on a cold client, 666 of 666 warm, 0 of 43 on a busy
     * machine), which would make the resumption rate the client's, not the server's.
     */
    HTTPS_RESUMED("ticket", "TLSv1.2");

    private final String tlsResume;
    private final String tlsProtocols;

    Transport(String tlsResume, String tlsProtocols) {
        this.tlsResume = tlsResume;
        this.tlsProtocols = tlsProtocols;
    }

    /** The load generator's {@code --tls-protocols} value; empty: its default (TLS 1.2 and 1.3). */
    public String tlsProtocols() {
        return tlsProtocols;
    }

    /** True over TLS. */
    public boolean tls() {
        return this != HTTP;
    }

    /** The load generator's {@code --tls-resume} value; empty for plain HTTP. */
    public String tlsResume() {
        return tlsResume;
    }

    /** The URL scheme: {@code https} or {@code http}. */
    public String scheme() {
        return tls() ? "https" : "http";
    }
}
