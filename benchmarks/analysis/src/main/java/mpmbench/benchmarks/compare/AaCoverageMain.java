package mpmbench.benchmarks.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/aa-coverage A [B] [--targets X,Y]}: the A/A coverage of the intervals ({@link AaCoverage})
 * of two results folders of the same build, or of two identically configured targets of one folder.
 * Prints one line per paired interval that missed 1, then the counts. Exit codes: 0 counted, 1 it
 * failed, 2 a bad flag or folder.
 */
@Command(name = "aa-coverage", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        usageHelpWidth = 100,
        description = {"Counts how many 95 % intervals of new/base contain 1 over A/A data (nothing changed):",
            "two results folders of the same build, or two identically configured targets of one (--targets).",
            "About 95 % should; paired intervals (by round) and Fieller's are counted apart.", ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:counted", "1:it failed", "2:bad flag or folder"})
public final class AaCoverageMain implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "FOLDER", description = "A and B (two runs), or one run with --targets")
    List<Path> folders;

    @Option(names = "--targets", paramLabel = "X,Y", split = ",", description = "two targets of one run to compare")
    List<String> targets;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine cl = new CommandLine(new AaCoverageMain());
        UsageErrors.install(cl);
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        boolean two = targets != null;
        if (two && (targets.size() != 2 || folders.size() != 1) || !two && folders.size() != 2) {
            System.err.println("aa-coverage: give two folders, or one folder with --targets X,Y (two targets)");
            return 2;
        }
        try {
            AaCoverage c = two ? AaCoverage.of(ResultsFolder.read(folders.getFirst()).cells(), targets.get(0), targets.get(1))
                    : AaCoverage.of(ResultsFolder.read(folders.get(0)).cells(), ResultsFolder.read(folders.get(1)).cells());
            c.misses().forEach(m -> System.out.println("missed 1: " + m));
            System.out.println("aa-coverage: " + c.text());
            return 0;
        } catch (ResultsFolder.BadFolder e) {
            System.err.println("aa-coverage: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("aa-coverage: failed: " + e);
            return 1;
        }
    }
}
