package mpmbench.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import mpmbench.benchmarks.results.ResultsFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mpmbench report DIR}: rebuilds claims.csv, charts/, report.md and report.html of a results folder from
 * its CSV and latency files alone (a copied folder included); a folder of a micro run alone (jmh.csv,
 * memory.csv, no summary.csv) gets its Microbenchmarks section, charts and claim 5. Exit codes: 0 done,
 * 1 it failed, 2 a bad flag, no such folder, or neither summary.csv nor jmh.csv in it.
 */
@Command(name = "mpmbench report", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        usageHelpWidth = 100,
        description = {"Rebuilds claims.csv, charts/, report.md and report.html (one file, charts inline, opens offline)",
            "of a results folder from its CSV files alone",
            "(summary.csv, samples.csv, latency/, and jmh.csv/memory.csv of a micro run), e.g. of a folder",
            "copied from another machine. A folder with only jmh.csv gets the microbenchmark part.", ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:report written", "1:it failed", "2:bad flag, no summary.csv nor jmh.csv in DIR, or a file that cannot be read"},
        footer = {"", "Example: mpmbench report results/2026-12-05-kvm-2vcpu-quick"})
public final class ReportMain implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the results folder (as written by mpmbench suite or micro)")
    Path dir;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine cl = new CommandLine(new ReportMain());
        UsageErrors.install(cl);
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(dir.resolve("summary.csv")) && !Files.isRegularFile(dir.resolve("jmh.csv"))) {
            System.err.println("mpmbench report: no summary.csv (nor jmh.csv) in " + dir);
            return 2;
        }
        try {
            ReportBuilder.build(dir);
        } catch (ResultsFolder.BadFolder e) {
            System.err.println("mpmbench report: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("mpmbench report: failed: " + e);
            return 1;
        }
        System.out.println("mpmbench report: " + dir.resolve("report.md") + " and " + dir.resolve("report.html"));
        return 0;
    }
}
