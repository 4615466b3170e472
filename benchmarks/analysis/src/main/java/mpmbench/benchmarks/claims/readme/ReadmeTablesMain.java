package mpmbench.benchmarks.claims.readme;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mpmbench tables [--check] [README]}: regenerates README's claims and ops tables
 * ({@link ReadmeTables}) from the results folders their markers name. Exit codes: 0 written (or, with
 * {@code --check}, up to date), 1 {@code --check} found a table that differs, or it failed, 2 a bad
 * flag or no such file.
 */
@Command(name = "mpmbench tables", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        usageHelpWidth = 100,
        description = {"Regenerates README's claims and ops tables from the results folders their markers name",
            "(<!-- claims-table: results/DIR --> ... <!-- /claims-table -->, the same for ops-table): the claims",
            "are evaluated from each folder's summary.csv, jmh.csv and memory.csv. Text outside the markers is",
            "left as it is.", ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written, or up to date with --check", "1:--check found a difference, or it failed",
            "2:bad flag, or no such README"},
        footer = {"", "Example: scripts/mpmbench tables   (after re-measuring a reference folder)"})
public final class ReadmeTablesMain implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "README",
            description = "the README to rewrite (default: README.md of the repository, $MPMBENCH_ROOT)")
    Path readme;

    @Option(names = "--check", description = "write nothing; exit 1 when a table differs from what its folder gives")
    boolean check;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine cl = new CommandLine(new ReadmeTablesMain());
        UsageErrors.install(cl);
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        Path file = readme != null ? readme
                : Path.of(System.getenv().getOrDefault("MPMBENCH_ROOT", ".")).resolve("README.md");
        if (!Files.isRegularFile(file)) {
            System.err.println("mpmbench tables: no such file " + file);
            return 2;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Path root = file.toAbsolutePath().getParent();
            String generated = ReadmeTables.regenerate(text, root);
            String sections = String.join(", ", ReadmeTables.sections(text));
            if (check) {
                if (!generated.equals(text)) {
                    System.err.println("mpmbench tables: " + file + " differs from its results (" + sections
                            + "); run scripts/mpmbench tables");
                    return 1;
                }
                System.out.println("mpmbench tables: up to date: " + sections);
                return 0;
            }
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            System.out.println("mpmbench tables: " + file + ": " + sections);
            return 0;
        } catch (Exception e) {
            System.err.println("mpmbench tables: failed: " + e);
            return 1;
        }
    }
}
