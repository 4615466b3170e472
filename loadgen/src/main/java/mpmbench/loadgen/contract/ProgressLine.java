package mpmbench.loadgen.contract;

import java.util.Locale;

/**
 * One line of the generator's progress on stderr ({@code mpmbench load --progress}, also what the
 * coordinator of {@code --agents} prints for every agent together), and its parser: the one place the
 * format is written. The suite reads these lines as they come to sample the target at the instants the
 * measured window starts and ends ({@code LoadgenRun}).
 *
 * <p>Three kinds of line, seconds always since the run's start (warm-up included):
 * <pre>
 *      1.0s warm-up      1123 req/s  errors 0  p99 0.053ms     a second ({@link Second}; p99 optional)
 *      4.0s                 0 req/s  errors 106                a second of the agents together
 *   warm-up over after 6.0s: steady                            the measured window starts ({@link WarmupOver})
 *   window over after 9.0s                                     the measured window ends ({@link WindowOver})
 * </pre>
 * Numbers are written with {@code .} whatever the default locale. On a terminal the writer may put a
 * carriage return before a line and rewrite it in place; {@link #parse} reads the text after the last
 * {@code \r}.
 */
public sealed interface ProgressLine permits ProgressLine.Second, ProgressLine.WarmupOver, ProgressLine.WindowOver {

    /** The line, without a line end. */
    String format();

    /**
     * The progress line {@code line} holds, or {@code null} when it holds none (any other output).
     * Leading and trailing blanks and everything up to the last {@code \r} are ignored.
     */
    static ProgressLine parse(String line) {
        String s = line.substring(line.lastIndexOf('\r') + 1).strip();
        if (s.startsWith(WarmupOver.PREFIX)) {
            boolean steady = s.endsWith(WarmupOver.STEADY);
            double t = seconds(s.substring(WarmupOver.PREFIX.length(),
                    s.length() - (steady ? WarmupOver.STEADY.length() : 0)));
            return Double.isNaN(t) ? null : new WarmupOver(t, steady);
        }
        if (s.startsWith(WindowOver.PREFIX)) {
            double t = seconds(s.substring(WindowOver.PREFIX.length()));
            return Double.isNaN(t) ? null : new WindowOver(t);
        }
        return Second.parseSecond(s);
    }

    /**
     * One second of progress.
     *
     * @param elapsedS    when the second ended, s since the run's start
     * @param warmup      whether the second was part of the warm-up
     * @param rps         requests completed in that second (warm-up ones included)
     * @param errorsTotal errors so far, warm-up included
     * @param p99Ms       the second's corrected p99, ms (0 without an answer); {@code NaN}: not shown
     *                    (the agents' merged seconds carry none)
     */
    record Second(double elapsedS, boolean warmup, long rps, long errorsTotal, double p99Ms) implements ProgressLine {

        private static final String WARMUP = "warm-up";

        @Override
        public String format() {
            String line = String.format(Locale.ROOT, "  %6.1fs %s %9d req/s  errors %d", elapsedS,
                    warmup ? WARMUP : "       ", rps, errorsTotal);
            return Double.isNaN(p99Ms) ? line : line + String.format(Locale.ROOT, "  p99 %.3fms", p99Ms);
        }

        /** {@code "1.0s [warm-up] 1123 req/s errors 0 [p99 0.053ms]"}, blanks stripped; null otherwise. */
        private static Second parseSecond(String s) {
            String[] f = s.split("\\s+");
            int i = 0;
            if (f.length < 5 || !f[i].endsWith("s")) {
                return null;
            }
            double t = seconds(f[i++]);
            boolean warmup = f[i].equals(WARMUP);
            if (warmup) {
                i++;
            }
            if (Double.isNaN(t) || f.length - i != 4 && f.length - i != 6 || !f[i + 1].equals("req/s")
                    || !f[i + 2].equals("errors")) {
                return null;
            }
            long rps = count(f[i]);
            long errors = count(f[i + 3]);
            double p99 = Double.NaN;
            if (f.length - i == 6) {
                if (!f[i + 4].equals("p99") || !f[i + 5].endsWith("ms")) {
                    return null;
                }
                p99 = number(f[i + 5].substring(0, f[i + 5].length() - 2));
                if (Double.isNaN(p99)) {
                    return null;
                }
            }
            return rps < 0 || errors < 0 ? null : new Second(t, warmup, rps, errors, p99);
        }
    }

    /**
     * The warm-up is over: the measured window starts now.
     *
     * @param elapsedS how long the warm-up lasted, s since the run's start
     * @param steady   {@code --settle}: the warm-up ended because the requests/s were steady (false: it
     *                 was fixed or reached its cap)
     */
    record WarmupOver(double elapsedS, boolean steady) implements ProgressLine {

        private static final String PREFIX = "warm-up over after ";
        private static final String STEADY = ": steady";

        @Override
        public String format() {
            return String.format(Locale.ROOT, "  %s%.1fs%s", PREFIX, elapsedS, steady ? STEADY : "");
        }
    }

    /**
     * The measured window is over (the grace for the answers in flight follows).
     *
     * @param elapsedS when it ended, s since the run's start
     */
    record WindowOver(double elapsedS) implements ProgressLine {

        private static final String PREFIX = "window over after ";

        @Override
        public String format() {
            return String.format(Locale.ROOT, "  %s%.1fs", PREFIX, elapsedS);
        }
    }

    /** {@code "6.0s"} as 6.0; NaN when it is not digits and a point followed by {@code s}. */
    private static double seconds(String text) {
        return text.endsWith("s") ? number(text.substring(0, text.length() - 1)) : Double.NaN;
    }

    private static double number(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.')) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long count(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
