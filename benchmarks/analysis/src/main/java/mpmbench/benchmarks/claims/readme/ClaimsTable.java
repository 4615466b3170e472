package mpmbench.benchmarks.claims.readme;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import mpmbench.benchmarks.results.IntervalText;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;

/**
 * README's claims table: claims.csv's rows (as {@code Claims.evaluate} gives them) as a markdown
 * table, one line per claim, family and level, the per-target claim 8 left to the ops table
 * ({@link OpsTable}). Ratios with 3 significant digits, unbounded ends as {@code inf}.
 */
public final class ClaimsTable {

    private ClaimsTable() {
    }

    public static String render(List<Row> claims) {
        List<String> lines = new ArrayList<>();
        lines.add("| # | family | level | claim | ratio [95 % interval] | verdict |");
        lines.add("|---|---|---|---|---|---|");
        for (Row c : claims) {
            if (c.text("claim").equals("8")) {
                continue;
            }
            lines.add("| " + String.join(" | ", c.text("claim"), c.text("family"), c.text("level"), c.text("title"),
                    ratio(c), verdict(c)) + " |");
        }
        lines.add("");
        lines.add("Level: the cells the verdict was taken at (`c256` = 256 connections, `c16-i2000` = 16 active "
                + "and 2,000 idle; claim 7 reads every level where all six targets ran). Claim 5's interval is the "
                + "box of JMH's own 99.9 % errors; claim 7's ratio is the share of the pairs decided on both sides "
                + "that agree, its interval the share of all pairs that agree if every undecided pair disagreed, "
                + "and if every one agreed. A ratio between targets is paired by round (a t-interval of the mean per-round "
                + "log-ratio, over the rounds where both have a value), or Fieller's for two means when marked `ᶠ` "
                + "(fewer than 2 such rounds, or a value of 0)."
                + (claims.stream().anyMatch(ClaimsTable::clipped) ? " `0*`: the interval reached below 0, which a ratio "
                + "of figures that cannot be negative cannot; its lower bound is shown clipped at 0." : ""));
        return String.join("\n", lines) + "\n";
    }

    /**
     * "3.38 [3.22, 3.52]", "1.24 [0.889, inf] ᶠ" (Fieller's interval), "0.373 [0*, 1.34]" (a low bound
     * clipped at 0), "0.5" without an interval, "" without a ratio.
     */
    static String ratio(Row c) {
        String point = c.text("ratio");
        if (point.isEmpty()) {
            return "";
        }
        String low = c.text("ratio_ci_low");
        String high = c.text("ratio_ci_high");
        if (low.isEmpty() || high.isEmpty()) {
            return sig(point);
        }
        return sig(point) + " [" + sig(low) + (clipped(c) ? IntervalText.CLIPPED : "") + ", " + sig(high) + "]"
                + (c.text("ratio_method").equals(Intervals.Method.FIELLER.text()) ? " ᶠ" : "");
    }

    /** Whether a claim's interval had its low bound stopped at 0 ({@link Intervals#clippedAtZero}). */
    static boolean clipped(Row c) {
        return !c.text("ratio_ci_low").isEmpty() && Intervals.clippedAtZero(c.num("ratio_ci_low"), c.num("ratio_ci_high"));
    }

    /** "**inconclusive** (~8 repeats would decide it)". */
    static String verdict(Row c) {
        String repeats = c.text("repeats_needed");
        return "**" + c.text("verdict") + "**" + (repeats.isEmpty() ? "" : " (~" + repeats + " repeats would decide it)");
    }

    /** A number of claims.csv with 3 significant digits ("10.768" → "10.8", "0.0870" → "0.087"); inf as it is. */
    static String sig(String number) {
        if (number.endsWith("inf")) {
            return number;
        }
        BigDecimal d = new BigDecimal(number).round(new MathContext(3));
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
