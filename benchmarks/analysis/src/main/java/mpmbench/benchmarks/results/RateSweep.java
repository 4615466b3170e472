package mpmbench.benchmarks.results;

/**
 * The rate sweep's one rule: an offered rate is <b>sustained</b> when p99 stayed within the SLO, no
 * request failed and at least {@link Schemas#SATURATED_BELOW_PCT} % of the rate was completed. The
 * suite stops a round's sweep at the first level that is not ({@code SuiteRunner}), and the report
 * names it the knee ({@code report.chart.Knee}); the highest sustained rate below it is the maximum
 * sustainable throughput. Stateless.
 */
public final class RateSweep {

    private RateSweep() {
    }

    /**
     * Whether a rate-sweep repeat (summary.csv) or cell (cells.csv: its medians) sustained its offered
     * {@code rate}: p99 ≤ {@code sloMs} ms, {@code errors} 0 and {@code rps} ≥ the share above of
     * {@code rate} (requests/s). A failed or skipped row, or one without a p99 (nothing completed),
     * did not.
     */
    public static boolean sustained(Row r, double sloMs) {
        if (!r.text("status").isEmpty() && !Status.of(r.text("status")).measured()) {
            return false;
        }
        return r.num("p99_ms") <= sloMs && r.num("errors") == 0
                && r.num("rps") >= Schemas.SATURATED_BELOW_PCT / 100 * r.num("rate");
    }
}
