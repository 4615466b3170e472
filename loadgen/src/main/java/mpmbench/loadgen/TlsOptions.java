package mpmbench.loadgen;

import java.util.List;
import java.util.Locale;

/**
 * How an {@code https://} run talks TLS (JSSE or OpenSSL, {@link #engine()}); ignored for {@code http://}.
 * Validated here, in one place, with messages that name the flags.
 *
 * @param protocols the protocol versions the client offers, in JSSE's names: {@link #TLS12} and/or
 *                  {@link #TLS13} ({@code --tls-protocols}); the server picks one of them
 * @param resume    how a new connection resumes an earlier session ({@code --tls-resume}); see {@link Resume}
 * @param verify    check the server's certificate chain against the JDK's trusted CAs and its name against
 *                  the URL's host ({@code --tls-verify}); false (the default, as wrk): any certificate is taken
 * @param groups    the key-exchange groups offered, most preferred first, in JSSE's names ({@code --tls-groups},
 *                  each one of {@link #KNOWN_GROUPS}); empty: JSSE's own list ({@code jdk}). See
 *                  {@link #defaultGroups} for the default and why
 * @param engine    which TLS implementation the connections use ({@code --tls-engine}); {@link TlsEngine#AUTO}:
 *                  OpenSSL where it can be loaded, else JSSE (the result records the one used)
 */
public record TlsOptions(List<String> protocols, Resume resume, boolean verify, List<String> groups,
                         TlsEngine engine) {

    /** JSSE's name of TLS 1.2. */
    public static final String TLS12 = "TLSv1.2";
    /** JSSE's name of TLS 1.3. */
    public static final String TLS13 = "TLSv1.3";
    /** The protocols a run may offer, in this order. */
    public static final List<String> KNOWN_PROTOCOLS = List.of(TLS12, TLS13);

    /** The key-exchange groups {@code --tls-groups} accepts: JSSE's names of those JDK 25 offers by default. */
    public static final List<String> KNOWN_GROUPS = List.of("x25519", "secp256r1", "secp384r1", "secp521r1", "x448",
            "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192");
    /** {@code --tls-groups jdk}: JSSE's own list ({@code jdk.tls.namedGroups}, else JDK 25's {@link #KNOWN_GROUPS}). */
    public static final String JDK_GROUPS = "jdk";

    /** Both protocols, resumption by ticket (JSSE's own default), no certificate check (wrk's), x25519 alone. */
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

    /** The options with {@link #defaultGroups} for these protocols, on {@link TlsEngine#AUTO}. */
    public TlsOptions(List<String> protocols, Resume resume, boolean verify) {
        this(protocols, resume, verify, defaultGroups(protocols));
    }

    /** The options on {@link TlsEngine#AUTO}. */
    public TlsOptions(List<String> protocols, Resume resume, boolean verify, List<String> groups) {
        this(protocols, resume, verify, groups, TlsEngine.AUTO);
    }

    /** These options on {@code e} ({@code --tls-engine}). */
    public TlsOptions withEngine(TlsEngine e) {
        return new TlsOptions(protocols, resume, verify, groups, e);
    }

    /**
     * The groups offered when {@code --tls-groups} is not given: {@code x25519} alone when TLS 1.3 is
     * offered, else JSSE's own list (empty).
     *
     * <p>Why. A TLS 1.3 ClientHello carries a key share, a fresh key pair, for the groups the client
     * expects the server to pick. JSSE (JDK 25, {@code KeyShareExtension.CHKeyShareProducer}) makes one
     * for the most preferred group of each of two kinds among those offered, XDH and ECDHE: with its own
     * list (x25519, secp256r1, secp384r1, secp521r1, x448, ffdhe2048...) two key pairs, x25519 and
     * secp256r1, of which the server uses one; the other is thrown away (about 9 % of the generator's
     * CPU per full handshake: results/tls-2026-12-06/handshake-profile.md). JSSE cannot offer a group
     * without a share of its kind, so one share means offering x25519 alone. OpenSSL's client (wrk,
     * h2load, curl) offers a longer list and one share, x25519: the server does the same x25519 work for
     * either client.
     *
     * <p>What it costs. A server that picks TLS 1.2 with an ECDSA certificate must find the
     * certificate's curve among the client's groups (RFC 8422 §5.1; OpenSSL and JSSE servers check it):
     * against such a server, offer {@code --tls-groups x25519,secp256r1} (two shares again when TLS 1.3
     * is offered too) or {@code --tls-protocols TLSv1.2} (JSSE's list; a TLS 1.2 ClientHello carries no
     * key share, so there is nothing to save). A TLS 1.3 server without x25519 needs {@code jdk} too.
     */
    public static List<String> defaultGroups(List<String> protocols) {
        return protocols.contains(TLS13) ? List.of("x25519") : List.of();
    }

    /** Validates; each message names the flag and what it accepts. */
    public TlsOptions {
        protocols = List.copyOf(protocols);
        groups = List.copyOf(groups);
        java.util.Objects.requireNonNull(engine, "engine");
        if (!KNOWN_GROUPS.containsAll(groups) || groups.stream().distinct().count() != groups.size()) {
            throw new IllegalArgumentException("--tls-groups must be " + JDK_GROUPS + " or some of "
                    + String.join(",", KNOWN_GROUPS) + " (comma-separated, each once), got "
                    + String.join(",", groups));
        }
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

    /** The groups as written in reports: {@code x25519}, {@code x25519 secp256r1} (a space between), or {@code jdk}. */
    public String groupsText() {
        return groups.isEmpty() ? JDK_GROUPS : String.join(" ", groups);
    }

    /** The groups as {@code --tls-groups} takes them: {@code x25519,secp256r1}, or {@code jdk}. */
    public String groupsFlag() {
        return groups.isEmpty() ? JDK_GROUPS : String.join(",", groups);
    }
}
