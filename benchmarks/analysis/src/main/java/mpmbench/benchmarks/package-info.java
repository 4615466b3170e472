/**
 * mpmbench's benchmarks: {@code micro} (JMH, one overhead per benchmark) and {@code suite} (every
 * model through every scenario, as separate processes, with reports).
 */
package mpmbench.benchmarks;
