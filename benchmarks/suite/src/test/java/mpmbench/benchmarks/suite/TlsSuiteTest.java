package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.SuiteKind;

/**
 * The suite's HTTPS wiring without a server (issue 21): the generator's resumption flag per scenario,
 * what wrk cannot do over TLS, java-X's TLS directives, the peers' TLS files in the jar's resources,
 * and the run's certificate made and removed. The real runs are in {@code TlsSuiteE2ETest} (tag e2e).
 */
class TlsSuiteTest {

    private static SuitePlan plan(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("quick", "--root", "/repo", "--java", "/jdk/bin/java"));
        args.addAll(List.of(more));
        return ParsedSuite.plan(args.toArray(String[]::new));
    }

    private static List<String> command(String scenario) {
        Scenario s = Scenarios.byName(SuiteKind.QUICK, 2).get(scenario);
        return LoadgenRun.command(plan(), "https://127.0.0.1:1/hello", s, s.levels().getFirst(), Duration.ofSeconds(2),
                Path.of("j"), Path.of("h"), Path.of("l"), true);
    }

    private static String after(List<String> cmd, String flag) {
        int i = cmd.indexOf(flag);
        return i < 0 ? null : cmd.get(i + 1);
    }

    @Test
    void the_generator_resumes_as_the_scenario_says() {
        assertEquals("none", after(command(Scenarios.TLS_CHURN), "--tls-resume"));
        assertTrue(command(Scenarios.TLS_CHURN).contains("--no-keepalive"));
        assertEquals("ticket", after(command(Scenarios.TLS_CHURN_RESUMED), "--tls-resume"));
        assertEquals("TLSv1.2", after(command(Scenarios.TLS_CHURN_RESUMED), "--tls-protocols"));
        assertNull(after(command(Scenarios.TLS_CHURN), "--tls-protocols"), "full handshakes: TLS 1.2 and 1.3 offered");
        assertTrue(command(Scenarios.TLS_CHURN_RESUMED).contains("--no-keepalive"));
        assertEquals("ticket", after(command(Scenarios.TLS_HELLO), "--tls-resume"));
        assertFalse(command(Scenarios.TLS_HELLO).contains("--no-keepalive"));
        assertNull(after(command(Scenarios.HELLO), "--tls-resume"), "plain HTTP: no TLS flag");
    }

    @Test
    void wrk_cannot_offer_no_session_pin_tls_1_2_or_hold_idle_connections() {
        Map<String, Scenario> all = Scenarios.byName(SuiteKind.FULL, 2);
        assertTrue(WrkRun.INSTANCE.unsupported(all.get(Scenarios.TLS_CHURN)).contains("SSL_clear"));
        assertTrue(WrkRun.INSTANCE.unsupported(all.get(Scenarios.TLS_CHURN_RESUMED)).contains("no flag for the protocol"));
        assertNull(WrkRun.INSTANCE.unsupported(all.get(Scenarios.TLS_HELLO)));
        assertTrue(WrkRun.INSTANCE.unsupported(all.get(Scenarios.TLS_IDLE)).contains("idle keep-alive connections"));
    }

    @Test
    void java_targets_get_the_peers_tls_settings_and_the_runs_certificate_and_a_set_wins() {
        SuitePlan plan = plan("--set", "java-prefork:SSLSessionTickets=off");
        TargetLauncher launcher = new TargetLauncher(plan);
        RunCertificate.Pem pem = new RunCertificate.Pem(Path.of("/run/tls/cert.pem"), Path.of("/run/tls/key.pem"));
        Map<String, String> d = launcher.tlsDirectives(TargetSpec.parse("java-prefork"), pem);
        assertEquals("on", d.get("SSLEngine"));
        assertEquals("/run/tls/cert.pem", d.get("SSLCertificateFile"));
        assertEquals("/run/tls/key.pem", d.get("SSLCertificateKeyFile"));
        assertEquals("all -SSLv3 -TLSv1 -TLSv1.1", d.get("SSLProtocol"));
        assertTrue(d.get("SSLSessionCache").startsWith("shmcb:"), d.toString());
        assertEquals("off", d.get("SSLSessionTickets"), "the suite's --set wins over directives-https.txt");
        assertEquals("5", d.get("StartServers"), "the model's stock values stay");
        assertEquals("on", launcher.tlsDirectives(TargetSpec.parse("java-worker"), pem).get("SSLSessionTickets"));
        assertFalse(launcher.directives(TargetSpec.parse("java-worker")).containsKey("SSLEngine"), "plain HTTP: no TLS");
    }

    @Test
    void the_peers_tls_files_are_in_the_suites_resources() {
        assertTrue(Directives.resource("peers/httpd-ssl.inc").contains("SSLCertificateFile ${PEER_CERT}"));
        assertTrue(Directives.resource("peers/httpd-common.inc").contains("Include ${PEER_CONF}/httpd-ssl.inc"));
        String nginx = Directives.resource("peers/nginx-https.conf.template");
        assertTrue(nginx.contains("@CERT@") && nginx.contains("@KEY@") && nginx.contains("listen 127.0.0.1:@PORT@ ssl"));
        assertTrue(Directives.resource(TargetLauncher.HTTPS_DIRECTIVES).contains("SSLEngine=on"));
    }

    @Test
    void the_runs_certificate_is_made_once_private_and_removed(@TempDir Path base) throws Exception {
        // without a server jar the suite makes it with openssl, as scripts/make-test-cert does
        RunCertificate cert = new RunCertificate(base, base.resolve("no-server.jar"), "java");
        assertEquals("openssl", cert.command().getFirst());
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v openssl").start().waitFor() == 0, "openssl is not installed");
        RunCertificate.Pem pem = cert.get();
        assertTrue(Files.readString(pem.certificate()).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(pem.key()).contains("PRIVATE KEY-----"));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(pem.key()));
        assertEquals(pem, cert.get(), "made once per run");
        cert.delete();
        assertFalse(Files.exists(base.resolve("tls")));
        Files.writeString(base.resolve("server.jar"), "");
        assertEquals(List.of("java", "-cp", base.resolve("server.jar").toString(), RunCertificate.SELF_SIGNED_MAIN,
                base.resolve("tls").toString(), "ec"), new RunCertificate(base, base.resolve("server.jar"), "java").command());
    }

    @Test
    void a_level_label_and_cell_id_name_the_https_scenario() {
        Scenario idle = Scenarios.byName(SuiteKind.QUICK, 2).get(Scenarios.TLS_IDLE);
        SuitePlan.Cell c = new SuitePlan.Cell(idle, TargetSpec.parse("nginx"), new Level(16, 0, 300), 1);
        assertEquals("tls-idle_nginx_c16-i300_r1", c.id());
    }
}
