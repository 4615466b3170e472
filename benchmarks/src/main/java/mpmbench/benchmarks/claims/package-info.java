/**
 * The common wisdom about the models (DESIGN.md, Claims) as checks computed from summary.csv, each
 * with a metric, a relative threshold and a verdict: holds, does not hold, or not measured.
 */
package mpmbench.benchmarks.claims;
