package mpmbench.loadgen.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the rows of an {@code .hgrm} file: value, percentile, total count (comments and header skipped). */
final class HgrmParser {

    private HgrmParser() {
    }

    static List<double[]> rows(Path hgrm) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(hgrm)) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("Value")) {
                continue;
            }
            String[] f = t.split("\\s+");
            rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        return rows;
    }
}
