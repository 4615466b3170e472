/**
 * A run's files: CSV schemas ({@link mpmbench.benchmarks.results.Schemas}) written and read with
 * commons-csv ({@link mpmbench.benchmarks.results.CsvTables}), charts drawn with XChart from those
 * files alone ({@link mpmbench.benchmarks.report.Charts}), and report.md
 * ({@link mpmbench.benchmarks.report.ReportMarkdown}). {@link mpmbench.benchmarks.report.ReportMain}
 * rebuilds claims, charts and report from a copied results folder.
 */
package mpmbench.benchmarks.report;
