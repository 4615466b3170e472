/**
 * {@code mpmbench verify DIR...}: the invariants of {@code results.Invariants} run on results folders
 * of any schema, with per-rule counts and every row that breaks one; its exit code gates CI and the
 * committing of a reference.
 *
 * <p>May use: {@code results}, picocli and {@code mpmbench.cli} (module analysis).
 */
package mpmbench.benchmarks.verify;
