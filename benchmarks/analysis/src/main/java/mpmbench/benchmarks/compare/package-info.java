/**
 * {@code mpmbench compare}: two results folders of the suite side by side, cell by cell and figure by
 * figure, with the 95 % interval of each ratio and a verdict (faster, slower, no significant change),
 * as Markdown for a pull request or a job summary and as compare.csv; the exit code gates CI. One
 * folder of {@code suite --baseline} is judged within itself, java-X against base:java-X paired by round
 * ({@code WithinRun}, with {@code results.PairedIntervals}).
 *
 * <p>May use: {@code results} and {@code catalogue}, picocli and {@code mpmbench.cli}; never the report or
 * the suite (module analysis).
 */
package mpmbench.benchmarks.compare;
