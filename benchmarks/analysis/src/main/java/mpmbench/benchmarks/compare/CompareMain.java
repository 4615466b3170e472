package mpmbench.benchmarks.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * {@code mpmbench compare BASE_DIR NEW_DIR [--threshold 10%]}: is run B slower than run A, or is that
 * noise? {@code mpmbench compare DIR}: the same question within one run of {@code suite --baseline}
 * ({@link WithinRun}: java-X against base:java-X, paired by round). Prints the Markdown of {@link CompareMarkdown} and writes compare.csv and compare.md
 * ({@link RunComparison}). Reads both folders through {@link ResultsFolder} (any schema, invariants
 * applied). Exit codes: 0 no regression beyond the threshold with at least one figure judged, 1 at
 * least one (or a claim lost with {@code --gate-claims}), 2 bad input (a folder or file that cannot be
 * read, a bad flag), one line naming what, 3 nothing could be judged (never "No regression").
 */
@Command(name = "mpmbench compare", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        exitCodeOnInvalidInput = CompareMain.BAD_INPUT,
        sortOptions = false, usageHelpWidth = 100,
        description = {"Compares two results folders of mpmbench suite cell by cell: new / base of the medians of "
                + "req/s, p50, p99 and CPU per request, with a 95 %% interval, and a verdict: faster, slower, or no "
                + "significant change. Cells in one run only, and generator-bound, invalid or unsettled cells, are "
                + "listed, not judged. Reads results folders of every schema (columns an older one lacks are not "
                + "measured) and applies the invariants of mpmbench verify on read.",
                "With one folder, a run of mpmbench suite --baseline REF: each java-X against its base:java-X, "
                + "paired by round (the interval of the per-round log-ratios), the same verdicts and exit codes."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no cell significantly slower by more than the threshold (at least one figure judged)",
                "1:at least one regression beyond the threshold (or, with --gate-claims, a claim lost)",
                "2:bad input (a folder or file that cannot be read, a flag, or runs of two load generators)",
                "3:nothing could be judged (one repeat, no cell in common, every cell invalid or not judged): no "
                        + "verdict"})
public final class CompareMain implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASE_DIR", description = "the results folder to compare against")
    Path base;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NEW_DIR", description = "the results folder to judge; "
            + "without it, BASE_DIR must be a run of suite --baseline, judged within itself: each java-X against its "
            + "base:java-X, paired by round")
    Path next;

    @Option(names = "--threshold", paramLabel = "P", description = "how much slower is a regression, e.g. 10%% "
            + "(default 10%%), at a 5 %% family-wise error over every figure judged (Holm)")
    String threshold = "10%";

    @Option(names = "--out", paramLabel = "DIR", description = "where compare.csv and compare.md go (default NEW_DIR)")
    Path out;

    @Option(names = "--gate-claims", description = "also exit 1 when a claim that holds in BASE_DIR does not hold in "
            + "NEW_DIR (one that became inconclusive is a warning)")
    boolean gateClaims;

    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CompareMain command = new CompareMain();
        command.stdout = out;
        command.stderr = err;
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        UsageErrors.install(cl);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("mpmbench compare: " + (ex instanceof IllegalArgumentException ? ex.getMessage() : "failed: " + ex));
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        double t = parseThreshold(threshold);
        if (next == null) {
            return withinRun(t);
        }
        ResultsFolder a;
        ResultsFolder b;
        try {
            a = ResultsFolder.readSuite(base);
            b = ResultsFolder.readSuite(next);
        } catch (ResultsFolder.BadFolder e) {
            stderr.println("mpmbench compare: " + e.getMessage());
            return BAD_INPUT;
        }
        if (!a.generator().equals(b.generator())) {
            // wrk and ours count latency, errors and the window differently: a ratio of the two is no verdict
            stderr.println("mpmbench compare: " + base + " was measured with the load generator " + a.generator()
                    + " and " + next + " with " + b.generator() + "; compare two runs of one generator");
            return BAD_INPUT;
        }
        List<Row> rows = RunComparison.compare(a, b, t);
        List<ClaimChanges> claims = ClaimChanges.of(a, b);
        String md = CompareMarkdown.render(a, b, rows, t) + CompareMarkdown.claims(claims);
        Path dir = out != null ? out : next;
        CsvTables.write(dir.resolve("compare.csv"), Schemas.COMPARE, rows);
        Files.writeString(dir.resolve("compare.md"), md, StandardCharsets.UTF_8);
        stdout.print(md);
        stdout.println("mpmbench compare: " + dir.resolve("compare.csv") + ", " + dir.resolve("compare.md"));
        boolean lost = claims.stream().anyMatch(c -> c.outcome().equals(ClaimChanges.LOST));
        if (RunComparison.regressed(rows) || gateClaims && lost) {
            return REGRESSION;
        }
        return RunComparison.judged(rows) == 0 ? NOTHING_JUDGED : NO_REGRESSION;
    }

    /** {@code compare DIR}: a run of {@code suite --baseline}, new against base paired by round ({@link WithinRun}). */
    private int withinRun(double t) throws IOException {
        if (gateClaims) {
            throw new IllegalArgumentException("--gate-claims compares the claims of two folders: give BASE_DIR and NEW_DIR");
        }
        ResultsFolder run;
        try {
            run = ResultsFolder.readSuite(base);
        } catch (ResultsFolder.BadFolder e) {
            stderr.println("mpmbench compare: " + e.getMessage());
            return BAD_INPUT;
        }
        if (!WithinRun.hasBase(run)) {
            stderr.println("mpmbench compare: " + base + " has no base:java-X targets; compare one folder only when "
                    + "it is a run of suite --baseline REF, else give BASE_DIR and NEW_DIR");
            return BAD_INPUT;
        }
        List<Row> rows = WithinRun.compare(run, t);
        String md = CompareMarkdown.render(run, run, rows, t, WithinRun.intervalNote(run));
        Path dir = out != null ? out : base;
        CsvTables.write(dir.resolve("compare.csv"), Schemas.COMPARE, rows);
        Files.writeString(dir.resolve("compare.md"), md, StandardCharsets.UTF_8);
        stdout.print(md);
        stdout.println("mpmbench compare: " + dir.resolve("compare.csv") + ", " + dir.resolve("compare.md"));
        if (RunComparison.regressed(rows)) {
            return REGRESSION;
        }
        return RunComparison.judged(rows) == 0 ? NOTHING_JUDGED : NO_REGRESSION;
    }

    /** Exit codes (the --help list says the same). */
    static final int NO_REGRESSION = 0;
    static final int REGRESSION = 1;
    static final int BAD_INPUT = 2;
    /** No figure could be judged (one repeat, no cell in common, every cell invalid or not judged): no verdict at all. */
    static final int NOTHING_JUDGED = 3;

    /** "10%", "10" or "2.5%" → 0.1, 0.1, 0.025; anything else, or outside (0, 100) %, is an error naming the flag. */
    static double parseThreshold(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("%")) {
            v = v.substring(0, v.length() - 1).trim();
        }
        double p;
        try {
            p = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            p = Double.NaN;
        }
        if (!(p > 0 && p < 100)) {
            throw new IllegalArgumentException("--threshold '" + s + "' is not a percentage between 0 and 100, e.g. 10%");
        }
        return p / 100;
    }
}
