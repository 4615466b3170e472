package mpmbench.loadgen;

import java.util.List;
import java.util.Locale;

/**
 * How an {@code https://} run talks TLS (JSSE); ignored for {@code http://}. Validated here, in one place,
 * with messages that name the flags.
 *
 * @param protocols the protocol versions the client offers, in JSSE's names: {@link #TLS12} and/or
 *                  {@link #TLS13} ({@code --tls-protocols}); the server picks one of them
 * @param resume    how a new connection resumes an earlier session ({@code --tls-resume}); see {@link Resume}
 * @param verify    check the server's certificate chain against the JDK's trusted CAs and its name against
 *                  the URL's host ({@code --tls-verify}); false (the default, as wrk): any certificate is taken
 */
public record TlsOptions(List<String> protocols, Resume resume, boolean verify) {

    /** JSSE's name of TLS 1.2. */
    public static final String TLS12 = "TLSv1.2";
    /** JSSE's name of TLS 1.3. */
    public static final String TLS13 = "TLSv1.3";
    /** The protocols a run may offer, in this order. */
    public static final List<String> KNOWN_PROTOCOLS = List.of(TLS12, TLS13);

    /** Both protocols, resumption by ticket (JSSE's own default), no certificate check (wrk's). */
    public static final TlsOptions DEFAULT = new TlsOptions(KNOWN_PROTOCOLS, Resume.TICKET, false);

    /**
     * How a client resumes a session when it opens a new connection (without keep-alive, after a
     * close, each idle or trickling connection). A resumed handshake skips the certificate and the key
     * exchange's public-key operations (RFC 8446 §2.2, RFC 5246 §7.3).
     */
    public enum Resume {
        /** Every handshake is full: the client offers no session (its session cache is not consulted). */
        NONE,
        /**
         * TLS 1.2 only: the client offers the session ID of the last session with this host and port
         * (from its SSLContext's client cache) and asks for no ticket, so the server must find the
         * session in its own cache (httpd's {@code SSLSessionCache}, nginx's {@code ssl_session_cache}).
         * TLS 1.3 has no session IDs, so this needs {@code --tls-protocols TLSv1.2}.
         */
        SESSION_ID,
        /**
         * The client asks for tickets and offers the last one it got from this host and port: TLS 1.3's
         * PSK tickets (NewSessionTicket), TLS 1.2's RFC 5077 tickets. A TLS 1.2 server that issues no ticket
         * is offered its session ID instead (JSSE's fallback), so this resumes by ticket when the server
         * gives one and by session ID otherwise. JSSE's default.
         */
        TICKET;

        /** The flag's spelling: {@code none}, {@code session-id}, {@code ticket}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The value spelled as {@link #text()}, case-insensitive. */
        public static Resume of(String text) {
            for (Resume r : values()) {
                if (r.text().equalsIgnoreCase(text.trim())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not one of none, session-id, ticket");
        }
    }

    /** Validates; each message names the flag and what it accepts. */
    public TlsOptions {
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty() || !KNOWN_PROTOCOLS.containsAll(protocols)
                || protocols.stream().distinct().count() != protocols.size()) {
            throw new IllegalArgumentException("--tls-protocols must be TLSv1.2, TLSv1.3 or TLSv1.2,TLSv1.3, got "
                    + String.join(",", protocols));
        }
        if (resume == Resume.SESSION_ID && protocols.contains(TLS13)) {
            throw new IllegalArgumentException("--tls-resume session-id needs --tls-protocols TLSv1.2 "
                    + "(TLS 1.3 resumes by tickets only: use --tls-resume ticket)");
        }
    }

    /** The protocols as written in reports: {@code TLSv1.2 TLSv1.3} (a space between them). */
    public String protocolsText() {
        return String.join(" ", protocols);
    }
}
