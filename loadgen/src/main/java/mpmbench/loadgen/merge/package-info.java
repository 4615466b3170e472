/**
 * Several generators' results as one: HdrHistogram interval logs added losslessly
 * ({@link mpmbench.loadgen.merge.IntervalLogMerge}), results read back from their JSON by
 * {@code contract.ResultKey} ({@link mpmbench.loadgen.merge.ResultFile}) and summed into one
 * {@link mpmbench.loadgen.LoadResult} ({@link mpmbench.loadgen.merge.MergedResult}), and the
 * {@code mpmbench merge} command ({@link mpmbench.loadgen.merge.MergeMain}).
 *
 * <p>May use: the root package, {@code contract}, {@code record}; the {@code -V} line of {@code mpmbench.cli};
 * HdrHistogram, Jackson's streaming core, picocli; the JDK.
 */
package mpmbench.loadgen.merge;
