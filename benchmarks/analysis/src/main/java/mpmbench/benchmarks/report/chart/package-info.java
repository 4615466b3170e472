/**
 * The charts, in one visual grammar ({@link mpmbench.benchmarks.report.chart.Looks}: a colour per model,
 * a line style per implementation, one legend order): figures against a scenario's levels with their
 * 95 % intervals ({@link mpmbench.benchmarks.report.chart.LevelChart}), the knee of a rate sweep
 * ({@link mpmbench.benchmarks.report.chart.Knee}), bars with whiskers, points on a log axis
 * ({@link mpmbench.benchmarks.report.chart.BarChart}; never bars on a log axis:
 * {@link mpmbench.benchmarks.report.chart.ChartFiles#barsOnLogAxis}), HdrHistogram's percentile plot
 * ({@link mpmbench.benchmarks.report.chart.SpectrumChart}), a timeline around a fault from the load
 * generator's interval logs ({@link mpmbench.benchmarks.report.chart.FaultTimeline}); log axes with
 * ticks in plain units ({@link mpmbench.benchmarks.report.chart.TickedLogAxis},
 * {@link mpmbench.benchmarks.report.chart.PlainNumbers}); PNG and SVG files
 * ({@link mpmbench.benchmarks.report.chart.ChartFiles}).
 *
 * <p>Why JFreeChart (with JFreeSVG) rather than XChart, used before: XChart wrote every glyph of every
 * label as an outline path (300–800 KB per SVG, too heavy to inline in report.html, and no text for a
 * browser or a test to find); its log axes label only decades ("1E4"), its error bars are wrong on a log
 * axis, and it has no markers or annotations for a fault line or a knee. JFreeChart has log axes whose
 * ticks can be chosen, interval renderers (error bars, bands) that are right on log axes, markers,
 * annotations, combined plots sharing an axis, and JFreeSVG writes text as text (20–50 KB per chart).
 *
 * <p>May use: {@code results} and {@code catalogue}, JFreeChart, JFreeSVG and HdrHistogram; never {@code
 * report} (which uses it) or the suite.
 */
package mpmbench.benchmarks.report.chart;
