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

    /** Appends the row (after the header when the file is new or empty). */
    public static void append(Path file, LoadResult result) throws IOException {
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
