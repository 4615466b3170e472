package mpmbench.benchmarks.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a percentile spectrum ({@code .hgrm}, HdrHistogram's {@code outputPercentileDistribution}:
 * columns Value, Percentile, TotalCount, 1/(1-Percentile); here values in ms).
 */
public final class Hgrm {

    /** One line: latency in ms at a percentile (0..1), and 1/(1-p), infinite for the last line. */
    public record Point(double valueMs, double percentile, double inverse) {
    }

    private Hgrm() {
    }

    public static List<Point> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static List<Point> parse(String text) {
        List<Point> points = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 4 || line.trim().startsWith("#")) {
                continue;
            }
            try {
                double v = Double.parseDouble(f[0]);
                double p = Double.parseDouble(f[1]);
                double inv = f[3].equalsIgnoreCase("inf") || f[3].equalsIgnoreCase("infinity")
                        ? Double.POSITIVE_INFINITY : Double.parseDouble(f[3]);
                points.add(new Point(v, p, inv));
            } catch (NumberFormatException header) {
                // the header line
            }
        }
        return points;
    }
}
