/**
 * mpmbench's benchmarks, in three modules: the analysis ({@code catalogue}, {@code results},
 * {@code claims}, {@code compare}, {@code report}, {@code verify}: a results folder read and judged,
 * one jar, no server or load generator), the suite ({@code suite}, {@code telemetry}: every model
 * through every scenario, as separate processes, writing a results folder; it uses the analysis's
 * results model and scenario catalogue) and the microbenchmarks ({@code micro}: JMH, one overhead per
 * benchmark, on the server's classes alone). The suite depends on the analysis, never the other way;
 * each module's ArchUnit test (AnalysisPackagesTest, SuitePackagesTest, MicroPackagesTest) fails the
 * build on a package cycle.
 */
package mpmbench.benchmarks;
