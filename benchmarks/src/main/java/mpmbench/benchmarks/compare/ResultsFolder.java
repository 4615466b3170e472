package mpmbench.benchmarks.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * A suite's results folder as {@code compare} reads it: env.csv at {@link Schemas#VERSION} and
 * summary.csv with every column of {@link Schemas#SUMMARY}, grouped by cell.
 *
 * @param dir   the folder
 * @param cells summary.csv's repeats by cell
 * @param env   env.csv as key → value
 */
public record ResultsFolder(Path dir, Cells cells, Map<String, String> env) {

    /** A folder that is not a results folder of this version; the message names the file and what is wrong. */
    public static final class BadFolder extends Exception {
        BadFolder(String message) {
            super(message);
        }
    }

    public static ResultsFolder read(Path dir) throws BadFolder {
        if (!Files.isDirectory(dir)) {
            throw new BadFolder(dir + ": no such folder");
        }
        Path envFile = dir.resolve("env.csv");
        Path summaryFile = dir.resolve("summary.csv");
        for (Path f : List.of(envFile, summaryFile)) {
            if (!Files.isRegularFile(f)) {
                throw new BadFolder(f + ": missing (not a results folder of mpmbench suite)");
            }
        }
        Map<String, String> env = rows(envFile).stream()
                .collect(Collectors.toMap(r -> r.text("key"), r -> r.text("value"), (a, b) -> b));
        String version = env.getOrDefault("schema_version", "");
        if (!version.equals(Integer.toString(Schemas.VERSION))) {
            throw new BadFolder(envFile + ": schema_version " + (version.isEmpty() ? "absent (a run before intervals)" : version)
                    + "; compare reads version " + Schemas.VERSION + " (run the suite again with this build)");
        }
        List<Row> summary = rows(summaryFile);
        if (summary.isEmpty()) {
            throw new BadFolder(summaryFile + ": no rows");
        }
        List<String> missing = Schemas.SUMMARY.stream().filter(c -> !summary.getFirst().has(c)).toList();
        if (!missing.isEmpty()) {
            throw new BadFolder(summaryFile + ": columns missing: " + String.join(", ", missing));
        }
        return new ResultsFolder(dir, new Cells(summary), env);
    }

    private static List<Row> rows(Path file) throws BadFolder {
        try {
            return CsvTables.read(file);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadFolder(file + ": not readable as CSV: " + e.getMessage());
        }
    }
}
