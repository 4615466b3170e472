package mpmbench.benchmarks.report.chart;

import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels in plain numbers, never "1E4": 0.05, 2.5, 750, 4k, 16k, 1.5M. Locale-independent.
 * Also a {@link NumberFormat} so a linear axis can use it.
 */
public final class PlainNumbers extends NumberFormat {

    /** The one instance; stateless. */
    public static final PlainNumbers FORMAT = new PlainNumbers();

    private PlainNumbers() {
    }

    /** A value as a short plain label: up to 3 significant digits, k for thousands and M for millions. */
    public static String label(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a >= 1_000_000) {
            return strip(v / 1_000_000) + "M";
        }
        if (a >= 10_000 || (a >= 1000 && Math.abs(v / 1000 - Math.rint(v / 1000)) < 1e-9)) {
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
        return toAppendTo.append(label(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
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
