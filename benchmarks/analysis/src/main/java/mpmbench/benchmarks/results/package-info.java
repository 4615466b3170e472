/**
 * A run's results as files and as values, read and derived in one place: the schemas of its CSV
 * files ({@link mpmbench.benchmarks.results.Schemas}), a row's status
 * ({@link mpmbench.benchmarks.results.Status}), a results folder read once
 * ({@link mpmbench.benchmarks.results.ResultsFolder}: env, summary as cells, samples, JMH, memory,
 * claims, of every schema), the invariants every row must keep
 * ({@link mpmbench.benchmarks.results.Invariants}), the statistics of a cell's repeats
 * ({@link mpmbench.benchmarks.results.Cells}, {@link mpmbench.benchmarks.results.Intervals}; a ratio of
 * values measured in the same rounds, paired: {@link mpmbench.benchmarks.results.PairedIntervals}), a figure
 * with its interval as people read it ({@link mpmbench.benchmarks.results.IntervalText}) and the
 * rate sweep's "sustained" rule ({@link mpmbench.benchmarks.results.RateSweep}), and the bins of the load
 * generator's interval logs ({@link mpmbench.benchmarks.results.IntervalLog}). It never imports the
 * suite, the claims or the report: they all read through it.
 *
 * <p>May use: commons-csv, commons-statistics and HdrHistogram, and nothing else of mpmbench: it is the floor
 * the claims, compare, the report, verify and the suite stand on (module analysis).
 */
package mpmbench.benchmarks.results;
