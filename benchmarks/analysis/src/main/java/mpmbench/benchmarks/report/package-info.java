/**
 * A run's report, derived from its files alone: claims, charts ({@link mpmbench.benchmarks.report.Charts},
 * drawn by {@link mpmbench.benchmarks.report.chart} with JFreeChart, written as PNG and as SVG with
 * JFreeSVG), report.md ({@link mpmbench.benchmarks.report.ReportMarkdown}) and report.html
 * ({@link mpmbench.benchmarks.report.ReportHtml}: report.md with every chart inline as SVG, one file that
 * opens offline). {@link mpmbench.benchmarks.report.ReportMain} rebuilds them from a copied results folder.
 *
 * <p>May use: {@code report.chart}, {@code claims}, {@code results} and {@code catalogue}; commonmark for
 * report.html; picocli and {@code mpmbench.cli}; never the suite: a report is rebuilt from a copied folder
 * with the analysis jar alone (module analysis).
 */
package mpmbench.benchmarks.report;
