/**
 * A run's results as files and as values, read and derived in one place: the schemas of its CSV
 * files ({@link mpmbench.benchmarks.results.Schemas}), a row's status
 * ({@link mpmbench.benchmarks.results.Status}), a results folder read once
 * ({@link mpmbench.benchmarks.results.ResultsFolder}: env, summary as cells, samples, JMH, memory,
 * claims, of every schema), the invariants every row must keep
 * ({@link mpmbench.benchmarks.results.Invariants}), the statistics of a cell's repeats
 * ({@link mpmbench.benchmarks.results.Cells}, {@link mpmbench.benchmarks.results.Intervals}), a figure
 * with its interval as people read it ({@link mpmbench.benchmarks.results.IntervalText}) and the
 * rate sweep's "sustained" rule ({@link mpmbench.benchmarks.results.RateSweep}). It never imports the
 * suite, the claims or the report: they all read through it.
 */
package mpmbench.benchmarks.results;
