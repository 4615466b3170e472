package mpmbench.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Design;
import mpmbench.benchmarks.claims.Claims;
import mpmbench.benchmarks.report.chart.Drawn;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.results.SequentialLooks;

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

    /**
     * Rebuilds the derived files of a folder read through {@link ResultsFolder} (any schema, the
     * invariants applied: rows that break one are in no median, claim or chart, and report.md lists
     * them). cells.csv is written here and only here.
     *
     * @throws ResultsFolder.BadFolder when the folder cannot be read (the message names the file)
     */
    public static void build(Path dir) throws IOException {
        ResultsFolder run = ResultsFolder.read(dir);
        if (!run.summary().isEmpty()) {
            CsvTables.write(dir.resolve("cells.csv"), Schemas.CELLS, run.cellTable());
        }
        // a run of suite --until-decided is judged at the level of its looks (env.csv), as it was when it stopped
        // a run of suite --duet judges no claim from its duet cells (not a target's own figures)
        List<Row> claims = Claims.evaluate(run.summary(), run.jmh(), run.memory(), SequentialLooks.of(run.env()),
                Design.duetScenarios(run.env()));
        CsvTables.write(dir.resolve("claims.csv"), Schemas.CLAIMS, claims);
        clearCharts(dir.resolve("charts"));
        List<Drawn> drawn = new ArrayList<>(Charts.draw(run));
        List<Drawn> micro = new ArrayList<>();
        MicroCharts.draw(dir.resolve("charts"), run.jmh(), micro);
        String md = ReportMarkdown.render(run, claims, captions(drawn), captions(micro));
        Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
        drawn.addAll(micro);
        Map<String, String> svgs = new LinkedHashMap<>();
        drawn.forEach(d -> svgs.put(d.stem(), d.svg()));
        String runId = run.env().getOrDefault("run_id", dir.getFileName() == null ? "" : dir.getFileName().toString());
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
