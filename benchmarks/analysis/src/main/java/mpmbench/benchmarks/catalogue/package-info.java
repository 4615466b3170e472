/**
 * What the harness measures, by name: the scenario catalogue ({@link mpmbench.benchmarks.catalogue.Scenarios},
 * with a constant per scenario name and the levels of {@code quick} and {@code full}; a
 * {@link mpmbench.benchmarks.catalogue.Scenario}, its {@link mpmbench.benchmarks.catalogue.ScenarioKind},
 * {@link mpmbench.benchmarks.catalogue.Transport} (plain HTTP or HTTPS with its resumption)
 * and {@link mpmbench.benchmarks.catalogue.Level}s; the two suites,
 * {@link mpmbench.benchmarks.catalogue.SuiteKind}) and the targets with their models' facts
 * ({@link mpmbench.benchmarks.catalogue.Targets}). The suite runs them; the claims, compare and the
 * report read results by these names and never reach the runner for them.
 *
 * <p>May use: the JDK only (module analysis). Nothing of mpmbench depends on less.
 */
package mpmbench.benchmarks.catalogue;
