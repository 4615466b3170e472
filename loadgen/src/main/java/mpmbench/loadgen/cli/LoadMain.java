package mpmbench.loadgen.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import mpmbench.loadgen.GeneratorAotCache;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.agent.AgentOptions;
import mpmbench.loadgen.agent.AgentsLoad;
import mpmbench.loadgen.engine.IoBackends;
import mpmbench.loadgen.engine.TlsEngines;
import mpmbench.loadgen.engine.LoadRun;
import mpmbench.loadgen.flags.LoadFlags;
import mpmbench.loadgen.report.ConsoleSummary;
import mpmbench.loadgen.report.CsvReport;
import mpmbench.loadgen.report.HgrmReport;
import mpmbench.loadgen.report.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mpmbench load [options] URL}: the command line of the load generator, flags as in wrk/wrk2.
 * Exit codes: 0 a run that completed requests, 1 a run that completed none (or failed), 2 a bad flag
 * or URL (one line naming it, no stack trace). {@code --aot-training} as the whole command line is the
 * training run of the generator's AOT cache ({@link AotTraining}; started by whoever makes the cache).
 */
@Command(name = "mpmbench load", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {"HTTP load generator: closed model (-c connections as fast as answered) or open "
                + "model (-R requests/s on a fixed schedule, latency from the intended send time).",
                "Latencies are recorded in microseconds and reported in milliseconds."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:requests completed", "1:no request completed, or the run failed",
                "2:bad flag or URL", "3:--agents: a partial result (an agent failed; it is named)"})
public final class LoadMain implements Callable<Integer> {

    @Mixin
    LoadFlags flags = new LoadFlags();

    @Mixin
    AgentOptions agents = new AgentOptions();

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && GeneratorAotCache.TRAINING_ARG.equals(args[0])) {
            System.exit(AotTraining.run()); // the training run of the generator's AOT cache
        }
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

    /** A flag or the URL is invalid; the message names it. Exit code 2. */
    static final class BadUsage extends RuntimeException {
        BadUsage(String message) {
            super(message, null, false, false);
        }
    }

    /** The spec these flags describe; throws {@link BadUsage} naming a bad flag or URL. */
    LoadSpec spec() {
        try {
            return flags.spec();
        } catch (IllegalArgumentException e) {
            throw new BadUsage(e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        LoadSpec spec = spec();
        if (!LoadRun.HLOG_INTERVALS.contains(flags.hlogInterval())) {
            throw new BadUsage("--hlog-interval " + flags.hlogInterval().toMillis() + " ms: use 100ms, 200ms, 250ms, 500ms or 1s");
        }
        try {
            IoBackends.resolve(spec.io()); // --io epoll where it cannot work: refused before the run
            if (flags.csv() != null) {
                CsvReport.checkAppendable(flags.csv()); // a file of another version's columns: refused before the run
            }
            if (spec.target().tls() && !agents.enabled()) {
                TlsEngines.check(spec.target(), spec.tls()); // likewise --tls-engine openssl, and what OpenSSL refuses
                String fallback = TlsEngines.fallback(spec.tls().engine());
                if (fallback != null) {
                    err.println(fallback);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BadUsage(e.getMessage());
        }
        if (agents.enabled()) {
            if (spec.trickle() > 0) {
                throw new BadUsage("--trickle cannot be used with --agents (yet): run the trickling connections from "
                        + "one more 'mpmbench load -c 1 -R 1 --trickle N' beside the agents");
            }
            return onAgents(spec);
        }
        boolean terminal = System.console() != null && System.console().isTerminal();
        ProgressPrinter printer = flags.progress() || terminal ? new ProgressPrinter(err, terminal) : null;
        out.print(ConsoleSummary.header(spec));
        out.flush();
        LoadRun run = new LoadRun(spec, flags.hlog(), flags.hlogInterval(), printer);
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
        out.print(ConsoleSummary.render(result, flags.latency()));
        writeFiles(result);
        out.flush();
        return result.completedNothing() ? 1 : 0;
    }

    /** {@code --agents}: the same load from several hosts, merged ({@link AgentsLoad}). */
    private int onAgents(LoadSpec spec) throws IOException {
        try {
            boolean terminal = System.console() != null && System.console().isTerminal();
            return AgentsLoad.run(spec, agents, flags.latency(), flags.progress() || terminal, out, err, new AgentsLoad.Outputs() {
                @Override
                public Path hlog() {
                    return flags.hlog();
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
        if (flags.hgrm() != null) {
            HgrmReport.write(flags.hgrm(), result);
        }
        if (flags.csv() != null) {
            CsvReport.append(flags.csv(), result);
        }
        if (flags.json() != null) {
            JsonReport.write(flags.json(), result);
        }
    }
}
