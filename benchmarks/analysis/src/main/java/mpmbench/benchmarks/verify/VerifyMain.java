package mpmbench.benchmarks.verify;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import mpmbench.benchmarks.results.CellIds;
import mpmbench.benchmarks.results.Invariants;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;

/**
 * {@code mpmbench verify DIR [DIR...]}: reads each results folder ({@link ResultsFolder}, any schema),
 * runs the {@link Invariants} on every row and on env.csv, and prints per folder the count of rows
 * breaking each rule, then each breaking row (cell, rule, the numbers). Exit codes: 0 every folder
 * keeps every rule, 1 some row (or env.csv) breaks one, 2 a folder cannot be read (one line naming
 * the file and what is wrong) or a bad flag; a folder that cannot be read does not stop the others.
 */
@Command(name = "mpmbench verify", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        usageHelpWidth = 140,
        description = {"Checks that every row of the results folders is physically possible: the invariants below, "
                + "on summary.csv of any schema (columns an older schema lacks are not measured) and on env.csv. "
                + "Prints the rows breaking each rule and every such row; report and compare apply the same rules "
                + "when they read a folder, and never judge a row that breaks one.", "", "Rules:"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every row of every folder keeps every rule", "1:a row (or an env.csv) breaks a rule",
                "2:a folder or file cannot be read, or a bad flag"},
        footer = {"", "Example: mpmbench verify results/2026-12-05-kvm-2vcpu-quick results/2026-12-06-kvm-2vcpu-full"})
public final class VerifyMain implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "results folders of mpmbench suite")
    List<Path> dirs;

    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        VerifyMain command = new VerifyMain();
        command.stdout = out;
        command.stderr = err;
        CommandLine cl = new CommandLine(command);
        List<String> description = new java.util.ArrayList<>(List.of(cl.getCommandSpec().usageMessage().description()));
        description.addAll(rules());
        cl.getCommandSpec().usageMessage().description(description.toArray(String[]::new));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        UsageErrors.install(cl);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("mpmbench verify: failed: " + ex);
            return 2;
        });
        return cl.execute(args);
    }

    /** The rules as lines of the help (picocli formats descriptions: a literal % is written %%). */
    private static List<String> rules() {
        return Invariants.ALL.stream().map(r -> String.format("  %-22s %s", r.name(), r.explanation()).replace("%", "%%"))
                .toList();
    }

    @Override
    public Integer call() {
        int code = 0;
        for (Path dir : dirs) {
            ResultsFolder run;
            try {
                run = ResultsFolder.readSuite(dir);
            } catch (ResultsFolder.BadFolder e) {
                stderr.println("mpmbench verify: " + e.getMessage());
                code = 2;
                continue;
            }
            if (!print(run) && code == 0) {
                code = 1;
            }
        }
        return code;
    }

    /** Prints a folder's counts and breaking rows; whether it keeps every rule. */
    private boolean print(ResultsFolder run) {
        List<Row> invalid = run.invalid();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Invariants.ALL.forEach(r -> counts.put(r.name(), 0));
        invalid.forEach(r -> Invariants.violations(r).forEach(v -> counts.merge(v, 1, Integer::sum)));
        run.envBreaches().forEach(b -> counts.merge(b.rule().name(), 1, Integer::sum));
        boolean clean = invalid.isEmpty() && run.envBreaches().isEmpty();
        stdout.printf("%s: schema %d, %d rows: %s%n", run.dir(), run.schema(), run.summary().size(),
                clean ? "every rule kept" : invalid.size() + " rows break an invariant"
                        + (run.envBreaches().isEmpty() ? "" : ", env.csv breaks one"));
        counts.forEach((rule, n) -> stdout.printf("  %-22s %d%n", rule, n));
        run.envBreaches().forEach(b -> stdout.println("  env.csv: " + b));
        for (Row r : invalid) {
            stdout.println("  " + CellIds.of(r) + ": " + r.text("reason"));
        }
        return clean;
    }
}
