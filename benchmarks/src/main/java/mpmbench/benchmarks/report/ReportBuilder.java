package mpmbench.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.claims.Claims;
import mpmbench.benchmarks.report.chart.Drawn;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * Builds everything that is derived from a results folder's CSV files: claims.csv (from
 * summary.csv, and jmh.csv/memory.csv for claim 5), charts/ (from summary.csv, samples.csv,
 * latency/*.hgrm|*.hlog and jmh.csv), report.md and report.html (report.md with the charts inline as SVG).
 * Run at the
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
        clearCharts(dir.resolve("charts"));
        List<Drawn> drawn = new ArrayList<>(Charts.draw(dir, summary, samples));
        List<Drawn> micro = new ArrayList<>();
        MicroCharts.draw(dir.resolve("charts"), jmh, micro);
        String md = ReportMarkdown.render(summary, env, claims, captions(drawn), jmh, memory, captions(micro));
        Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
        drawn.addAll(micro);
        Map<String, String> svgs = new LinkedHashMap<>();
        drawn.forEach(d -> svgs.put(d.stem(), d.svg()));
        String runId = env.stream().filter(r -> r.text("key").equals("run_id")).map(r -> r.text("value")).findFirst()
                .orElse(dir.getFileName() == null ? "" : dir.getFileName().toString());
        Files.writeString(dir.resolve("report.html"), ReportHtml.render(md, svgs, "mpmbench report " + runId),
                StandardCharsets.UTF_8);
    }

    private static Map<String, String> captions(List<Drawn> drawn) {
        Map<String, String> m = new LinkedHashMap<>();
        drawn.forEach(d -> m.put(d.stem(), d.caption()));
        return m;
    }

    /** Removes the charts of an earlier build, so charts/ holds what this report shows and nothing else. */
    private static void clearCharts(Path charts) throws IOException {
        if (!Files.isDirectory(charts)) {
            return;
        }
        try (var files = Files.list(charts)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".svg")).toList()) {
                Files.delete(f);
            }
        }
    }
}
