/**
 * A {@link mpmbench.loadgen.LoadResult} written out: the wrk-like console summary
 * ({@link mpmbench.loadgen.report.ConsoleSummary}), the CSV row and the JSON object (both from
 * {@link mpmbench.loadgen.report.ResultColumns}, a value for each {@code contract.ResultKey}; sealed by the
 * golden files under {@code src/test/resources/golden}), and the percentile spectrum ({@code .hgrm}).
 * Numbers never depend on the default locale.
 *
 * <p>May use: the root package, {@code contract}, {@code http}, {@code record}; HdrHistogram, Jackson's
 * streaming core; the JDK.
 */
package mpmbench.loadgen.report;
