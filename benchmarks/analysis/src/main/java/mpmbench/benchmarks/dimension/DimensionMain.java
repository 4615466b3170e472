package mpmbench.benchmarks.dimension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mpmbench dimension DIR [--windows N]}: the analysis of a dimensioning experiment's folder
 * ({@code scripts/dimension}): writes DIR/dimension.csv ({@link DimensionRows}), DIR/dimension.md
 * ({@link DimensionReport}: variance components and pairs per scenario) and DIR/charts/dimension-*.png/svg.
 * Exit codes: 0 written, 1 it failed, 2 a bad flag or no such folder.
 */
@Command(name = "mpmbench dimension", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        usageHelpWidth = 100,
        description = {"Analyses a dimensioning experiment (scripts/dimension): where the noise of req/s lives,",
            "between the windows of an instance, between fresh instances, in the round every target shares, and",
            "over time. Writes DIR/dimension.csv, DIR/dimension.md and DIR/charts/dimension-*.png/svg.", ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:it failed", "2:bad flag, or no such folder"},
        footer = {"", "Example: scripts/mpmbench dimension results/dimension-2026-12-06"})
public final class DimensionMain implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the experiment's folder (order.csv, instances/)")
    Path dir;

    @Option(names = "--windows", paramLabel = "N", description = "windows each measured window is cut into (default 3)")
    int windows = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine cl = new CommandLine(new DimensionMain());
        UsageErrors.install(cl);
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        if (windows < 2) {
            System.err.println("mpmbench dimension: --windows must be at least 2 (a window sd needs two), got " + windows);
            return 2;
        }
        if (!Files.isRegularFile(dir.resolve("order.csv"))) {
            System.err.println("mpmbench dimension: no order.csv in " + dir + " (a folder of scripts/dimension)");
            return 2;
        }
        try {
            List<Row> rows = DimensionRows.read(dir, windows);
            CsvTables.write(dir.resolve("dimension.csv"), DimensionRows.COLUMNS, rows);
            StringBuilder md = new StringBuilder("# Dimensioning experiment: where the noise lives\n\n"
                    + "From " + dir.getFileName() + "/dimension.csv (" + rows.size() + " windows). Sds in % of log req/s.\n\n");
            for (String[] cell : DimensionRows.cells(rows)) {
                Map<String, List<VarianceComponents.Instance>> byTarget = DimensionRows.instances(rows, cell[0], cell[1]);
                VarianceComponents.Result r = VarianceComponents.of(byTarget);
                md.append(DimensionReport.markdown(cell[0], cell[1], r));
                md.append(DimensionReport.cpuMarkdown(VarianceComponents.of(
                        DimensionRows.instances(rows, cell[0], cell[1], "cpu_us_per_req"))));
                String left = DimensionRows.leftOut(rows, cell[0], cell[1]);
                md.append(left.isEmpty() ? "" : "\nLeft out (not judged by the suite): " + left + ".\n").append('\n');
                String stem = "dimension-" + cell[0] + "-" + cell[1];
                DimensionReport.save(dir.resolve("charts"), stem, DimensionReport.chart(cell[0], cell[1], byTarget, r),
                        "instance req/s by round, " + cell[0] + " " + cell[1]);
                md.append("![").append(stem).append("](charts/").append(stem).append(".png)\n\n");
            }
            Files.writeString(dir.resolve("dimension.md"), md.toString(), StandardCharsets.UTF_8);
            System.out.println("mpmbench dimension: " + rows.size() + " windows; " + dir.resolve("dimension.md"));
            return 0;
        } catch (Exception e) {
            System.err.println("mpmbench dimension: failed: " + e);
            return 1;
        }
    }
}
