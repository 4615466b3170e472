package mpmbench.loadgen.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;

import mpmbench.loadgen.LoadResult;

/**
 * {@code --csv FILE}: appends one row per run, with the header of {@link ResultColumns} written first
 * when the file is new or empty. RFC 4180 quoting; {@code .} decimals; {@code \n} line ends.
 *
 * <p>A file that already holds rows under another header (an older mpmbench's, with a column fewer or
 * more) is refused, before the run ({@link #checkAppendable}) and again when the row is written: a row
 * under a header it does not match is read by column name as the wrong numbers (2026-12-07: the CPU %
 * of a core read as µs per request, 78 for 7.1, by scripts/measure-loadgen from a file of an earlier day).
 */
public final class CsvReport {

    private CsvReport() {
    }

    /** The header line, without line end. */
    public static String header() {
        return String.join(",", ResultColumns.names());
    }

    /** The row of one result, without line end. */
    public static String row(LoadResult result) {
        return ResultColumns.ALL.stream()
                .map(c -> quote(ResultColumns.format(c.value().apply(result))))
                .collect(Collectors.joining(","));
    }

    /**
     * Throws {@link IllegalArgumentException} naming the file when it holds rows under another header
     * than this version's; a missing or empty file is fine.
     */
    public static void checkAppendable(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        String first;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            first = lines.findFirst().orElse("");
        }
        if (!first.equals(header())) {
            int theirs = first.isEmpty() ? 0 : first.split(",", -1).length;
            throw new IllegalArgumentException("--csv " + file + ": the file's header (" + theirs
                    + " columns) is not this version's (" + ResultColumns.ALL.size()
                    + "): a row appended there would be read under the wrong names; give a new file");
        }
    }

    /** Appends the row (after the header when the file is new or empty); see {@link #checkAppendable}. */
    public static void append(Path file, LoadResult result) throws IOException {
        checkAppendable(file);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        String text = (fresh ? header() + "\n" : "") + row(result) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** RFC 4180 quoting of one field: quoted only when it holds a comma, quote or line end. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
