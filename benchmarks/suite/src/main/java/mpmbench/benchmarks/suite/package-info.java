/**
 * The suite runner: scenarios × targets as separate processes.
 *
 * <p>A run is a {@link mpmbench.benchmarks.suite.SuitePlan} (built by
 * {@link mpmbench.benchmarks.suite.SuiteMain} from flags): for each scenario, each target and each
 * repeat, {@link mpmbench.benchmarks.suite.TargetLauncher} starts a fresh instance of the target in
 * its own session ({@code setsid}), pinned to CPU 0 ({@code taskset -c 0}) on a free loopback port,
 * and waits for the first 200 on {@code /hello} and for StartServers' capacity;
 * {@link mpmbench.benchmarks.suite.CellRunner} runs each level with the load generator as another
 * process pinned to CPU 1 ({@link mpmbench.benchmarks.suite.LoadgenRun}, {@code --json} read back),
 * while {@link mpmbench.benchmarks.telemetry.TelemetrySampler} reads the target's process tree from
 * /proc once a second. Idle keep-alive connections come from a second load-generator process opened
 * before the measured one, so the measured connections are new clients. A failed cell is a row with
 * its reason; the run goes on. With {@code --baseline REF} a {@link mpmbench.benchmarks.suite.Baseline}
 * build's models run as {@code base:java-X} in the same rounds (ABBA), with {@code --duet} both builds at the
 * same time on one core ({@link mpmbench.benchmarks.suite.DuetInstances}), and with {@code --until-decided}
 * {@link mpmbench.benchmarks.suite.UntilDecided} adds rounds for the cells compare cannot decide yet.
 *
 * <p>Peer configs are classpath resources ({@code peers/}, copied from {@code scripts/peers/}): the
 * suite needs the server and loadgen jars under {@code --root}, and apache2/nginx where installed,
 * nothing else.
 *
 * <p>May use: {@code telemetry}, the analysis ({@code catalogue}, {@code results}, {@code report} to write a
 * run's report, {@code compare}'s decisions and the {@code claims} for --until-decided), the load generator's steady-state rule and ssh client ({@code
 * mpmbench.loadgen}), picocli and {@code mpmbench.cli}. The server and the microbenchmarks are started from
 * their jars as processes, never imported (module suite; checked by SuitePackagesTest).
 */
package mpmbench.benchmarks.suite;
