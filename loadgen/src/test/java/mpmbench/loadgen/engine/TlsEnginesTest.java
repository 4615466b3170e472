package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.TlsEngine;
import mpmbench.loadgen.TlsOptions;
import mpmbench.loadgen.http.Target;
import mpmbench.openssl.LibSsl;

/**
 * The choice of the TLS engine: {@code --tls-engine} spelled, {@code auto} resolved once, and OpenSSL
 * usable where Debian's {@code libssl3} is installed (so that the OpenSSL halves of {@link TlsTest} are
 * not skipped there unnoticed).
 */
class TlsEnginesTest {

    /** Where Debian and Ubuntu put OpenSSL 3's libssl on x86-64. */
    private static final Path DEBIAN_LIBSSL = Path.of("/usr/lib/x86_64-linux-gnu/libssl.so.3");

    /** Skips the test (with the reason) when {@code engine} cannot be used here. */
    static void assumeUsable(TlsEngine engine) {
        String why = OpenSsl.unavailable();
        assumeTrue(engine != TlsEngine.OPENSSL || why == null, () -> "OpenSSL is not available here: " + why);
    }

    @Test
    void whereLibssl3IsInstalledOpensslIsUsableAndAutoPicksIt() {
        assumeTrue(Files.exists(DEBIAN_LIBSSL), "no " + DEBIAN_LIBSSL);
        assertNull(OpenSsl.unavailable(), "why OpenSSL is not available");
        assertEquals(TlsEngine.OPENSSL, TlsEngines.resolve(TlsEngine.AUTO));
        assertEquals(TlsEngine.OPENSSL, TlsEngines.resolve(TlsEngine.OPENSSL));
        assertNull(TlsEngines.fallback(TlsEngine.AUTO), "no fallback line when OpenSSL loads");
        assertTrue(LibSsl.version().startsWith("OpenSSL 3"), LibSsl.version());
    }

    /** OpenSSL knows every group {@code --tls-groups} accepts by the same name, and each protocol choice. */
    @Test
    void openSslTakesEveryGroupAndProtocolTheFlagsAccept() {
        assumeUsable(TlsEngine.OPENSSL);
        Target target = Target.parse("https://localhost:8443/");
        for (String group : TlsOptions.KNOWN_GROUPS) {
            TlsEngines.check(target, new TlsOptions(TlsOptions.KNOWN_PROTOCOLS, TlsOptions.Resume.NONE, false,
                    List.of(group), TlsEngine.OPENSSL));
        }
        TlsEngines.check(target, new TlsOptions(TlsOptions.KNOWN_PROTOCOLS, TlsOptions.Resume.TICKET, true,
                TlsOptions.KNOWN_GROUPS, TlsEngine.OPENSSL));
        TlsEngines.check(Target.parse("https://127.0.0.1:8443/"), new TlsOptions(List.of(TlsOptions.TLS12),
                TlsOptions.Resume.SESSION_ID, true).withEngine(TlsEngine.OPENSSL));
        TlsEngines.check(target, new TlsOptions(List.of(TlsOptions.TLS13), TlsOptions.Resume.TICKET, false)
                .withEngine(TlsEngine.OPENSSL));
    }

    @Test
    void jsseIsAlwaysJsse() {
        assertEquals(TlsEngine.JSSE, TlsEngines.resolve(TlsEngine.JSSE));
        assertNull(TlsEngines.fallback(TlsEngine.JSSE));
    }

    @Test
    void theFlagsSpellingsAndItsOneLineRefusal() {
        for (TlsEngine e : TlsEngine.values()) {
            assertEquals(e, TlsEngine.of(e.text().toUpperCase(java.util.Locale.ROOT)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsEngine.of("boringssl"));
        assertEquals("--tls-engine must be auto, openssl or jsse, got 'boringssl'", e.getMessage());
    }
}
