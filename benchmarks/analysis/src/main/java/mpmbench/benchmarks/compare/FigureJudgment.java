package mpmbench.benchmarks.compare;

import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.PairedIntervals;

/**
 * compare's judgment of one figure of one cell, new against base: the ratio new / base with its 95 %
 * interval, {@link RunComparison#FASTER}, {@link RunComparison#SLOWER} or {@link RunComparison#SAME}
 * (the interval excludes 1 or not; for latencies and CPU per request lower is faster), and the
 * one-sided p-value of "worse by more than the threshold" that Holm's step-down takes.
 *
 * <p><b>Unpaired or paired.</b> Two runs' repeats are unpaired (base's round r and new's round r ran at
 * different times): Fieller's interval and its test ({@link Intervals#ratio}, {@link Intervals#pBeyond}).
 * When both builds ran as targets of the same run, in the same interleaved rounds, their values by round
 * ({@code Cells#byRound}) pair: {@link PairedIntervals#byRound} and {@link PairedIntervals#pBeyondByRound}
 * (Fieller's again when fewer than 2 rounds have both values). {@code ratio.method()} says which was used.
 * A pure function: nothing read, nothing kept.
 *
 * @param ratio   new / base with its interval and method
 * @param verdict faster, slower or no significant change
 * @param pWorse  one-sided p of "worse by more than the threshold"; NaN when it cannot be tested
 */
public record FigureJudgment(Intervals.Ratio ratio, String verdict, double pWorse) {

    /**
     * @param base           the base's values (by round when {@code paired})
     * @param next           the new build's values (by round when {@code paired})
     * @param higherIsBetter requests/s: true; latencies, CPU per request: false
     * @param threshold      the relative change that is a regression, e.g. 0.10
     * @param paired         base[i] and next[i] were measured in the same round of one run
     */
    public static FigureJudgment of(double[] base, double[] next, boolean higherIsBetter, double threshold, boolean paired) {
        Intervals.Ratio ratio = paired ? PairedIntervals.byRound(next, base) : Intervals.ratio(next, base);
        boolean up = ratio.low() > 1;
        boolean down = ratio.high() < 1;
        String verdict = !up && !down ? RunComparison.SAME : up == higherIsBetter ? RunComparison.FASTER : RunComparison.SLOWER;
        double r0 = higherIsBetter ? 1 - threshold : 1 + threshold;
        double pWorse = paired ? PairedIntervals.pBeyondByRound(next, base, r0, !higherIsBetter)
                : Intervals.pBeyond(next, base, r0, !higherIsBetter);
        return new FigureJudgment(ratio, verdict, pWorse);
    }
}
