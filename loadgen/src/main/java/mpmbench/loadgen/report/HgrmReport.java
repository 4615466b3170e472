package mpmbench.loadgen.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import mpmbench.loadgen.LoadResult;

/**
 * {@code --hgrm FILE}: the percentile spectrum of the corrected latency, HdrHistogram's
 * {@code outputPercentileDistribution} with values in <b>milliseconds</b> (as wrk2 prints it), the
 * file HdrHistogram's plotter reads. The file is replaced.
 */
public final class HgrmReport {

    private HgrmReport() {
    }

    public static void write(Path file, LoadResult result) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             PrintStream ps = new PrintStream(os, false, StandardCharsets.UTF_8)) {
            result.corrected().outputPercentileDistribution(ps, 1000.0);
        }
    }
}
