package mpmbench.loadgen.agent;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.engine.LoadRun;
import mpmbench.loadgen.flags.LoadFlags;
import mpmbench.loadgen.report.JsonReport;

/**
 * The agent: what the coordinator starts on each load host over ssh, as
 * {@code java -cp mpmbench-loadgen.jar mpmbench.loadgen.agent.AgentMain --dir RUNDIR -- LOAD-FLAGS URL}.
 * It speaks {@link AgentProtocol} on stdin/stdout, waits for the common start instant, runs its share
 * of the load exactly as {@code mpmbench load} would, and writes {@code result.json} and
 * {@code latency.hlog} into {@code RUNDIR}. It never outlives its coordinator (stdin's end halts it)
 * nor its time bound. Not meant to be started by hand.
 */
public final class AgentMain {

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        int dash = Arrays.asList(args).indexOf("--");
        if (dash != 2 || !args[0].equals("--dir")) {
            say(AgentProtocol.ERROR + " usage: AgentMain --dir RUNDIR -- LOAD-FLAGS URL");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        LoadSpec spec;
        try {
            spec = LoadFlags.parse(Arrays.copyOfRange(args, dash + 1, args.length));
        } catch (IllegalArgumentException e) {
            say(AgentProtocol.ERROR + " " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(dir);
        preload();
        CompletableFuture<Long> start = new CompletableFuture<>();
        AtomicLong measureAt = new AtomicLong(Long.MAX_VALUE);
        Thread.ofPlatform().daemon().name("agent-stdin").start(() -> listen(start, measureAt));
        say(AgentProtocol.READY + " " + ProcessHandle.current().pid());
        long startUs;
        try {
            startUs = start.get(AgentProtocol.START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            say(AgentProtocol.ERROR + " no START within " + AgentProtocol.START_WAIT.toSeconds() + " s");
            System.exit(AgentProtocol.EXIT_TIMED_OUT);
            return;
        }
        long lifeNs = spec.maxWarmup().plus(spec.duration()).plus(spec.grace()).plus(AgentProtocol.END_MARGIN).toNanos();
        Thread.ofPlatform().daemon().name("agent-deadline").start(() -> {
            LockSupport.parkNanos(Math.max(0, (startUs - AgentProtocol.nowUs()) * 1000) + lifeNs);
            System.err.println("agent: past its time bound; stopping");
            Runtime.getRuntime().halt(AgentProtocol.EXIT_TIMED_OUT);
        });
        waitUntil(startUs);
        say(AgentProtocol.STARTED + " " + AgentProtocol.nowUs());
        try {
            LoadRun.Progress progress = new LoadRun.Progress() {
                @Override
                public void second(double elapsedS, Counts counts, Histogram[] interval, boolean warmup) {
                    say(String.format(Locale.ROOT, "%s %.3f %d %d %d", AgentProtocol.SECOND, elapsedS, warmup ? 1 : 0,
                            counts.get(Counter.REQUESTS) + counts.get(Counter.WARMUP_REQUESTS), counts.errorsWithWarmup()));
                }

                @Override
                public void warmupOver(double elapsedS, boolean settled) {
                    say(String.format(Locale.ROOT, "%s %.3f %d", AgentProtocol.MEASURING, elapsedS, settled ? 1 : 0));
                }

                @Override
                public void windowOver(double elapsedS) {
                    say(String.format(Locale.ROOT, "%s %.3f", AgentProtocol.MEASURED, elapsedS));
                }
            };
            LoadRun run = new LoadRun(spec, dir.resolve(AgentProtocol.LATENCY_HLOG), progress);
            if (!spec.settle().isZero()) {
                run.settleBy(measureAt::get); // the coordinator judges the summed requests/s of every agent
            }
            LoadResult result = run.run();
            JsonReport.write(dir.resolve(AgentProtocol.RESULT_JSON), result);
            say(AgentProtocol.DONE + " " + result.counts().get(Counter.REQUESTS));
        } catch (IOException | RuntimeException e) {
            say(AgentProtocol.ERROR + " the run failed: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * Loads the run's classes before READY, so that the time between STARTED and the run's own start
     * is not class loading (which would add to the start skew).
     */
    private static void preload() throws IOException {
        for (Class<?> c : List.of(LoadRun.class, JsonReport.class, org.HdrHistogram.HistogramLogWriter.class,
                org.HdrHistogram.SingleWriterRecorder.class, mpmbench.loadgen.record.IntervalCollector.class)) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }
        java.nio.channels.Selector.open().close();
    }

    /** Reads the coordinator's lines; answers PING, hands over START and MEASURE; halts when stdin ends. */
    private static void listen(CompletableFuture<Long> start, AtomicLong measureAt) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals(AgentProtocol.PING)) {
                    say(AgentProtocol.PONG + " " + AgentProtocol.nowUs());
                } else if (line.startsWith(AgentProtocol.START + " ")) {
                    start.complete(Long.parseLong(line.substring(AgentProtocol.START.length() + 1).strip()));
                } else if (line.startsWith(AgentProtocol.MEASURE + " ")) {
                    measureAt.set(Long.parseLong(line.substring(AgentProtocol.MEASURE.length() + 1).strip()));
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("agent: reading the coordinator failed: " + e);
        }
        System.err.println("agent: the coordinator went away (stdin closed); stopping");
        Runtime.getRuntime().halt(AgentProtocol.EXIT_ORPHANED);
    }

    /** Sleeps until 1 ms before the wall-clock instant, then spins to it. */
    private static void waitUntil(long epochUs) {
        long deadline = System.nanoTime() + (epochUs - AgentProtocol.nowUs()) * 1000;
        long left;
        while ((left = deadline - System.nanoTime()) > 2_000_000) {
            LockSupport.parkNanos(left - 1_000_000);
        }
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static void say(String line) {
        synchronized (OUT) {
            OUT.println(line);
        }
    }
}
