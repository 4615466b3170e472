/**
 * mpmbench's benchmarks, in three modules that share only the results model: the analysis
 * ({@code catalogue}, {@code results}, {@code claims}, {@code compare}, {@code report}, {@code verify}:
 * a results folder read and judged, one jar, no server or load generator), the suite ({@code suite},
 * {@code telemetry}: every model through every scenario, as separate processes, writing a results
 * folder) and the microbenchmarks ({@code micro}: JMH, one overhead per benchmark). The suite depends
 * on the analysis, never the other way; each module's PackagesTest checks that no package cycle is left.
 */
package mpmbench.benchmarks;
