package mpmbench.loadgen.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.http.Target;

/** The flags of {@code mpmbench load}, read once for the command line and the agents alike. */
class LoadFlagsTest {

    @Test
    void aUrlAloneIsTheBuildersDefaults() {
        assertEquals(LoadSpec.builder(Target.parse("http://127.0.0.1:1/x")).build(), LoadFlags.parse("http://127.0.0.1:1/x"));
    }

    @Test
    void eachFlagReachesItsField() {
        LoadSpec s = LoadFlags.parse("-t", "1", "-c", "3", "-d", "2s", "-R", "50", "--warmup", "1s", "--settle", "5s",
                "--timeout", "700ms", "--connect-timeout", "300ms", "--pipeline", "2", "--idle", "4", "--idle-interval",
                "1s", "--idle-rate", "200", "--trickle", "2", "--trickle-interval", "250ms", "--spin", "0", "--bind", "127.0.0.2-127.0.0.3",
                "-H", "X-A: 1", "--json", "ignored.json", "--latency", "http://127.0.0.1:1/x");
        assertEquals(LoadSpec.builder(Target.parse("http://127.0.0.1:1/x")).threads(1).connections(3)
                .duration(java.time.Duration.ofSeconds(2)).rate(50).warmup(java.time.Duration.ofSeconds(1))
                .settle(java.time.Duration.ofSeconds(5)).timeout(java.time.Duration.ofMillis(700))
                .connectTimeout(java.time.Duration.ofMillis(300)).pipeline(2).idle(4)
                .idleInterval(java.time.Duration.ofSeconds(1)).idleRate(200).trickle(2).trickleInterval(java.time.Duration.ofMillis(250))
                .spin(java.time.Duration.ZERO).bindAddresses(new BindRangeConverter().convert("127.0.0.2-127.0.0.3"))
                .headers(java.util.List.of("X-A: 1")).build(), s);
        assertEquals(false, LoadFlags.parse("--no-keepalive", "http://127.0.0.1:1/").keepAlive());
    }

    @Test
    void aBadFlagIsOneLineNamingIt() {
        assertEquals("Unknown option: '--bogus'",
                assertThrows(IllegalArgumentException.class, () -> LoadFlags.parse("--bogus", "http://127.0.0.1:1/"))
                        .getMessage());
        assertEquals("-R/--rate must be > 0 requests/s, got 0.0 (leave it out for the closed model)",
                assertThrows(IllegalArgumentException.class, () -> LoadFlags.parse("-R", "0", "http://127.0.0.1:1/"))
                        .getMessage());
        assertEquals("--idle-rate must be > 0 connections/s, got -5.0 (leave it out to open them unpaced)",
                assertThrows(IllegalArgumentException.class,
                        () -> LoadFlags.parse("--idle", "10", "--idle-rate", "-5", "http://127.0.0.1:1/")).getMessage());
        assertEquals("--idle-rate paces the --idle connections: give --idle N too",
                assertThrows(IllegalArgumentException.class,
                        () -> LoadFlags.parse("--idle-rate", "100", "http://127.0.0.1:1/")).getMessage());
    }

    @Test
    void theTlsFlagsReachTheirFields() {
        assertEquals(mpmbench.loadgen.TlsOptions.DEFAULT, LoadFlags.parse("https://127.0.0.1:1/").tls());
        assertEquals(new mpmbench.loadgen.TlsOptions(java.util.List.of("TLSv1.2"),
                        mpmbench.loadgen.TlsOptions.Resume.SESSION_ID, true),
                LoadFlags.parse("--tls-protocols", "tlsv1.2", "--tls-resume", "session-id", "--tls-verify",
                        "https://127.0.0.1:1/").tls());
        assertEquals(java.util.List.of("TLSv1.3", "TLSv1.2"), LoadFlags.parse("--tls-protocols", "TLSv1.3,TLSv1.2",
                "--tls-resume", "NONE", "https://127.0.0.1:1/").tls().protocols());
    }

    @Test
    void theTlsEngineIsAutoByDefaultAndAsGivenOtherwise() {
        assertEquals(mpmbench.loadgen.TlsEngine.AUTO, LoadFlags.parse("https://127.0.0.1:1/").tls().engine());
        assertEquals(mpmbench.loadgen.TlsEngine.JSSE, LoadFlags.parse("--tls-engine", "JSSE", "https://127.0.0.1:1/")
                .tls().engine());
        assertEquals(mpmbench.loadgen.TlsEngine.OPENSSL, LoadFlags.parse("--tls-engine", "openssl", "https://127.0.0.1:1/")
                .tls().engine());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadFlags.parse("--tls-engine", "gnutls", "https://127.0.0.1:1/"));
        assertTrue(e.getMessage().contains("--tls-engine must be auto, openssl or jsse, got 'gnutls'"), e.getMessage());
    }

    @Test
    void theGroupsAreX25519AloneWhenTls13IsOfferedAndJssesOwnOtherwise() {
        java.util.List<String> x25519 = java.util.List.of("x25519");
        assertEquals(x25519, mpmbench.loadgen.TlsOptions.DEFAULT.groups());
        assertEquals(x25519, LoadFlags.parse("https://127.0.0.1:1/").tls().groups());
        assertEquals(x25519, LoadFlags.parse("--tls-protocols", "TLSv1.3", "https://127.0.0.1:1/").tls().groups());
        assertEquals(java.util.List.of(), LoadFlags.parse("--tls-protocols", "TLSv1.2", "https://127.0.0.1:1/").tls()
                .groups(), "TLS 1.2 alone: JSSE's list (no key share to save; an ECDSA server needs its curve)");
        assertEquals(java.util.List.of(), LoadFlags.parse("--tls-groups", "JDK", "https://127.0.0.1:1/").tls().groups());
        assertEquals(java.util.List.of("secp256r1", "x25519"), LoadFlags.parse("--tls-groups", "SECP256R1, x25519",
                "--tls-protocols", "TLSv1.2", "https://127.0.0.1:1/").tls().groups(), "as given, in that order");
        assertEquals("x25519 secp256r1", LoadFlags.parse("--tls-groups", "x25519,secp256r1", "https://127.0.0.1:1/")
                .tls().groupsText());
        assertEquals("jdk", LoadFlags.parse("--tls-groups", "jdk", "https://127.0.0.1:1/").tls().groupsFlag());
    }

    @Test
    void aBadTlsValueIsOneLineNamingTheFlagAndWhatItAccepts() {
        assertEquals("Invalid value for option '--tls-resume': 'tickets' is not one of none, session-id, ticket",
                assertThrows(IllegalArgumentException.class,
                        () -> LoadFlags.parse("--tls-resume", "tickets", "https://127.0.0.1:1/")).getMessage());
        assertEquals("Invalid value for option '--tls-protocols' (LIST): 'TLSv1.1,TLSv1.2' is not TLSv1.2, TLSv1.3 or TLSv1.2,TLSv1.3",
                assertThrows(IllegalArgumentException.class,
                        () -> LoadFlags.parse("--tls-protocols", "TLSv1.1,TLSv1.2", "https://127.0.0.1:1/")).getMessage());
        assertEquals("Invalid value for option '--tls-groups' (LIST): 'x25519,p256' is not jdk or a list of x25519, "
                        + "secp256r1, secp384r1, secp521r1, x448, ffdhe2048, ffdhe3072, ffdhe4096, ffdhe6144, ffdhe8192",
                assertThrows(IllegalArgumentException.class,
                        () -> LoadFlags.parse("--tls-groups", "x25519,p256", "https://127.0.0.1:1/")).getMessage());
        assertEquals("Invalid value for option '--tls-groups' (LIST): 'x25519,X25519' names x25519 twice",
                assertThrows(IllegalArgumentException.class,
                        () -> LoadFlags.parse("--tls-groups", "x25519,X25519", "https://127.0.0.1:1/")).getMessage());
        assertEquals("--tls-resume session-id needs --tls-protocols TLSv1.2 (TLS 1.3 resumes by tickets only: "
                        + "use --tls-resume ticket)",
                assertThrows(IllegalArgumentException.class,
                        () -> LoadFlags.parse("--tls-resume", "session-id", "https://127.0.0.1:1/")).getMessage());
    }
}
