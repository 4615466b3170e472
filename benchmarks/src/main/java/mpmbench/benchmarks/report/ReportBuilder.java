package mpmbench.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.claims.Claims;

/**
 * Builds everything that is derived from a results folder's CSV files: claims.csv (from
 * summary.csv), charts/ (from summary.csv, samples.csv and latency/*.hgrm) and report.md. Run at the
 * end of a suite and by {@code mpmbench report DIR} on a copied folder.
 */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    public static void build(Path dir) throws IOException {
        List<Row> summary = CsvTables.read(dir.resolve("summary.csv"));
        List<Row> samples = CsvTables.read(dir.resolve("samples.csv"));
        List<Row> env = CsvTables.read(dir.resolve("env.csv"));
        List<Row> claims = Claims.evaluate(summary);
        CsvTables.write(dir.resolve("claims.csv"), Schemas.CLAIMS, claims);
        Map<String, String> charts = Charts.draw(dir, summary, samples);
        Files.writeString(dir.resolve("report.md"), ReportMarkdown.render(summary, env, claims, charts),
                StandardCharsets.UTF_8);
    }
}
