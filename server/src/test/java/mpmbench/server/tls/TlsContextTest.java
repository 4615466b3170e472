package mpmbench.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.openssl.LibSsl;
import mpmbench.server.config.ConfigException;
import mpmbench.server.config.SslSettings;

/**
 * Which engine MpmbenchTlsEngine gives, and the one line a certificate or key OpenSSL cannot use gets,
 * naming the directive and the file (the master prints it and exits 2 before any child starts).
 */
class TlsContextTest {

    private static SslSettings with(String engine, Path cert, Path key) {
        SslSettings d = TestTls.settings();
        return new SslSettings(true, cert.toString(), key.toString(), d.protocols(), d.cipherSuite(), d.sessionCache(),
                d.sessionTickets(), engine);
    }

    private static SslSettings with(String engine) {
        return with(engine, TestTls.certificate().certificate(), TestTls.certificate().key());
    }

    @Test
    void theEngineIsTheOneAsked() {
        assertNull(TlsContext.createOrNull(SslSettings.DEFAULTS), "SSLEngine off");
        TlsContext jsse = TlsContext.createOrNull(with(SslSettings.ENGINE_JSSE));
        assertInstanceOf(JsseTlsContext.class, jsse);
        assertTrue(jsse.describe().startsWith("jsse ("), jsse.describe());
        assumeTrue(LibSsl.unavailable() == null, "OpenSSL cannot be used here: " + LibSsl.unavailable());
        for (String engine : new String[] {SslSettings.ENGINE_OPENSSL, SslSettings.ENGINE_AUTO}) {
            TlsContext c = TlsContext.createOrNull(with(engine));
            assertInstanceOf(OpenSslTlsContext.class, c, engine);
            assertTrue(c.describe().startsWith("openssl (OpenSSL 3."), c.describe());
            c.close();
        }
    }

    @Test
    void aKeyOfAnotherCertificateIsNamed(@TempDir Path dir) {
        assumeTrue(LibSsl.unavailable() == null, "OpenSSL cannot be used here: " + LibSsl.unavailable());
        SelfSignedCertificate.PemPair other = SelfSignedCertificate.write(dir, SelfSignedCertificate.KeyType.EC);
        Path cert = TestTls.certificate().certificate();
        ConfigException e = assertThrows(ConfigException.class,
                () -> TlsContext.createOrNull(with(SslSettings.ENGINE_OPENSSL, cert, other.key())));
        assertTrue(e.getMessage().startsWith("SSLCertificateKeyFile " + other.key()
                + ": the key does not belong to the certificate of " + cert), e.getMessage());
    }

    @Test
    void aFileWithoutWhatItShouldHoldIsNamed(@TempDir Path dir) {
        assumeTrue(LibSsl.unavailable() == null, "OpenSSL cannot be used here: " + LibSsl.unavailable());
        Path key = TestTls.certificate().key();
        Path cert = TestTls.certificate().certificate();
        ConfigException noCert = assertThrows(ConfigException.class,
                () -> TlsContext.createOrNull(with(SslSettings.ENGINE_OPENSSL, key, key)));
        assertTrue(noCert.getMessage().startsWith("SSLCertificateFile " + key
                + ": OpenSSL cannot read a PEM certificate from it"), noCert.getMessage());
        ConfigException noKey = assertThrows(ConfigException.class,
                () -> TlsContext.createOrNull(with(SslSettings.ENGINE_OPENSSL, cert, cert)));
        assertTrue(noKey.getMessage().startsWith("SSLCertificateKeyFile " + cert + ": no private key in it"),
                noKey.getMessage());
        Path missing = dir.resolve("missing.pem");
        ConfigException none = assertThrows(ConfigException.class,
                () -> TlsContext.createOrNull(with(SslSettings.ENGINE_OPENSSL, missing, key)));
        assertEquals("SSLCertificateFile " + missing + ": no such file, or it cannot be read", none.getMessage());
    }
}
