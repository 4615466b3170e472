package mpmbench.loadgen.cli;

import java.io.PrintStream;

import org.HdrHistogram.Histogram;

import mpmbench.loadgen.contract.ProgressLine;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.engine.LoadRun;
import mpmbench.loadgen.record.IntervalCollector;

/**
 * Live progress on stderr, once a second: elapsed time, requests/s of the last second, errors so far,
 * the last second's corrected p99. On a terminal the line is rewritten in place; otherwise one line
 * per second. The lines' format is {@link ProgressLine}'s.
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
        String line = new ProgressLine.Second(elapsedS, warmup, done - lastDone, counts.errorsWithWarmup(), p99Ms).format();
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
        out.println((terminal ? "\r" : "") + new ProgressLine.WarmupOver(elapsedS, settled).format());
        out.flush();
    }

    /**
     * One line when the measured window ends, {@code window over after 9.0s} (seconds since the run's
     * start; the grace for the answers in flight follows): the suite reads it to sample the server at
     * the end of the measured window.
     */
    @Override
    public void windowOver(double elapsedS) {
        out.println((terminal ? "\r" : "") + new ProgressLine.WindowOver(elapsedS).format());
        out.flush();
    }

    /** Ends the progress line before the summary is printed. */
    void end() {
        if (terminal) {
            out.println();
        }
    }
}
