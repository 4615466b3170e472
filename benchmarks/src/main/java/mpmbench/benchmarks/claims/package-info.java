/**
 * The common wisdom about the models (DESIGN.md, Claims) as checks on a run's CSV files: one class
 * per claim behind {@link mpmbench.benchmarks.claims.Claim}, each with a metric, a relative threshold
 * and a verdict taken from the 95 % interval of its ratio over the repeats — holds, does not hold,
 * inconclusive (with the repeats that would decide it) or not measured (naming what is missing).
 * {@link mpmbench.benchmarks.claims.Claims} lists them with their thresholds.
 */
package mpmbench.benchmarks.claims;
