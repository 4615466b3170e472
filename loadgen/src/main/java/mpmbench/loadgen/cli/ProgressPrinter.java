package mpmbench.loadgen.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.HdrHistogram.Histogram;

import mpmbench.loadgen.engine.Counter;
import mpmbench.loadgen.engine.Counts;
import mpmbench.loadgen.engine.LoadRun;
import mpmbench.loadgen.record.IntervalCollector;

/**
 * Live progress on stderr, once a second: elapsed time, requests/s of the last second, errors so far,
 * the last second's corrected p99. On a terminal the line is rewritten in place; otherwise one line
 * per second.
 */
final class ProgressPrinter implements LoadRun.Progress {

    private final PrintStream out;
    private final boolean terminal;
    private long lastDone;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void second(double elapsedS, Counts counts, Histogram[] interval, boolean warmup) {
        long done = counts.get(Counter.REQUESTS) + counts.get(Counter.WARMUP_REQUESTS);
        Histogram corrected = interval[IntervalCollector.CORRECTED];
        double p99Ms = corrected.getTotalCount() == 0 ? 0 : corrected.getValueAtPercentile(99) / 1000.0;
        long errors = counts.errors() + counts.get(Counter.WARMUP_ERRORS); // the live line counts every phase
        String line = String.format(Locale.ROOT, "  %6.1fs %s %9d req/s  errors %d  p99 %.3fms",
                elapsedS, warmup ? "warm-up" : "       ", done - lastDone, errors, p99Ms);
        lastDone = done;
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /**
     * One line when the warm-up ends, {@code warm-up over after 6.0s: steady} (without {@code : steady}
     * when it was fixed or reached its cap): the suite reads it to
     * sample the server at the start of the measured window.
     */
    @Override
    public void warmupOver(double elapsedS, boolean settled) {
        out.printf(Locale.ROOT, "%s  warm-up over after %.1fs%s%n", terminal ? "\r" : "", elapsedS,
                settled ? ": steady" : "");
        out.flush();
    }

    /** Ends the progress line before the summary is printed. */
    void end() {
        if (terminal) {
            out.println();
        }
    }
}
