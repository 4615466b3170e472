package mpmbench.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.claims.Claims;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * Builds everything that is derived from a results folder's CSV files: claims.csv (from
 * summary.csv, and jmh.csv/memory.csv for claim 5), charts/ (from summary.csv, samples.csv,
 * latency/*.hgrm and jmh.csv) and report.md. Run at the
 * end of a suite and by {@code mpmbench report DIR} on a copied folder.
 */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    public static void build(Path dir) throws IOException {
        List<Row> summary = CsvTables.read(dir.resolve("summary.csv"));
        List<Row> samples = CsvTables.read(dir.resolve("samples.csv"));
        List<Row> env = CsvTables.read(dir.resolve("env.csv"));
        JmhResults jmh = JmhResults.read(dir.resolve("jmh.csv"));
        List<Row> memory = CsvTables.read(dir.resolve("memory.csv"));
        if (!summary.isEmpty()) {
            CsvTables.write(dir.resolve("cells.csv"), Schemas.CELLS, new Cells(summary).table());
        }
        List<Row> claims = Claims.evaluate(summary, jmh, memory);
        CsvTables.write(dir.resolve("claims.csv"), Schemas.CLAIMS, claims);
        Map<String, String> charts = Charts.draw(dir, summary, samples);
        Map<String, String> microCharts = new LinkedHashMap<>();
        MicroCharts.draw(dir.resolve("charts"), jmh, microCharts);
        Files.writeString(dir.resolve("report.md"), ReportMarkdown.render(summary, env, claims, charts, jmh, memory,
                microCharts), StandardCharsets.UTF_8);
    }
}
