package mpmbench.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real httpd files load: Define and ${VAR}, IfDefine, Include, httpd's other directives ignored once. */
class HttpdConfigFilesTest {

    /** The repository root: surefire runs in server/. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void defineVariablesAndIfDefine() {
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.WORKER).environment(Map.of("FROM_ENV", "7")::get)
                .define("BIG").define("PORT=9001")
                .fileText("t.conf", """
                        Define THREADS 32
                        Listen 127.0.0.1:${PORT}
                        ThreadsPerChild ${THREADS}
                        StartServers ${FROM_ENV}
                        <IfDefine BIG>
                            ServerLimit 20
                        </IfDefine>
                        <IfDefine !BIG>
                            ServerLimit 2
                        </IfDefine>
                        UnDefine BIG
                        <IfDefine BIG>
                            ServerLimit 3
                        </IfDefine>
                        """).load();
        assertEquals(9001, loaded.config().listenPort());
        assertEquals(32, loaded.config().threadsPerChild());
        assertEquals(7, loaded.config().startServers());
        assertEquals(20, loaded.config().serverLimit());
    }

    @Test
    void undefinedVariableStaysAsWrittenWithHttpdsWarning() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.forModel(Mpm.EVENT)
                .environment(name -> null).fileText("t.conf", "Listen 127.0.0.1:${NOPE}\n").load());
        assertEquals("t.conf:1: Listen 127.0.0.1:${NOPE}: " + Listen.ACCEPTED, e.getMessage());
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.EVENT).environment(name -> null)
                .fileText("t.conf", "ErrorLog ${NOPE}/e.log\nErrorLog ${NOPE}/f.log\n").load();
        assertEquals(List.of("t.conf:1: Config variable ${NOPE} is not defined",
                "t.conf:1: ErrorLog (httpd's core.c) is ignored: mpmbench serve does not use it"), loaded.warnings());
    }

    @Test
    void httpdsOtherDirectivesAndSectionsAreIgnoredWithOneWarningEach() {
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.PREFORK).fileText("t.conf", """
                LoadModule mpm_prefork_module modules/mod_mpm_prefork.so
                LoadModule mime_module modules/mod_mime.so
                LoadModule authz_core_module modules/mod_authz_core.so
                DocumentRoot /var/www
                <Directory />
                    Require all granted
                    Timeout 1
                </Directory>
                <Directory /var/www>
                </Directory>
                StartServers 4
                """).load();
        assertEquals(List.of(
                "t.conf:2: LoadModule (httpd's mod_so.c) is ignored: mpmbench serve does not use it",
                "t.conf:4: DocumentRoot (httpd's core.c) is ignored: mpmbench serve does not use it",
                "t.conf:5: <Directory> (httpd's core.c) is ignored with everything inside it: mpmbench serve reads"
                        + " server-wide directives only"), loaded.warnings());
        assertEquals(4, loaded.config().startServers());
        assertEquals(ModelDefaults.of(Mpm.PREFORK).timeouts().timeoutMs(), loaded.config().timeouts().timeoutMs());
    }

    @Test
    void includeRelativeToTheFileThenToServerRoot(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("main.conf"), """
                Include conf.d/*.conf
                IncludeOptional missing/*.conf
                IncludeOptional missing.conf
                ServerRoot other
                Include limits.inc
                """);
        Files.writeString(dir.resolve("conf.d/b.conf"), "StartServers 6\n");
        Files.writeString(dir.resolve("conf.d/a.conf"), "StartServers 5\nDefine N 9\n");
        Files.writeString(dir.resolve("other/limits.inc"), "MaxSpareServers ${N}\n");
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.PREFORK).file(dir.resolve("main.conf")).load();
        assertEquals(6, loaded.config().startServers(), "files of a wildcard in alphabetical order");
        assertEquals(9, loaded.config().maxSpareServers());
        assertEquals(dir.resolve("other/limits.inc") + ":1", loaded.effective().stream()
                .filter(d -> d.directive() == Directive.MAX_SPARE_SERVERS).findFirst().orElseThrow().origin());
    }

    @Test
    void anIncludeLoopStopsWithHttpdsMessage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("loop.conf"), "Include loop.conf\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.forModel(Mpm.EVENT).file(dir.resolve("loop.conf")).load());
        assertTrue(e.getMessage().endsWith(": Exceeded the maximum include directory nesting level of 128"
                + " (an Include that includes itself?)"), e.getMessage());
    }

    /** The httpd peers' files in scripts/peers, given the Defines scripts/lib/peers.sh starts httpd with. */
    @ParameterizedTest
    @EnumSource(value = Mpm.class, names = {"PREFORK", "WORKER", "EVENT"})
    void thePeersHttpdFilesLoad(Mpm mpm) {
        Path peers = ROOT.resolve("scripts/peers");
        LoadedConfig loaded = ConfigLoader.forModel(mpm).environment(name -> null)
                .define("PEER_PORT=18080").define("PEER_RUN=/tmp/peer").define("PEER_DOCROOT=/tmp/peer/www")
                .define("PEER_CONF=" + peers).file(peers.resolve("httpd-" + mpm.id() + ".conf")).load();
        ServerConfig c = loaded.config();
        assertEquals(18080, c.listenPort());
        assertEquals(150, c.maxRequestWorkers());
        assertEquals(0, c.timeouts().maxKeepAliveRequests());
        assertEquals(300_000, c.timeouts().timeoutMs());
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.contains("ErrorLog (httpd's core.c) is ignored")),
                loaded.warnings().toString());
        assertTrue(loaded.warnings().stream().noneMatch(w -> w.contains("not defined")), loaded.warnings().toString());
    }

    /**
     * scripts/peers/directives-https.txt, what java-X is given over TLS, loads; httpd-ssl.inc and
     * nginx-https.conf.template say the same (the session cache's path aside: httpd's is its own).
     */
    @Test
    void peersTlsSettingsLoadAndMatchHttpdsAndNginxs() throws IOException {
        Path peers = ROOT.resolve("scripts/peers");
        Map<String, String> ours = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(peers.resolve("directives-https.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                ours.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        ConfigLoader loader = ConfigLoader.forModel(Mpm.EVENT).set("SSLCertificateFile=/tmp/cert.pem");
        ours.forEach((name, value) -> loader.set(name + "=" + value));
        assertTrue(loader.load().config().ssl().engine());
        Map<String, String> httpd = new java.util.HashMap<>();
        for (String line : Files.readAllLines(peers.resolve("httpd-ssl.inc"))) {
            String[] w = line.strip().split("\\s+", 2);
            if (w.length == 2 && !w[0].startsWith("#")) {
                httpd.put(w[0], w[1]);
            }
        }
        for (String d : List.of("SSLEngine", "SSLProtocol", "SSLCipherSuite", "SSLSessionTickets")) {
            assertEquals(ours.get(d), httpd.get(d), d + " in httpd-ssl.inc");
        }
        String nginx = Files.readString(peers.resolve("nginx-https.conf.template"));
        assertTrue(nginx.contains("ssl_ciphers " + ours.get("SSLCipherSuite") + ";"), "nginx's ssl_ciphers");
        assertTrue(nginx.contains("ssl_session_tickets " + ours.get("SSLSessionTickets") + ";"), "nginx's tickets");
        assertTrue(nginx.contains("ssl_protocols TLSv1.2 TLSv1.3;"), "nginx's protocols");
    }

    /** server/conf/https.conf over each model's sample: TLS on, Listen 8443 https, no warning. */
    @ParameterizedTest
    @EnumSource(Mpm.class)
    void httpsSampleServesEachModelOverTls(Mpm mpm) {
        LoadedConfig loaded = ConfigLoader.forModel(mpm).define("MODEL=" + mpm.id()).define("TLS_DIR=/tmp/t")
                .file(ROOT.resolve("server/conf/https.conf")).load();
        assertEquals(List.of(), loaded.warnings());
        assertEquals(8443, loaded.config().listenPort());
        assertEquals("https", loaded.config().listenProtocol());
        assertEquals(new SslSettings(true, "/tmp/t/cert.pem", "/tmp/t/key.pem", List.of("TLSv1.2", "TLSv1.3"),
                "HIGH:!aNULL", "shmcb:/tmp/t/ssl_scache(512000)", true, SslSettings.ENGINE_AUTO), loaded.config().ssl());
        assertEquals(ConfigLoader.forModel(mpm).file(ROOT.resolve("server/conf/" + mpm.id() + ".conf")).load()
                .config().threadsPerChild(), loaded.config().threadsPerChild());
    }

    /** server/conf/MODEL.conf, the samples the README starts with: Debian's values, no warning at all. */
    @ParameterizedTest
    @EnumSource(Mpm.class)
    void theSampleFilesLoadWithoutWarnings(Mpm mpm) {
        LoadedConfig loaded = ConfigLoader.forModel(mpm).file(ROOT.resolve("server/conf/" + mpm.id() + ".conf")).load();
        assertEquals(List.of(), loaded.warnings());
        assertEquals(mpm == Mpm.VIRTUAL ? 10_000 : 150, loaded.config().maxRequestWorkers());
        assertEquals(100, loaded.config().timeouts().maxKeepAliveRequests());
        assertEquals(300_000, loaded.config().timeouts().timeoutMs());
        for (Mpm other : Mpm.values()) {
            if (other != mpm && mpm != Mpm.VIRTUAL) {
                ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.forModel(other)
                        .file(ROOT.resolve("server/conf/" + mpm.id() + ".conf")).load());
                assertTrue(e.getMessage().contains("loads the " + mpm.id() + " MPM, but the model is " + other.id()),
                        e.getMessage());
            }
        }
    }
}
