package mpmbench.loadgen.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.contract.ProgressLine;
import mpmbench.loadgen.merge.ResultFile;

/**
 * Runs one load from several hosts: prepares every agent over ssh (JDK, jar by hash), starts
 * {@link AgentMain} on each, measures each one's clock ({@link ClockOffset}), refuses to start when a
 * clock may be further than the bound, sends every agent the same start instant (moved onto its own
 * clock), waits for their results and fetches them. An agent that fails at any step is reported in one
 * line and left out; the others go on. Merging is {@link AgentsMerge}'s job.
 *
 * <p>Threading: {@link #run} is called from one thread; each agent's steps run on a virtual thread of
 * their own, one step at a time per agent (the executor's hand-over orders them).
 */
public final class Coordinator {

    /** From the start signal to the common start instant: time for the last START line to arrive. */
    static final Duration START_LEAD = Duration.ofSeconds(1);
    /** Clock pings per agent; the one with the shortest round trip is used. */
    static final int PINGS = 16;
    private static final Duration READY_WAIT = Duration.ofSeconds(30);
    private static final Duration PONG_WAIT = Duration.ofSeconds(5);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

    /**
     * @param agents         the hosts
     * @param weights        one per agent, &gt; 0
     * @param ssh            how to reach them
     * @param agentJava      the agents' java, or {@code null} to search
     * @param agentDir       the agents' folder (relative to the remote home unless absolute)
     * @param maxClockOffset the bound on |offset| + uncertainty
     * @param jar            the load generator jar to run there
     * @param outDir         where the agents' files are fetched to (a sub-folder per agent)
     */
    public record Settings(List<AgentHost> agents, double[] weights, Ssh ssh, String agentJava, String agentDir,
                           Duration maxClockOffset, Path jar, Path outDir) {
    }

    /** The clock of an agent is too far off; the run did not start. */
    public static final class ClockRefused extends Exception {
        ClockRefused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What the agents did.
     *
     * @param startUs the common start instant, µs since the epoch, coordinator's clock (0 if never sent)
     * @param agents  one report per agent, in {@code --agents} order
     * @param warmupS the warm-up every agent ran before the common measured window, s
     * @param settled with {@code --settle}: the summed requests/s were steady before the cap
     */
    public record Outcome(long startUs, List<AgentReport> agents, double warmupS, boolean settled) {
    }

    private final Settings settings;
    private final Consumer<String> say;
    private final Consumer<String> progress;

    /**
     * @param say      where one-line notes and failures go (e.g. stderr), called from any agent's thread
     * @param progress where the merged once-a-second progress lines go, or {@code null} for none
     */
    public Coordinator(Settings settings, Consumer<String> say, Consumer<String> progress) {
        this.settings = settings;
        this.say = say;
        this.progress = progress;
    }

    /** Runs {@code total} split over the agents. */
    public Outcome run(LoadSpec total) throws IOException, ClockRefused {
        List<LoadSpec> shares = LoadShares.split(total, settings.weights());
        String hash = RemoteSetup.sha256(settings.jar());
        String runId = runId();
        List<AgentRun> runs = new ArrayList<>();
        for (int i = 0; i < settings.agents().size(); i++) {
            AgentHost a = settings.agents().get(i);
            Path local = settings.outDir().resolve(a.fileName());
            Files.createDirectories(local);
            runs.add(new AgentRun(a, shares.get(i), local, settings.agentDir() + "/runs/" + runId + "-" + a.index()));
        }
        long boundS = AgentProtocol.START_WAIT.plus(total.maxWarmup()).plus(total.duration()).plus(total.grace())
                .plus(AgentProtocol.END_MARGIN).plusSeconds(30).toSeconds();
        long startUs;
        AgentsSettle settle = total.settle().isZero() ? null
                : new AgentsSettle(total.warmup(), total.settle(), s -> measureAt(runs, s));
        try {
            each(runs, r -> {
                r.remote = RemoteSetup.prepare(settings.ssh(), r.agent, settings.jar(), hash, settings.agentJava(),
                        settings.agentDir());
                r.session = AgentSession.start(settings.ssh(), r.agent, r.remote, r.remoteDir, boundS,
                        r.share.open(), AgentArgs.of(r.share), r.localDir.resolve("agent.err"));
                r.session.expect(AgentProtocol.READY, READY_WAIT, "READY");
                r.clock = measureClock(r.session);
            });
            refuseFarClocks(runs);
            startUs = AgentProtocol.nowUs() + START_LEAD.toNanos() / 1000;
            each(runs, r -> r.session.send(AgentProtocol.START + " " + r.clock.toAgent(startUs)));
            Duration runTime = total.maxWarmup().plus(total.duration()).plus(total.grace()).plus(AgentProtocol.END_MARGIN);
            int running = (int) runs.stream().filter(r -> r.failure == null).count();
            ProgressMerge seconds = progress == null && settle == null ? null
                    : new ProgressMerge(running, (s, warmup, rps, errors) -> {
                        if (progress != null) {
                            progress.accept(ProgressMerge.line(s, warmup, rps, errors));
                        }
                        if (settle != null) {
                            settle.second(s, warmup, rps);
                        }
                    });
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean measured = new AtomicBoolean();
            each(runs, r -> {
                try {
                    String started = r.session.expect(AgentProtocol.STARTED, START_LEAD.plusSeconds(10), "its start");
                    r.startedUs = r.clock.toCoordinator(parse(started, "STARTED"));
                    r.session.expect(AgentProtocol.DONE, runTime, "its result", seconds == null ? null : (word, rest) -> {
                        if (word.equals(AgentProtocol.SECOND)) {
                            seconds.second(r.agent.index(), rest);
                            return;
                        }
                        if (word.equals(AgentProtocol.MEASURED)) {
                            if (progress != null && !measured.getAndSet(true)) { // the suite samples the target here
                                progress.accept(new ProgressLine.WindowOver(
                                        Double.parseDouble(rest.split(" ")[0])).format());
                            }
                            return;
                        }
                        String elsewhere = settle == null ? null : settle.measuring(rest);
                        if (elsewhere != null) {
                            throw new AgentFailure(elsewhere);
                        }
                        if (progress != null && !measuring.getAndSet(true)) { // the suite samples the target here
                            progress.accept(new ProgressLine.WarmupOver(Double.parseDouble(rest.split(" ")[0]),
                                    settle != null && settle.settled()).format());
                        }
                    });
                } finally {
                    if (seconds != null) {
                        seconds.gone();
                    }
                }
                r.session.awaitExit(Duration.ofSeconds(5));
                r.session.close();
                fetch(r, AgentProtocol.RESULT_JSON);
                fetch(r, AgentProtocol.LATENCY_HLOG);
                r.result = readResult(r);
            });
        } finally {
            runs.forEach(AgentRun::closeSession);
        }
        List<AgentReport> reports = new ArrayList<>();
        for (AgentRun r : runs) {
            reports.add(new AgentReport(r.agent, r.share, r.clock, r.startedUs, r.result, r.failure, r.localDir));
        }
        return new Outcome(startUs, reports, settle == null ? total.warmup().toNanos() / 1e9 : settle.warmupSeconds(),
                settle != null && settle.settled());
    }

    /** {@code MEASURE s} to every agent still running; one whose session broke fails on its own thread. */
    private static void measureAt(List<AgentRun> runs, long second) {
        for (AgentRun r : runs) {
            if (r.failure == null && r.session != null) {
                try {
                    r.session.send(AgentProtocol.MEASURE + " " + second);
                } catch (AgentFailure e) {
                    // its expect() sees the session end and names it
                }
            }
        }
    }

    private static ClockOffset measureClock(AgentSession s) throws AgentFailure {
        long[] sent = new long[PINGS];
        long[] agent = new long[PINGS];
        long[] received = new long[PINGS];
        for (int i = 0; i < PINGS; i++) {
            sent[i] = AgentProtocol.nowUs();
            s.send(AgentProtocol.PING);
            agent[i] = parse(s.expect(AgentProtocol.PONG, PONG_WAIT, "the clock's answer"), "PONG");
            received[i] = AgentProtocol.nowUs();
        }
        return ClockOffset.estimate(sent, agent, received);
    }

    private void refuseFarClocks(List<AgentRun> runs) throws ClockRefused {
        for (AgentRun r : runs) {
            if (r.failure == null && !r.clock.within(settings.maxClockOffset())) {
                runs.forEach(AgentRun::closeSession);
                throw new ClockRefused(r.agent + ": clock offset " + ms(r.clock.offsetUs()) + " ms ± "
                        + ms(r.clock.uncertaintyUs()) + " ms exceeds --max-clock-offset "
                        + ms(settings.maxClockOffset().toNanos() / 1000) + " ms; synchronise its clock "
                        + "(chrony, NTP) or raise the bound");
            }
        }
    }

    private void fetch(AgentRun r, String name) throws AgentFailure {
        Ssh.Result got = settings.ssh().run(r.agent.host(), "cat " + ShellQuote.quote(r.remoteDir + "/" + name),
                null, FETCH_TIMEOUT);
        if (!got.ok()) {
            throw new AgentFailure("fetching " + name + " failed: " + got.failure());
        }
        try {
            Files.write(r.localDir.resolve(name), got.out());
        } catch (IOException e) {
            throw new AgentFailure("cannot store its " + name + " in " + r.localDir + ": " + e.getMessage());
        }
    }

    private static ResultFile readResult(AgentRun r) throws AgentFailure {
        try {
            return ResultFile.read(r.agent.label(), r.localDir.resolve(AgentProtocol.RESULT_JSON));
        } catch (RuntimeException e) {
            throw new AgentFailure(e.getMessage());
        }
    }

    /** One step of every agent still in the run, in parallel; a step that fails drops its agent. */
    private void each(List<AgentRun> runs, Step step) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (AgentRun r : runs) {
                if (r.failure == null) {
                    pool.execute(() -> {
                        try {
                            step.run(r);
                        } catch (AgentFailure e) {
                            fail(r, e.getMessage());
                        } catch (RuntimeException e) { // a bug here must not cost the other agents their run
                            fail(r, "failed unexpectedly: " + e);
                        }
                    });
                }
            }
        }
    }

    private void fail(AgentRun r, String why) {
        r.failure = why;
        r.closeSession();
        say.accept(r.agent + ": " + why);
    }

    private interface Step {
        void run(AgentRun r) throws AgentFailure;
    }

    private static long parse(String number, String word) throws AgentFailure {
        try {
            return Long.parseLong(number.strip());
        } catch (NumberFormatException e) {
            throw new AgentFailure("the agent's " + word + " line holds no number: '" + number + "'");
        }
    }

    private static String runId() {
        return java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + ProcessHandle.current().pid();
    }

    static String ms(long us) {
        return String.format(java.util.Locale.ROOT, "%.3f", us / 1000.0);
    }

    /** One agent's state through the run; touched by one thread at a time. */
    private static final class AgentRun {
        final AgentHost agent;
        final LoadSpec share;
        final Path localDir;
        final String remoteDir;
        RemoteSetup.Remote remote;
        AgentSession session;
        ClockOffset clock;
        Long startedUs;
        ResultFile result;
        volatile String failure;

        AgentRun(AgentHost agent, LoadSpec share, Path localDir, String remoteDir) {
            this.agent = agent;
            this.share = share;
            this.localDir = localDir;
            this.remoteDir = remoteDir;
        }

        void closeSession() {
            if (session != null) {
                session.close();
            }
        }
    }
}
