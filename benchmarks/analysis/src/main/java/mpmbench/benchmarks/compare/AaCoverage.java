package mpmbench.benchmarks.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.PairedIntervals;

/**
 * A/A coverage of the intervals: over comparisons where nothing changed (the same build measured
 * twice, or two targets of one run with identical configurations), how many 95 % intervals of the ratio
 * contain 1 — about 95 % of them should. For each figure compare judges ({@link Figure}) of each cell
 * both sides have, with at least 2 values a side: Fieller's interval (unpaired) and, where the values
 * pair by round ({@link PairedIntervals#pairable}), the paired one. Between two runs, round r of one
 * and round r of the other ran at different times: the pairing is then by index only, which is still a
 * valid A/A check of the paired interval's coverage (exchangeable rounds), without the shared state
 * that makes pairing pay. A pure function of its inputs.
 *
 * @param figures judged figures (at least 2 values a side)
 * @param fiellerCover of them, Fieller's interval contains 1
 * @param paired  figures with a paired interval
 * @param pairedCover of them, the paired interval contains 1
 * @param misses  "hello java-event c16 rps: paired [1.02, 1.09]" for each paired interval that missed 1
 */
public record AaCoverage(int figures, int fiellerCover, int paired, int pairedCover, List<String> misses) {

    /** Two runs of the same build: every cell both have. */
    public static AaCoverage of(Cells a, Cells b) {
        Tally t = new Tally();
        for (Cells.Key k : a.keys()) {
            if (b.repeats(k).isEmpty()) {
                continue;
            }
            for (Figure f : Figure.of(k.scenario())) {
                t.add(k + " " + f.column(), a.byRound(k, f.column()), b.byRound(k, f.column()));
            }
        }
        return t.result();
    }

    /** Two targets of one run with identical configurations ({@code targetA}, {@code targetB}): each level both ran. */
    public static AaCoverage of(Cells run, String targetA, String targetB) {
        Tally t = new Tally();
        for (Cells.Key k : run.keys()) {
            if (!k.target().equals(targetA)) {
                continue;
            }
            Cells.Key other = new Cells.Key(k.scenario(), targetB, k.connections(), k.rate(), k.idle());
            if (run.repeats(other).isEmpty()) {
                continue;
            }
            for (Figure f : Figure.of(k.scenario())) {
                t.add(k + " vs " + targetB + " " + f.column(), run.byRound(k, f.column()), run.byRound(other, f.column()));
            }
        }
        return t.result();
    }

    /** "paired: 18 of 19 contain 1 (94.7 %); Fieller: 20 of 20 (100.0 %)". */
    public String text() {
        return String.format(Locale.ROOT, "paired: %d of %d contain 1 (%.1f %%); Fieller: %d of %d (%.1f %%)",
                pairedCover, paired, paired == 0 ? Double.NaN : 100.0 * pairedCover / paired, fiellerCover, figures,
                figures == 0 ? Double.NaN : 100.0 * fiellerCover / figures);
    }

    private static final class Tally {
        int figures;
        int fieller;
        int paired;
        int pairedCover;
        final List<String> misses = new ArrayList<>();

        void add(String what, double[] a, double[] b) {
            if (Intervals.estimate(a).n() < 2 || Intervals.estimate(b).n() < 2) {
                return;
            }
            figures++;
            Intervals.Ratio f = Intervals.ratio(a, b);
            fieller += f.low() <= 1 && 1 <= f.high() ? 1 : 0;
            if (PairedIntervals.pairable(a, b)) {
                paired++;
                Intervals.Ratio p = PairedIntervals.ratio(a, b, 0);
                if (p.low() <= 1 && 1 <= p.high()) {
                    pairedCover++;
                } else {
                    misses.add(String.format(Locale.ROOT, "%s: paired [%.3f, %.3f]", what, p.low(), p.high()));
                }
            }
        }

        AaCoverage result() {
            return new AaCoverage(figures, fieller, paired, pairedCover, List.copyOf(misses));
        }
    }
}
