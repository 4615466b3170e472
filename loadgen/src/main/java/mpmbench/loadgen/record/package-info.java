/**
 * What a run records besides the wire: the typed counters ({@link mpmbench.loadgen.record.Counter},
 * summed into {@link mpmbench.loadgen.record.Counts}; errors are counted, never thrown), the latency
 * recorders of each I/O thread ({@link mpmbench.loadgen.record.LatencyRecorders}, µs), their merge into
 * per-second intervals and the {@code .hlog} ({@link mpmbench.loadgen.record.IntervalCollector}), and the
 * process's own CPU time ({@link mpmbench.loadgen.record.ProcessCpu}).
 *
 * <p>May use: no other package of the generator; HdrHistogram; the JDK.
 */
package mpmbench.loadgen.record;
