package mpmbench.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** mod_ssl's directives as httpd writes them, read into what JSSE is given. */
class SslDirectivesTest {

    private static final String FILE = """
            Listen 127.0.0.1:8443 https
            SSLEngine on
            SSLCertificateFile "/etc/ssl/cert.pem"
            SSLCertificateKeyFile /etc/ssl/key.pem
            SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1
            SSLCipherSuite HIGH:!aNULL:!MD5
            SSLSessionCache shmcb:/run/apache2/ssl_scache(512000)
            SSLSessionTickets Off
            """;

    @Test
    void debiansSslConfLinesAreRead() {
        ServerConfig c = ConfigLoader.forModel(Mpm.PREFORK).fileText("ssl.conf", FILE).load().config();
        assertEquals("https", c.listenProtocol());
        assertEquals(8443, c.listenPort());
        assertEquals(new SslSettings(true, "/etc/ssl/cert.pem", "/etc/ssl/key.pem", List.of("TLSv1.2", "TLSv1.3"),
                "HIGH:!aNULL:!MD5", "shmcb:/run/apache2/ssl_scache(512000)", false, SslSettings.ENGINE_AUTO), c.ssl());
        assertTrue(c.ssl().sessionCacheOn());
    }

    @Test
    void defaultsAreModSsls() {
        SslSettings d = ModelDefaults.of(Mpm.EVENT).ssl();
        assertFalse(d.engine());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), d.protocols());
        assertEquals("DEFAULT", d.cipherSuite());
        assertFalse(d.sessionCacheOn());
        assertTrue(d.sessionTickets());
        assertEquals(SslSettings.ENGINE_AUTO, d.tlsEngine());
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void tlsSettingsReachTheChildrenUnchanged(Mpm mpm) {
        ServerConfig original = ConfigLoader.forModel(mpm).fileText("ssl.conf", FILE).load().config();
        List<String> args = ConfigLoader.toSetArguments(original);
        assertEquals(original, ConfigLoader.forModel(mpm).set(args).load().config());
        assertTrue(args.contains("Listen=127.0.0.1:8443 https"), args.toString());
        assertTrue(args.contains("SSLProtocol=TLSv1.2 TLSv1.3"), args.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all                       | TLSv1.2 TLSv1.3
            all -SSLv3                | TLSv1.2 TLSv1.3
            -all +TLSv1.3             | TLSv1.3
            TLSv1.2                   | TLSv1.2
            +TLSv1.3 +TLSv1.2         | TLSv1.2 TLSv1.3
            all -TLSv1.3              | TLSv1.2
            """)
    void sslProtocolIsHttpdsSyntax(String written, String jsse) {
        assertEquals(List.of(jsse.split(" ")), SslSettings.parseProtocols(written));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DEFAULT                                                  | DEFAULT
            HIGH:!aNULL:!MD5                                         | DEFAULT
            ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305 | TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
            TLS_AES_128_GCM_SHA256,ECDHE-RSA-AES256-SHA384             | TLS_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384
            ECDHE-RSA-AES128-GCM-SHA256:HIGH:ECDHE-RSA-AES128-GCM-SHA256 | TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 DEFAULT
            """)
    void cipherSuiteMapsOpenSslNamesOntoJsse(String written, String jsse) {
        assertEquals(List.of(jsse.split(" ")), SslCipherSuites.parse(written));
    }

    @Test
    void theTls13FormOfSslCipherSuiteIsRefusedWithOneLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.forModel(Mpm.WORKER)
                .fileText("ssl.conf", "SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384\n").load());
        assertEquals("ssl.conf:1: SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384: the protocol form (SSLCipherSuite"
                + " TLSv1.3 ...) is not supported: name TLS 1.3 suites (TLS_AES_128_GCM_SHA256, ...) in the one list",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DEFAULT                                                   | DEFAULT                                                   |
            HIGH:!aNULL:!MD5                                          | HIGH:!aNULL:!MD5                                          |
            !aNULL:!MD5                                               | DEFAULT:!aNULL:!MD5                                       |
            TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:ECDHE-RSA-AES256-SHA384 | ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA384     |
            TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256        | ECDHE-RSA-AES128-GCM-SHA256                               | TLS_AES_128_GCM_SHA256
            """)
    void cipherSuiteGivesOpenSslItsOwnNamesAndTls13Apart(String written, String tls12, String tls13) {
        assertEquals(new SslCipherSuites.OpenSslLists(tls12, tls13), SslCipherSuites.forOpenSsl(written));
    }

    @Test
    void mpmbenchTlsEngineNamesTheAcceptedValues() {
        assertEquals(SslSettings.ENGINE_JSSE, ConfigLoader.forModel(Mpm.EVENT)
                .fileText("ssl.conf", "MpmbenchTlsEngine JSSE\n").load().config().ssl().tlsEngine());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.forModel(Mpm.EVENT)
                .fileText("ssl.conf", "MpmbenchTlsEngine boringssl\n").load());
        assertEquals("ssl.conf:1: MpmbenchTlsEngine boringssl: must be auto, openssl or jsse", e.getMessage());
    }
}
