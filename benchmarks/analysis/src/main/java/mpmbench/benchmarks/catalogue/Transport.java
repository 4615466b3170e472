package mpmbench.benchmarks.catalogue;

/**
 * How a scenario's clients reach the target: plain HTTP, or HTTPS (TLS 1.2/1.3 with the certificate
 * the suite makes for the run) with the way a new connection resumes an earlier session. The suite
 * starts a target over TLS for a scenario whose transport is {@link #tls()} and passes
 * {@link #tlsResume()} to the load generator as {@code --tls-resume}.
 */
public enum Transport {
    /** Plain HTTP/1.1 over TCP. */
    HTTP(""),
    /** HTTPS; a new connection offers the session it got before (tickets, or the session ID): {@code --tls-resume ticket}. */
    HTTPS("ticket"),
    /** HTTPS with a full handshake on every connection: the client offers no session ({@code --tls-resume none}). */
    HTTPS_FULL("none");

    private final String tlsResume;

    Transport(String tlsResume) {
        this.tlsResume = tlsResume;
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
