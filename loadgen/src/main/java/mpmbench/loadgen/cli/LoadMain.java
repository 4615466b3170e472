package mpmbench.loadgen.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mpmbench.cli.UsageErrors;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.agent.AgentOptions;
import mpmbench.loadgen.agent.AgentsLoad;
import mpmbench.loadgen.engine.LoadRun;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.report.ConsoleSummary;
import mpmbench.loadgen.report.CsvReport;
import mpmbench.loadgen.report.HgrmReport;
import mpmbench.loadgen.report.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mpmbench load [options] URL}: the command line of the load generator, flags as in wrk/wrk2.
 * Exit codes: 0 a run that completed requests, 1 a run that completed none (or failed), 2 a bad flag
 * or URL (one line naming it, no stack trace).
 */
@Command(name = "mpmbench load", mixinStandardHelpOptions = true, versionProvider = LoadgenVersion.class,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {"HTTP load generator: closed model (-c connections as fast as answered) or open "
                + "model (-R requests/s on a fixed schedule, latency from the intended send time).",
                "Latencies are recorded in microseconds and reported in milliseconds."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:requests completed", "1:no request completed, or the run failed",
                "2:bad flag or URL", "3:--agents: a partial result (an agent failed; it is named)"})
public final class LoadMain implements Callable<Integer> {

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "I/O threads (default ${DEFAULT-VALUE})")
    int threads = 2;

    @Option(names = {"-c", "--connections"}, paramLabel = "N",
            description = "active connections, >= threads (default ${DEFAULT-VALUE})")
    int connections = 10;

    @Option(names = {"-d", "--duration"}, paramLabel = "T", converter = DurationConverter.class,
            description = "measured window, e.g. 10s, 500ms, 2m (default 10s)")
    Duration duration = Duration.ofSeconds(10);

    @Option(names = {"-R", "--rate"}, paramLabel = "R",
            description = "open model: total requests/s over all connections (default: closed model)")
    Double rate;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "extra request header, repeatable")
    List<String> headers = new ArrayList<>();

    @Option(names = "--latency", description = "print the percentile table")
    boolean latency;

    @Option(names = "--timeout", paramLabel = "T", converter = DurationConverter.class,
            description = "per-request timeout (default 2s, the suite's and the ops tests' too)")
    Duration timeout = LoadSpec.DEFAULT_TIMEOUT;

    @Option(names = "--connect-timeout", paramLabel = "T", converter = DurationConverter.class,
            description = "connect timeout (default 2s)")
    Duration connectTimeout = Duration.ofSeconds(2);

    @Option(names = "--warmup", paramLabel = "T", converter = DurationConverter.class,
            description = "run this long before the measured window; counted, kept out of histograms (default 0s)")
    Duration warmup = Duration.ZERO;

    @Option(names = "--settle", paramLabel = "MAX", converter = DurationConverter.class,
            description = "warm up until the requests/s are steady (the last 2 s within 10 %% of the 2 s before), "
                    + "at least --warmup, at most MAX (at least 4s), then measure -d at once; 0 = a fixed --warmup (default 0)")
    Duration settle = Duration.ZERO;

    @Option(names = "--no-keepalive", description = "Connection: close, a new connection per request (connect time included)")
    boolean noKeepAlive;

    @Option(names = "--pipeline", paramLabel = "N", description = "requests in flight per connection (default 1)")
    int pipeline = 1;

    @Option(names = "--idle", paramLabel = "N", description = "extra idle keep-alive connections held open (default 0)")
    int idle;

    @Option(names = "--idle-interval", paramLabel = "T", converter = DurationConverter.class,
            description = "how often an idle connection re-sends its request (default 3s)")
    Duration idleInterval = Duration.ofSeconds(3);

    @Option(names = "--trickle", paramLabel = "N",
            description = "slow clients (slowloris) held beside the load: each sends the request head one byte per "
                    + "--trickle-interval and never ends it; reopened when the server closes it (default 0, at most "
                    + LoadSpec.MAX_TRICKLE + ")")
    int trickle;

    @Option(names = "--trickle-interval", paramLabel = "T", converter = DurationConverter.class,
            description = "how often a trickling connection sends its next byte (default 2s)")
    Duration trickleInterval = LoadSpec.DEFAULT_TRICKLE_INTERVAL;

    @Option(names = "--spin", paramLabel = "T", converter = DurationConverter.class,
            description = "open model: busy-wait this long before each send for µs-true send times "
                    + "(default 300us; 100us costs less CPU and is late more often on a VM; 0 sleeps "
                    + "all the way: sends tens of µs late)")
    Duration spin = LoadSpec.DEFAULT_SPIN;

    @Option(names = "--bind", paramLabel = "ADDRS", converter = BindRangeConverter.class,
            description = "source addresses, e.g. 127.0.0.2-127.0.0.9, used round-robin")
    List<InetAddress> bind = List.of();

    @Option(names = "--hlog", paramLabel = "FILE", description = "HdrHistogram interval log, values in µs")
    Path hlog;

    @Option(names = "--hlog-interval", paramLabel = "T", converter = DurationConverter.class,
            description = "the interval log's step: 100ms, 200ms, 250ms, 500ms or 1s (default 1s; progress and "
                    + "the JSON's seconds stay per second)")
    Duration hlogInterval = Duration.ofSeconds(1);

    @Option(names = "--hgrm", paramLabel = "FILE", description = "percentile spectrum of the corrected latency, in ms")
    Path hgrm;

    @Option(names = "--csv", paramLabel = "FILE", description = "append one result row (header when new)")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as a JSON object")
    Path json;

    @Option(names = "--progress", description = "progress on stderr once a second even when it is not a terminal")
    boolean progress;

    @Parameters(index = "0", paramLabel = "URL", description = "http://host[:port][/path]")
    String url;

    @Mixin
    AgentOptions agents = new AgentOptions();

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        LoadMain command = new LoadMain();
        command.out = out;
        command.err = err;
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        UsageErrors.install(cl);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof BadUsage) {
                err.println("mpmbench load: " + ex.getMessage());
                return 2;
            }
            err.println("mpmbench load: the run failed: " + ex);
            return 1;
        });
        return cl.execute(args);
    }

    /**
     * The spec that {@code mpmbench load} flags describe (the agent's way to read its share).
     *
     * @throws IllegalArgumentException one line naming the bad flag or URL
     */
    public static LoadSpec parseSpec(String... args) {
        LoadMain command = new LoadMain();
        try {
            new CommandLine(command).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        try {
            return command.spec();
        } catch (BadUsage e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** A flag or the URL is invalid; the message names it. Exit code 2. */
    static final class BadUsage extends RuntimeException {
        BadUsage(String message) {
            super(message, null, false, false);
        }
    }

    /** The spec these flags describe; throws {@link BadUsage} naming a bad flag or URL. */
    LoadSpec spec() {
        if (rate != null && !(rate > 0)) {
            throw new BadUsage("-R/--rate must be > 0 requests/s, got " + rate + " (leave it out for the closed model)");
        }
        try {
            return new LoadSpec(Target.parse(url), threads, connections, rate == null ? 0 : rate, duration, warmup,
                    timeout, connectTimeout, !noKeepAlive, pipeline, idle, idleInterval, bind, headers, spin, settle, trickle,
                    trickleInterval);
        } catch (IllegalArgumentException e) {
            throw new BadUsage(e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        LoadSpec spec = spec();
        if (!LoadRun.HLOG_INTERVALS.contains(hlogInterval)) {
            throw new BadUsage("--hlog-interval " + hlogInterval.toMillis() + " ms: use 100ms, 200ms, 250ms, 500ms or 1s");
        }
        if (agents.enabled()) {
            if (spec.trickle() > 0) {
                throw new BadUsage("--trickle cannot be used with --agents (yet): run the trickling connections from "
                        + "one more 'mpmbench load -c 1 -R 1 --trickle N' beside the agents");
            }
            return onAgents(spec);
        }
        boolean terminal = System.console() != null && System.console().isTerminal();
        ProgressPrinter printer = progress || terminal ? new ProgressPrinter(err, terminal) : null;
        out.print(ConsoleSummary.header(spec));
        out.flush();
        LoadRun run = new LoadRun(spec, hlog, hlogInterval, printer);
        // Like wrk: SIGINT or SIGTERM ends the run early and still reports what was measured. The JVM
        // runs this hook on the signal and exits when it returns, so it waits for the reports.
        CountDownLatch reported = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            run.stop();
            try {
                reported.await(spec.grace().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mpmbench-load-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            return report(run.run(), printer);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the reports are written
            }
        }
    }

    private int report(LoadResult result, ProgressPrinter printer) throws IOException {
        if (printer != null) {
            printer.end();
        }
        out.print(ConsoleSummary.render(result, latency));
        writeFiles(result);
        out.flush();
        return result.completedNothing() ? 1 : 0;
    }

    /** {@code --agents}: the same load from several hosts, merged ({@link AgentsLoad}). */
    private int onAgents(LoadSpec spec) throws IOException {
        try {
            boolean terminal = System.console() != null && System.console().isTerminal();
            return AgentsLoad.run(spec, agents, latency, progress || terminal, out, err, new AgentsLoad.Outputs() {
                @Override
                public Path hlog() {
                    return hlog;
                }

                @Override
                public void write(LoadResult merged) throws IOException {
                    writeFiles(merged);
                }
            });
        } catch (IllegalArgumentException e) {
            throw new BadUsage(e.getMessage());
        }
    }

    /** {@code --hgrm}, {@code --csv}, {@code --json} of a result. */
    private void writeFiles(LoadResult result) throws IOException {
        if (hgrm != null) {
            HgrmReport.write(hgrm, result);
        }
        if (csv != null) {
            CsvReport.append(csv, result);
        }
        if (json != null) {
            JsonReport.write(json, result);
        }
    }
}
