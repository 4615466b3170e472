/**
 * JMH microbenchmarks: the overheads behind the concurrency models, one per class, named
 * {@code Bench_NN_Topic} (numbers are never reused; a retired benchmark leaves a gap). Each class
 * says what it isolates and how to read its result.
 *
 * <table>
 *   <caption>The benchmarks</caption>
 *   <tr><th>class</th><th>measures</th><th>unit</th></tr>
 *   <tr><td>Bench_01_ThreadStart</td><td>platform vs virtual thread start + join</td><td>µs/op</td></tr>
 *   <tr><td>Bench_02_ProcessStart</td><td>/bin/true start to exit</td><td>µs/op</td></tr>
 *   <tr><td>Bench_03_ChildJvmStart</td><td>a real server child JVM, start to READY (per MPM)</td><td>ms/op, single shot</td></tr>
 *   <tr><td>Bench_04_ThreadPingPong</td><td>round trip between two platform / two virtual threads
 *       (SynchronousQueue, park/unpark)</td><td>µs/op</td></tr>
 *   <tr><td>Bench_05_PipePingPong</td><td>1-byte round trip through pipes: peer thread vs peer
 *       process (/bin/cat)</td><td>µs/op</td></tr>
 *   <tr><td>Bench_06_SharedSlotPingPong</td><td>round trip through a mapped slot, spinning: peer
 *       thread vs peer process</td><td>ns/op</td></tr>
 *   <tr><td>Bench_07_HandOffQueue</td><td>listener→idle worker→back through ArrayBlockingQueue (the
 *       server's), LinkedBlockingQueue, SynchronousQueue, LinkedTransferQueue</td><td>µs/op</td></tr>
 *   <tr><td>Bench_08_SelectorWakeup</td><td>event model hand-back: queue + Selector.wakeup() and
 *       back</td><td>µs/op</td></tr>
 *   <tr><td>Bench_09_SelectorPark</td><td>park/take back a connection: interestOps vs
 *       register/cancel</td><td>ns/op</td></tr>
 *   <tr><td>Bench_10_RequestParse</td><td>RequestParser on a whole request</td><td>ns/op, B/op</td></tr>
 *   <tr><td>Bench_11_ServeRequest</td><td>GET /hello through Http1Connection + Router in memory
 *       (parse, route, encode), with or without the scoreboard observer</td><td>ns/op, B/op</td></tr>
 *   <tr><td>Bench_12_ScoreboardUpdate</td><td>worker slot writes per request</td><td>ns/op</td></tr>
 *   <tr><td>Bench_13_LatencyRecord</td><td>HdrHistogram SingleWriterRecorder.recordValue vs plain
 *       Histogram</td><td>ns/op</td></tr>
 *   <tr><td>Bench_14_ResponseParse</td><td>the load generator's ResponseParser on a whole response
 *       (nginx's, httpd's and ours for /hello)</td><td>ns/op, B/op</td></tr>
 * </table>
 * Memory per unit (idle child JVM RSS/PSS, one platform thread, one virtual thread) is measured by
 * {@link mpmbench.benchmarks.micro.MemoryFootprint}, not by JMH.
 *
 * <h2>Running</h2>
 * <pre>
 * java -cp benchmarks/micro/target/benchmarks.jar mpmbench.benchmarks.micro.MicroMain [--out DIR] [JMH options]
 * scripts/mpmbench micro [--out DIR] [JMH options]          (finds a JDK 25, builds the jar if missing)
 * mvn -pl benchmarks/micro -am -Pmicro verify [-Dmicro.args="Bench_1 -i 3"] [-Dmicro.out=DIR]
 * java -jar benchmarks/micro/target/benchmarks.jar [JMH options]   (plain JMH, no CSV/JSON/memory defaults)
 * </pre>
 * Defaults (in the annotations, for a 2-core machine): 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement;
 * any JMH flag overrides them. MicroMain adds {@code -prof gc} unless told otherwise.
 *
 * <h2>Files</h2>
 * {@code jmh.csv} is JMH's own CSV ({@code -rf csv}): one row per benchmark and per secondary result
 * of a profiler, columns
 * {@code "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"} followed by one
 * {@code "Param: NAME"} column per parameter of any benchmark in the run (empty where a benchmark
 * lacks it). {@code Benchmark} is the fully qualified method, with {@code :gc.alloc.rate.norm}
 * (B/op), {@code :gc.alloc.rate} (MB/sec), {@code :gc.count}, {@code :gc.time} appended for the gc
 * profiler's rows. {@code Mode} is {@code avgt} (average time), {@code sample} (sampled time, Bench_04–08: the
 * row without suffix is the mean of the samples, rows {@code :p0.00}, {@code :p0.50}, {@code :p0.90},
 * {@code :p0.95}, {@code :p0.99}, {@code :p0.999}, {@code :p0.9999}, {@code :p1.00} the percentiles,
 * with an empty error) or {@code ss} (single shot, Bench_03); the
 * {@code Unit} column gives each row's unit ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code B/op},
 * …), so convert before comparing rows. {@code Score Error (99.9%)} is the half-width of JMH's 99.9%
 * confidence interval (NaN with fewer than 2 samples). Numbers use '.' decimals whatever the locale.
 * {@code jmh.json} is the same run in JMH's JSON format, with the per-iteration scores
 * ({@code rawData}) but without the sample histograms, and compact (see {@code JsonTrim}).
 * {@code memory.csv}: see {@link mpmbench.benchmarks.micro.MemoryFootprint}.
 *
 * <p>May use: JMH, HdrHistogram, jackson (jmh.json) and the server's classes, which it measures in-process;
 * nothing of the analysis or the suite, which read its files (module micro).
 */
package mpmbench.benchmarks.micro;
