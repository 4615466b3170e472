package mpmbench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mpmbench.benchmarks.claims.Claims;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * Seals the CSV schemas (summary, samples, cells, claims, duet, env) against golden files under several default
 * locales: a change of a column or of a number's text is a deliberate change of a golden file. On a
 * mismatch the actual text is left in target/golden-actual/ to compare.
 */
class GoldenCsvTest {

    private Locale saved;

    @BeforeEach
    void save() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    static Row summaryRow() {
        return Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", "java-event").put("path", "/hello")
                .put("keepalive", true).put("connections", 64).put("rate", 0.0).put("idle", 0).put("repeat", 1)
                .put("status", "ok").put("reason", "").put("warmup_s", 6.5).put("settled", true).put("duration_s", 2.0)
                .put("requests", 40123L)
                .put("rps", 20061.5).put("errors", 2L).put("err_connect", 0).put("err_read", 1).put("err_write", 0)
                .put("err_timeout", 1).put("err_status", 0).put("err_parse", 0).put("err_closed", 0)
                .put("p50_ms", 1.234).put("p90_ms", 2.5).put("p99_ms", 10.0).put("p999_ms", 12.3456).put("max_ms", 15.0)
                .put("uncorrected_p99_ms", 10.0).put("cpu_us_per_req", 47.25).put("rss_mb", 199.5).put("pss_mb", 131.25)
                .put("processes", 3).put("threads", 93).put("fds", 141).put("ctx_switches_per_req", 0.5)
                .put("loadgen_cpu_pct", 71.5).put("first_200_ms", Double.NaN).build();
    }

    static Row skippedRow() {
        return Row.builder(Schemas.SUMMARY).put("scenario", "cpu").put("target", "nginx").put("keepalive", true)
                .put("connections", 4).put("rate", 0.0).put("idle", 0).put("repeat", 1).put("status", "skipped")
                .put("reason", "cpu needs /cpu, which nginx does not serve (static files only)").build();
    }

    /** An HTTPS row: the tls_* columns (schema 4) as the load generator gives them. */
    static Row tlsRow() {
        return Row.builder(Schemas.SUMMARY).put("scenario", "tls-churn-resumed").put("target", "httpd-prefork")
                .put("path", "/hello").put("keepalive", false).put("connections", 16).put("rate", 0.0).put("idle", 0)
                .put("repeat", 1).put("status", "ok").put("duration_s", 2.0).put("requests", 2400L).put("rps", 1200.0)
                .put("errors", 0L).put("tls_handshakes", 2401L).put("tls_resumed", 2398L)
                .put("tls_handshake_p50_ms", 1.25).put("tls_handshake_p99_ms", 4.0625).build();
    }

    static Row sampleRow() {
        return Row.builder(Schemas.SAMPLES).put("scenario", "crash").put("target", "httpd-worker").put("connections", 16)
                .put("rate", 0.0).put("idle", 0).put("repeat", 1).put("t_s", 3.0).put("phase", "measure")
                .put("rps", 11000L).put("errors", 11L).put("rss_mb", 14.25).put("pss_mb", 4.875).put("cpu_pct", 97.5)
                .put("threads", 55).put("processes", 3).put("fds", 40).put("ctx_switches_per_s", 1234.5).build();
    }

    /** A duet level of suite --duet: base:java-event started first, its window 50 ms ahead of the new build's. */
    static Row duetRow() {
        return Row.builder(Schemas.DUET).put("scenario", "hello").put("target", "java-event")
                .put("base_target", "base:java-event").put("connections", 16).put("rate", 0.0).put("idle", 0)
                .put("repeat", 2).put("first", "base:java-event").put("new_window_start_ms", 1765058400120L)
                .put("new_window_end_ms", 1765058405120L).put("base_window_start_ms", 1765058400070L)
                .put("base_window_end_ms", 1765058405070L).put("overlap_pct", 99.0).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "ar-EG", "hi-IN"})
    void summary_samples_claims_env(String tag) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(tag));
        check("summary.csv", CsvTables.render(Schemas.SUMMARY, List.of(summaryRow(), skippedRow(), tlsRow())));
        check("samples.csv", CsvTables.render(Schemas.SAMPLES, List.of(sampleRow())));
        List<Row> fixture;
        try (var in = new InputStreamReader(GoldenCsvTest.class.getResourceAsStream("/fixture/summary.csv"),
                StandardCharsets.UTF_8)) {
            fixture = CsvTables.read(in);
        }
        check("cells.csv", CsvTables.render(Schemas.CELLS, new Cells(fixture).table()));
        check("claims.csv", CsvTables.render(Schemas.CLAIMS, Claims.evaluate(fixture)));
        check("duet.csv", CsvTables.render(Schemas.DUET, List.of(duetRow())));
        check("env.csv", CsvTables.render(Schemas.ENV, List.of(
                Row.builder(Schemas.ENV).put("key", "cores").put("value", 2).build(),
                Row.builder(Schemas.ENV).put("key", "duration_s").put("value", 2.0).build(),
                Row.builder(Schemas.ENV).put("key", "command").put("value", "mpmbench suite quick --set \"A=1\"").build())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary.csv", "samples.csv"})
    void written_rows_read_back_the_same(String name) throws IOException {
        try (InputStream in = GoldenCsvTest.class.getResourceAsStream("/golden/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Row> rows = CsvTables.read(new java.io.StringReader(text));
            List<String> columns = name.equals("summary.csv") ? Schemas.SUMMARY : Schemas.SAMPLES;
            assertEquals(text, CsvTables.render(columns, rows));
        }
    }

    private static void check(String name, String actual) throws IOException {
        String expected;
        try (InputStream in = GoldenCsvTest.class.getResourceAsStream("/golden/" + name)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Path dir = Files.createDirectories(Path.of("target", "golden-actual"));
            Files.writeString(dir.resolve(name), actual);
        }
        assertEquals(expected, actual, name + " differs from src/test/resources/golden/" + name);
    }
}
