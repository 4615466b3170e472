package mpmbench.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code mpmbench report DIR}: rebuilds claims.csv, charts/ and report.md of a results folder from
 * its CSV and latency files alone (a copied folder included); a folder of a micro run alone (jmh.csv,
 * memory.csv, no summary.csv) gets its Microbenchmarks section, charts and claim 5. Exit codes: 0 done,
 * 1 it failed, 2 no such folder or neither summary.csv nor jmh.csv in it.
 */
public final class ReportMain {

    private ReportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println("usage: mpmbench report DIR   (rebuilds claims.csv, charts/ and report.md from DIR's CSV files)");
            return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2;
        }
        Path dir = Path.of(args[0]);
        if (!Files.isRegularFile(dir.resolve("summary.csv")) && !Files.isRegularFile(dir.resolve("jmh.csv"))) {
            System.err.println("mpmbench report: no summary.csv (nor jmh.csv) in " + dir);
            return 2;
        }
        try {
            ReportBuilder.build(dir);
        } catch (Exception e) {
            System.err.println("mpmbench report: failed: " + e);
            return 1;
        }
        System.out.println("mpmbench report: " + dir.resolve("report.md"));
        return 0;
    }
}
