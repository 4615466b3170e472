package mpmbench.benchmarks.report.chart;

import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels in plain numbers, never "1E4": 0.05, 2.5, 750, 2000, 16k, 1.5M. One axis speaks one way:
 * thousands get a k only on an axis that reaches 10 000 (and millions an M on one that reaches
 * 10 000 000), so 1100 never sits beside "1k". Locale-independent. Also a {@link NumberFormat} for a
 * linear axis, asking the axis for its top when it formats.
 */
public final class PlainNumbers extends NumberFormat {

    private final transient java.util.function.DoubleSupplier top;

    /** @param top the largest value the axis shows (read each time a label is made) */
    public PlainNumbers(java.util.function.DoubleSupplier top) {
        this.top = top;
    }

    /** A value labelled for an axis whose largest value is itself. */
    public static String label(double v) {
        return label(v, Math.abs(v) >= 1_000_000 ? 10_000_000 : Math.abs(v));
    }

    /**
     * A value as a short plain label on an axis reaching {@code top}: up to 3 significant digits, k for
     * thousands when {@code top} reaches 10 000, M for millions when it reaches 10 000 000.
     */
    public static String label(double v, double top) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (top >= 10_000_000 && a >= 1_000_000) {
            return strip(v / 1_000_000) + "M";
        }
        if (top >= 10_000 && a >= 1000) {
            return strip(v / 1000) + "k";
        }
        return strip(v);
    }

    /** At most 3 significant digits (more for integers below 10 000), trailing zeros dropped. */
    private static String strip(double v) {
        BigDecimal d = new BigDecimal(v);
        if (Math.abs(v) < 1000) {
            d = d.round(new java.math.MathContext(3));
        } else {
            d = d.setScale(0, java.math.RoundingMode.HALF_EVEN);
        }
        String s = d.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number, top.getAsDouble()));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number, top.getAsDouble()));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("labels only");
    }

    /** A percentile from x = 1/(1-p): 10 → "90 %", 1000 → "99.9 %", 1 → "0 %". */
    public static String percentile(double inverse) {
        double p = 100 * (1 - 1 / inverse);
        return new BigDecimal(p).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString()
                .toLowerCase(Locale.ROOT) + " %";
    }
}
