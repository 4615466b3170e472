package mpmbench.benchmarks.suite;

import java.util.List;

import mpmbench.benchmarks.results.IntervalLog;

/**
 * Time to recovery after a kill, from the load generator's per-second counts: the seconds from the
 * kill until the first second whose requests/s are back to {@link #FRACTION} of the median of the
 * measured seconds before the kill (seconds up to {@code warmupS} are warm-up: the load
 * generator's progress lines do not always say so). Resolution is one second (a value of 1 means "within the
 * next second").
 */
public final class Recovery {

    public static final double FRACTION = 0.9;

    private Recovery() {
    }

    /** Seconds to recovery; NaN when there is no baseline or throughput never came back. */
    public static double seconds(List<LoadgenRun.Second> seconds, double killAtS, double warmupS) {
        double[] before = seconds.stream().filter(s -> !s.warmup() && s.tS() > warmupS + 0.05 && s.tS() <= killAtS + 1e-9)
                .mapToDouble(LoadgenRun.Second::rps).sorted().toArray();
        if (before.length == 0) {
            return Double.NaN;
        }
        double median = before[before.length / 2];
        if (median <= 0) {
            return Double.NaN;
        }
        for (LoadgenRun.Second s : seconds) {
            if (s.tS() > killAtS + 1e-9 && s.rps() >= FRACTION * median) {
                return s.tS() - killAtS;
            }
        }
        return Double.NaN;
    }

    /**
     * Seconds from a fault (a graceful restart) until throughput is back, from the bins of the load
     * generator's interval log (100 ms in graceful-restart cells): the baseline is the median requests/s
     * of the bins inside [{@code baselineFromS}, {@code baselineToS}); the first bin that overlaps the span
     * [{@code faultS}, {@code untilS}) with requests/s under {@link #FRACTION} of it is the dip, and
     * the throughput is back at the start of the first bin after the dip at or over that fraction. 0
     * when no bin of the span dips; NaN when there is no baseline or it is not back before
     * {@code untilS}. Resolution: one bin. All times in s since the load generator started.
     */
    public static double afterFault(List<IntervalLog.Bin> bins, double baselineFromS, double baselineToS, double faultS,
                                    double untilS) {
        double[] before = bins.stream().filter(b -> b.startS() >= baselineFromS - 1e-6
                        && b.startS() + b.lengthS() <= baselineToS + 1e-6 && b.lengthS() > 0)
                .mapToDouble(IntervalLog.Bin::rps).sorted().toArray();
        if (before.length == 0 || before[before.length / 2] <= 0) {
            return Double.NaN;
        }
        double full = FRACTION * before[before.length / 2];
        boolean dipped = false;
        for (IntervalLog.Bin b : bins) {
            if (b.startS() + b.lengthS() <= faultS + 1e-6 || b.lengthS() <= 0) {
                continue;
            }
            if (b.startS() >= untilS - 1e-6) {
                break;
            }
            if (b.rps() < full) {
                dipped = true;
            } else if (dipped) {
                return Math.max(0, b.startS() - faultS);
            }
        }
        return dipped ? Double.NaN : 0;
    }
}
