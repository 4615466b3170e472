/**
 * The dimensioning experiment's analysis ({@code scripts/dimension}, issue 20): where the noise of a
 * figure lives. The experiment runs each target as a fresh instance per round, the targets of a round in
 * a recorded random order, several measured windows per instance; {@link
 * mpmbench.benchmarks.dimension.DimensionRows} turns its folder into dimension.csv (one row per
 * window), {@link mpmbench.benchmarks.dimension.VarianceComponents} estimates the variance of log
 * req/s at each level (window within an instance, instance, the round every target of it shares, a
 * linear trend over time) and the within-round correlation between targets, and {@link
 * mpmbench.benchmarks.dimension.DimensionReport} writes the Markdown tables and the chart.
 * {@link mpmbench.benchmarks.dimension.DimensionMain} is {@code mpmbench dimension DIR}.
 *
 * <p>May use: {@code results} (CSV, rows, intervals), {@code report.chart} (the charts' frame and
 * looks), commons-statistics, JFreeChart, picocli and {@code mpmbench.cli}; never the suite: the
 * experiment's folder is analysed with the analysis jar alone (module analysis).
 */
package mpmbench.benchmarks.dimension;
