package mpmbench.benchmarks.suite;

import java.util.List;

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
}
