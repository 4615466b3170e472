/**
 * The common wisdom about the models (README's claims table) as checks on a run's CSV files: one class
 * per claim behind {@link mpmbench.benchmarks.claims.Claim}, each with a metric, a relative threshold
 * and a verdict taken from intervals only — the 95 % interval of its ratio over the repeats
 * ({@link mpmbench.benchmarks.claims.RatioCheck}), JMH's own errors for the micro benchmarks
 * ({@link mpmbench.benchmarks.claims.JmhRatio}), every pair with Holm's step-down where the claim is
 * about extremes ({@link mpmbench.benchmarks.claims.CpuConvergence}) — never from a median or a score
 * alone: holds, does not hold, inconclusive (with the repeats that would decide it) or not measured
 * (naming what is missing). Each row names the level it was decided at. {@link
 * mpmbench.benchmarks.claims.Claims} lists them with their thresholds; {@code readme} writes README's
 * tables from them.
 *
 * <p>May use: {@code results} and {@code catalogue} (scenario and target names); never the report, compare or
 * the suite (module analysis).
 */
package mpmbench.benchmarks.claims;
