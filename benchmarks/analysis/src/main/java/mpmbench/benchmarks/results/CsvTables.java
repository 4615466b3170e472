package mpmbench.benchmarks.results;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes and reads the run's CSV files with commons-csv: RFC 4180, a header row, {@code \n} line
 * ends, UTF-8. Values are already text ({@link Row}), so nothing here depends on the locale.
 */
public final class CsvTables {

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private CsvTables() {
    }

    public static String render(List<String> columns, List<Row> rows) {
        StringWriter out = new StringWriter();
        try {
            write(out, columns, rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    public static void write(Path file, List<String> columns, List<Row> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, columns, rows);
        }
    }

    private static void write(Writer w, List<String> columns, List<Row> rows) throws IOException {
        try (CSVPrinter p = new CSVPrinter(w, WRITE)) {
            p.printRecord(columns);
            for (Row r : rows) {
                List<String> values = new ArrayList<>(columns.size());
                for (String c : columns) {
                    values.add(r.text(c));
                }
                p.printRecord(values);
            }
        }
    }

    /** Reads a CSV file with a header row; an absent file reads as no rows. */
    public static List<Row> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static List<Row> read(Reader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(READ).get()) {
            for (CSVRecord rec : parser) {
                rows.add(Row.of(rec.toMap()));
            }
        }
        return rows;
    }
}
