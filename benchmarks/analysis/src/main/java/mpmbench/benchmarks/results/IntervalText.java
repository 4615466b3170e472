package mpmbench.benchmarks.results;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A figure with its 95 % interval as people read it, written here only (report.md's tables, claims.csv's
 * {@code values}): {@code 78073 [0*, 161499]}. A low bound that {@link Intervals#estimate} stopped at 0
 * is marked {@link #CLIPPED}, so a reader never takes the stop for the interval; {@link #clippedNote}
 * says why it was stopped and why the interval is that wide (the repeats it came from).
 */
public final class IntervalText {

    /** Follows a low bound stopped at 0. */
    public static final String CLIPPED = "*";

    private IntervalText() {
    }

    /**
     * "median [low, high]", each number written by {@code number}; the median alone without bounds;
     * "" without a median.
     */
    public static String of(double median, double low, double high, DoubleFunction<String> number) {
        if (Double.isNaN(median)) {
            return "";
        }
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return number.apply(median);
        }
        return number.apply(median) + " [" + number.apply(low) + (Intervals.clippedAtZero(low, high) ? CLIPPED : "")
                + ", " + number.apply(high) + "]";
    }

    /** "41.200 [39.800, 42.600] (n=3)": {@link #of} with the number of repeats; "n/a" without values. */
    public static String withRepeats(Intervals.Estimate e, DoubleFunction<String> number) {
        return e.n() == 0 ? "n/a" : of(e.median(), e.low(), e.high(), number) + " (n=" + e.n() + ")";
    }

    /** The repeats of each clipped interval in a text of {@link #withRepeats} values ("[0.000*, 5.100] (n=3)" → 3). */
    public static List<Integer> clippedRepeats(String text) {
        return CLIPPED_N.matcher(text).results().map(m -> Integer.parseInt(m.group(1))).toList();
    }

    private static final Pattern CLIPPED_N = Pattern.compile(Pattern.quote(CLIPPED) + ", [^\\]]*\\] \\(n=(\\d+)\\)");

    /** Whether a text holds an interval of {@link #of} with a clipped low bound. */
    public static boolean hasClipped(String text) {
        return text.contains(CLIPPED + ", ");
    }

    /**
     * The note for {@link #CLIPPED} bounds of intervals from these numbers of repeats, e.g. "* lower
     * bound clipped at 0: the 95 % t-interval from n=3 repeats reached below zero, which the figure
     * cannot; its half-width is t·sd/√n, 2.48 sd with n=3 (t = 4.30), so few repeats give a wide
     * interval."
     */
    public static String clippedNote(Collection<Integer> repeats) {
        TreeSet<Integer> ns = repeats.stream().filter(n -> n >= 2).collect(Collectors.toCollection(TreeSet::new));
        String which = ns.isEmpty() ? "few" : "n=" + ns.stream().map(String::valueOf).collect(Collectors.joining(" or "));
        String widths = ns.stream().map(n -> String.format(Locale.ROOT, "%.2f sd with n=%d (t = %.2f)",
                Intervals.t(n - 1) / Math.sqrt(n), n, Intervals.t(n - 1))).collect(Collectors.joining(", "));
        return CLIPPED + " lower bound clipped at 0: the 95 % t-interval from " + which + " repeats reached below zero, "
                + "which the figure cannot" + (widths.isEmpty() ? "" : "; its half-width is t·sd/√n, " + widths)
                + ", so few repeats give a wide interval.";
    }
}
