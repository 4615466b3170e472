package mpmbench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims, charts and report.md rebuilt from a results folder's files alone (a fixture copied to a temp dir). */
class ReportBuilderTest {

    @Test
    void redraws_a_copied_folder(@TempDir Path dir) throws IOException {
        for (String f : List.of("summary.csv", "samples.csv", "env.csv", "latency/hello_java-event_c256_r1.hgrm",
                "latency/hello_java-prefork_c256_r1.hgrm")) {
            Path to = dir.resolve(f);
            Files.createDirectories(to.getParent());
            try (InputStream in = ReportBuilderTest.class.getResourceAsStream("/fixture/" + f)) {
                Files.copy(in, to);
            }
        }
        assertEquals(0, ReportMain.run(new String[] {dir.toString()}));
        for (String chart : List.of("throughput-vs-connections", "idle-keepalive", "idle-held", "memory",
                "cpu-per-request", "crash-timeline", "crash-errors", "latency-spectrum-hello")) {
            assertTrue(Files.size(dir.resolve("charts/" + chart + ".png")) > 1000, chart);
            assertTrue(Files.readString(dir.resolve("charts/" + chart + ".svg")).contains("<svg"), chart);
        }
        // no rate-sweep rows: no chart rather than an empty one
        assertTrue(Files.notExists(dir.resolve("charts/latency-vs-rate.png")));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| 1a | java | Prefork costs more memory than worker and event"), md);
        assertTrue(md.contains("![Throughput vs connections (hello, keep-alive)](charts/throughput-vs-connections.png)"));
        assertTrue(md.contains("- skipped: cpu needs /cpu — cpu httpd-prefork c4 r1"), md);
        assertEquals(16, CsvTables.read(dir.resolve("claims.csv")).size());
    }

    @Test
    void the_knee_is_the_first_rate_past_the_slo() {
        java.util.function.Function<double[], Row> row = v -> Row.builder(Schemas.SUMMARY).put("scenario", "rate-sweep")
                .put("target", "nginx").put("status", "ok").put("rate", v[0]).put("rps", v[1]).put("p99_ms", v[2])
                .put("errors", (long) v[3]).build();
        StringBuilder md = new StringBuilder();
        ReportMarkdown.knees(md, List.of(row.apply(new double[] {4000, 4000, 1.5, 0}),
                row.apply(new double[] {16000, 15990, 3.0, 0}), row.apply(new double[] {64000, 30000, 250, 0})));
        assertTrue(md.toString().contains("- nginx: 16000 req/s; knee: 64000 req/s (p99 250 ms, 0 errors, 30000 req/s achieved)"),
                md.toString());
    }

    @Test
    void a_folder_without_summary_is_refused(@TempDir Path dir) {
        assertEquals(2, ReportMain.run(new String[] {dir.toString()}));
    }

    @Test
    void hgrm_lines_and_short_numbers() {
        List<Hgrm.Point> p = Hgrm.parse("       Value     Percentile TotalCount 1/(1-Percentile)\n\n"
                + "       0.025 0.000000000000          9           1.00\n"
                + "      96.575 1.000000000000      55887\n"
                + "      90.000 0.990000000000      55000         100.00\n#[Mean    =        1.427]\n");
        assertEquals(2, p.size());
        assertEquals(90.0, p.get(1).valueMs());
        assertEquals(100.0, p.get(1).inverse());
        assertEquals("1235", ReportMarkdown.short3("1234.567"));
        assertEquals("12.35", ReportMarkdown.short3("12.345"));
        assertEquals("0.123", ReportMarkdown.short3("0.123"));
        assertEquals("7", ReportMarkdown.short3("7.000"));
    }
}
