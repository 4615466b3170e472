package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Status;

/**
 * The suite over HTTPS on real processes (issue 21): java-prefork and java-worker, and httpd-prefork and
 * httpd-worker when apache2 is installed (else their half is skipped), started over TLS with the run's
 * certificate for {@code tls-churn-resumed} (a new connection per request offering its session), one
 * short repeat each: every target answers over https://, the handshakes and resumptions are counted,
 * claim 9 has its row per family, and the run's key is gone afterwards. Tagged e2e ({@code -Psuite-e2e};
 * about a minute). Counts, not timings: the verdict needs repeats (README, "HTTPS in the suite").
 */
@Tag("e2e")
class TlsSuiteE2ETest {

    @Test
    void every_target_serves_https_and_its_resumptions_are_counted_and_judged(@TempDir Path out) throws Exception {
        String root = System.getProperty("mpmbench.root");
        Path jar = Path.of(root, "server/target/mpmbench-server.jar");
        List<String> targets = new ArrayList<>(List.of("java-prefork", "java-worker"));
        for (String peer : List.of("httpd-prefork", "httpd-worker")) {
            if (TargetLauncher.unavailable(TargetSpec.parse(peer), jar).isEmpty()) {
                targets.add(peer);
            }
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SuiteMain.execute(new String[] {"quick", "--targets", String.join(",", targets), "--scenarios",
                Scenarios.TLS_CHURN_RESUMED, "--repeats", "1", "--duration", "2s", "--warmup", "1s", "--settle-max", "6s",
                "--no-micro", "--root", root, "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString());
        List<Row> summary = CsvTables.read(out.resolve("summary.csv"));
        assertEquals(targets.size(), summary.size(), summary.toString());
        for (Row r : summary) {
            String t = r.text("target");
            assertTrue(Status.of(r.text("status")).measured(), r.toString());
            String console = Files.readString(out.resolve("latency/" + Scenarios.TLS_CHURN_RESUMED + "_" + t + "_c16_r1.txt"));
            assertTrue(console.contains("@ https://127.0.0.1:"), t + ": " + console);
            assertTrue(console.contains("TLS (TLSv1.2, resume ticket"), t + ": " + console);
            assertFalse(r.text("tls_handshakes").isEmpty(), "handshakes counted for " + t + ": " + r);
            assertTrue(r.num("tls_resumed") <= r.num("tls_handshakes"), r.toString());
            if (r.num("requests") > 0) {
                assertTrue(r.num("tls_handshakes") > 0, "a request per connection, a handshake each: " + r);
            }
        }
        List<Row> claims = CsvTables.read(out.resolve("claims.csv"));
        for (String family : targets.size() > 2 ? List.of("java", "httpd") : List.of("java")) {
            Row c = claims.stream().filter(r -> r.text("claim").equals("9") && r.text("family").equals(family))
                    .findFirst().orElseThrow(() -> new AssertionError("no claim 9 row for " + family + ": " + claims));
            assertEquals("c16", c.text("level"), c.toString());
            assertTrue(c.text("values").contains(family + "-prefork=") && c.text("values").contains("[resumed "),
                    c.toString());
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("A resumed session is as likely"));
        // the run base is TMPDIR/mpmbench-run-RUNID (SuiteMain); no run left a key behind
        try (var bases = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<Path> left = bases.filter(p -> p.getFileName().toString().startsWith("mpmbench-run-"))
                    .filter(p -> Files.exists(p.resolve("tls/key.pem"))).toList();
            assertEquals(List.of(), left, "the run's key is removed with the run");
        }
    }
}
