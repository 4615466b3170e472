package mpmbench.benchmarks.results;

import java.util.Locale;

/** Numbers as a reader wants them in a table: no more digits than they carry. Locale-independent. */
public final class Numbers {

    private Numbers() {
    }

    /** A number given as text, shortened to what it needs (1234.567 → 1235, 12.345 → 12.35, 0.1234 → 0.123). */
    public static String short3(String v) {
        if (v.isEmpty()) {
            return "";
        }
        double d = Row.parse(v);
        return Double.isNaN(d) ? v : short3(d);
    }

    public static String short3(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "∞" : "-∞";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.0f", d)
                : Math.abs(d) >= 1 ? String.format(Locale.ROOT, "%.2f", d) : String.format(Locale.ROOT, "%.3f", d);
    }
}
