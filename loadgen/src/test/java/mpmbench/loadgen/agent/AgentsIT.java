package mpmbench.loadgen.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.loadgen.cli.LoadMain;
import mpmbench.loadgen.contract.ResultKey;
import mpmbench.loadgen.merge.IntervalLog;
import mpmbench.loadgen.merge.ResultFile;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.LatencyRecorders;

/**
 * {@code mpmbench load --agents} for real: an OpenSSH server started here on a loopback port serves as
 * two or three agents on 127.0.0.1 (reached as {@code agent1} … through a generated ssh config, with a
 * generated key, BatchMode); the target is nginx on loopback. Runs with {@code -Pagents} only (after
 * {@code package}: the agents run the packaged jar, copied to them by hash).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AgentsIT {

    private static final Path JAR = Path.of(System.getProperty("agents.jar", "target/mpmbench-loadgen.jar"));

    @TempDir
    static Path tmp;
    private Sshd sshd;
    private Nginx nginx;

    private record Run(int status, String out, String err, Path dir) {
    }

    @BeforeAll
    void start() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " (run with -Pagents after package)");
        sshd = Sshd.start(Files.createDirectories(tmp.resolve("sshd")));
        nginx = Nginx.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    private Run load(String name, String... args) throws Exception {
        Path dir = tmp.resolve(name);
        List<String> all = new ArrayList<>(List.of("--ssh-config", sshd.sshConfig.toString(), "--agent-jar", JAR.toString(),
                "--agent-dir", tmp.resolve("remote").toString(), "--out", dir.toString()));
        all.addAll(Arrays.asList(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LoadMain.execute(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Run r = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), dir);
        System.out.println(r.out() + r.err());
        return r;
    }

    private static ResultFile result(Path dir, String agent) {
        return ResultFile.read(agent, dir.resolve(agent).resolve("result.json"));
    }

    private static long requests(ResultFile r) {
        return r.counts().get(Counter.REQUESTS);
    }

    /** One histogram holding every value every agent's log recorded under {@code tag}, value by value. */
    private static Histogram everyValue(Path dir, String tag, String... agents) {
        Histogram all = LatencyRecorders.newHistogram();
        for (String a : agents) {
            for (Histogram h : IntervalLog.read(dir.resolve(a).resolve("latency.hlog")).intervals()) {
                if (tag.equals(h.getTag())) {
                    for (HistogramIterationValue v : h.recordedValues()) {
                        all.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo());
                    }
                }
            }
        }
        return all;
    }

    private static long censoredAndAnswered(ResultFile r) {
        return (long) (r.number(ResultKey.REQUESTS) + r.number(ResultKey.UNSENT) + r.number(ResultKey.UNANSWERED));
    }

    @Test
    void twoAgentsSplitTheRateAndMergeAsOneGenerator() throws Exception {
        Run r = load("two", "--agents", "agent1,agent2", "-t1", "-c8", "-R2000", "-d3s", "--warmup", "1s",
                "--latency", "--progress", nginx.url("/hello"));
        assertEquals(0, r.status(), r.err());
        // the suite's progress pattern, summed over agents, and one line where the measured window starts
        List<String> progress = r.err().lines().filter(l -> !l.contains(" over after ")).toList();
        assertEquals(List.of("  warm-up over after 1.0s"), r.err().lines().filter(l -> l.contains("warm-up over")).toList());
        // and one where it ends (relayed from the first agent whose window ended)
        assertEquals(List.of("  window over after 4.0s"), r.err().lines().filter(l -> l.contains("window over")).toList());
        // a line per second of the 1 s warm-up and the 3 s window; the last may be cut when the agents end
        assertTrue(progress.size() >= 3, r.err());
        progress.forEach(l -> assertTrue(l.matches("^\\s*[0-9.]+s (warm-up|\\s+)\\s+\\d+ req/s\\s+errors \\d+"), l));
        ResultFile a = result(r.dir(), "agent1");
        ResultFile b = result(r.dir(), "agent2");
        ResultFile merged = ResultFile.read("merged", r.dir().resolve("result.json"));
        // counts: the merged counters are the agents' sums
        for (Counter c : Counter.values()) {
            assertEquals(a.counts().get(c) + b.counts().get(c), merged.counts().get(c), c.name());
        }
        // the rate split: 1000/s each over the 3 s window, 8 connections as 4 + 4
        for (ResultFile x : List.of(a, b)) {
            assertEquals(1000.0, x.number(ResultKey.RATE), 1e-9);
            assertEquals(4.0, x.number(ResultKey.CONNECTIONS));
            assertEquals(3000, requests(x), 30, x.name() + ": every scheduled request of its share answered");
        }
        assertEquals(2000.0, merged.number(ResultKey.RATE), 1e-9);
        assertEquals(8.0, merged.number(ResultKey.CONNECTIONS));
        // percentiles: those of one histogram holding every value of both agents
        IntervalLog mergedLog = IntervalLog.read(r.dir().resolve("merged.hlog"));
        for (String tag : List.of("corrected", "uncorrected", "lag")) {
            Histogram every = everyValue(r.dir(), tag, "agent1", "agent2");
            Histogram fromLog = LatencyRecorders.newHistogram();
            mergedLog.intervals().stream().filter(h -> tag.equals(h.getTag())).forEach(fromLog::add);
            assertEquals(every, fromLog, tag + ": the merged log holds exactly every agent's values");
        }
        Histogram every = everyValue(r.dir(), "corrected", "agent1", "agent2");
        // every request of the window: the answered ones and, at a lower bound, the unsent and unanswered
        assertEquals(censoredAndAnswered(a) + censoredAndAnswered(b), every.getTotalCount());
        for (ResultKey key : List.of(ResultKey.SCHEDULED, ResultKey.UNSENT, ResultKey.UNANSWERED, ResultKey.ANSWERED_IN_GRACE)) {
            assertEquals(a.number(key) + b.number(key), merged.number(key), key + ": summed over the agents");
        }
        assertEquals(every.getValueAtPercentile(50) / 1000.0, merged.number(ResultKey.P50_MS), 1e-9);
        assertEquals(every.getValueAtPercentile(99) / 1000.0, merged.number(ResultKey.P99_MS), 1e-9);
        assertEquals(every.getValueAtPercentile(99.9) / 1000.0, merged.number(ResultKey.P999_MS), 1e-9);
        assertEquals(every.getMaxValue() / 1000.0, merged.number(ResultKey.MAX_MS), 1e-9);
        // the jar was copied by hash; agents started together
        assertTrue(Files.list(tmp.resolve("remote")).anyMatch(p -> p.getFileName().toString().matches("mpmbench-loadgen-[0-9a-f]{16}\\.jar")));
        List<String> csv = Files.readAllLines(r.dir().resolve("agents.csv"));
        assertEquals(3, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith("agent1,agent1,ok,4,1000.000,"), csv.get(1));
        assertTrue(r.out().contains("Start skew between agents: "), r.out());
    }

    /**
     * {@code --settle} with agents: the coordinator judges the summed requests/s and every agent ends
     * its warm-up at the same second; nginx is flat, so it settles well before the cap.
     */
    @Test
    void settlingEndsEveryAgentsWarmupAtOneSecond() throws Exception {
        Run r = load("settle", "--agents", "agent1,agent2", "-t1", "-c4", "-R1000", "-d2s", "--warmup", "1s",
                "--settle", "9s", "--progress", nginx.url("/hello"));
        assertEquals(0, r.status(), r.err());
        List<String> over = r.err().lines().filter(l -> l.contains("warm-up over after")).toList();
        assertEquals(1, over.size(), r.err());
        assertTrue(over.getFirst().matches("\\s*warm-up over after [5-8]\\.0s: steady"), over.getFirst());
        double warmup = Double.parseDouble(over.getFirst().replaceAll(".*after ([0-9.]+)s.*", "$1"));
        ResultFile merged = ResultFile.read("merged", r.dir().resolve("result.json"));
        assertEquals("true", merged.text(ResultKey.SETTLED));
        assertEquals(warmup, merged.number(ResultKey.WARMUP_S), 1e-9);
        for (String agent : List.of("agent1", "agent2")) {
            ResultFile a = result(r.dir(), agent);
            assertEquals(warmup, a.number(ResultKey.WARMUP_S), 0.05, agent + " ended its warm-up at the common second");
            assertEquals(1000, requests(a), 20, agent + ": its 500/s over the 2 s window");
        }
    }

    @Test
    void aKilledAgentGivesAPartialResultThatNamesIt() throws Exception {
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> {
            try {
                return load("killed", "--agents", "agent1,agent2,agent3", "-t1", "-c6", "-R1500", "-d4s", nginx.url("/hello"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ProcessHandle agent3 = awaitAgent("-3");
        Thread.sleep(2500); // past the common start (1 s after the clocks are measured), mid-run
        agent3.destroyForcibly();
        Run r = run.get(60, TimeUnit.SECONDS);
        assertEquals(AgentsLoad.EXIT_PARTIAL, r.status(), r.out() + r.err());
        List<String> errLines = r.err().lines().toList();
        assertEquals(1, errLines.size(), r.err());
        assertTrue(errLines.getFirst().startsWith("mpmbench load: agent3: the agent ended before its result (exit status "),
                r.err());
        assertTrue(r.out().contains("WARNING: partial result: agent3 failed: "), r.out());
        ResultFile merged = ResultFile.read("merged", r.dir().resolve("result.json"));
        assertEquals(requests(result(r.dir(), "agent1")) + requests(result(r.dir(), "agent2")), requests(merged));
        assertEquals(1000.0, merged.number(ResultKey.RATE), 1e-9, "the result describes the load that was delivered");
        assertTrue(Files.readAllLines(r.dir().resolve("agents.csv")).get(3).startsWith("agent3,agent3,failed,"));
    }

    @Test
    void anAgentWhoseCoordinatorVanishesStopsByItself() throws Exception {
        // the coordinator's side of a session, by hand: ssh running the agent, then ssh killed
        Ssh ssh = new Ssh(sshd.sshConfig, List.of());
        Path err = tmp.resolve("orphan.err");
        RemoteSetup.Remote remote = RemoteSetup.prepare(ssh, AgentHost.of(List.of("agent1")).getFirst(), JAR,
                RemoteSetup.sha256(JAR), null, tmp.resolve("remote").toString());
        AgentSession s = AgentSession.start(ssh, AgentHost.of(List.of("agent1")).getFirst(), remote,
                tmp.resolve("orphan").toString(), 600, false, List.of("-t1", "-c1", "-d60s", nginx.url("/hello")), err);
        long pid = Long.parseLong(s.expect(AgentProtocol.READY, java.time.Duration.ofSeconds(30), "READY"));
        ProcessHandle agent = ProcessHandle.of(pid).orElseThrow();
        s.close(); // kills ssh: the agent's stdin ends
        assertTrue(agent.onExit().get(10, TimeUnit.SECONDS) != null);
        assertFalse(agent.isAlive());
    }

    @Test
    void badHostsAndBadClocksAreOneLineEach() throws Exception {
        Run unreachable = load("closed", "--agents", "closed", "-t1", "-c1", "-d1s", nginx.url("/hello"));
        assertEquals(1, unreachable.status());
        List<String> lines = unreachable.err().lines().toList();
        assertTrue(lines.getFirst().matches("mpmbench load: closed: ssh failed: .*Connection refused"), unreachable.err());
        assertEquals("mpmbench load: no agent delivered a result (see above; agent.err in " + unreachable.dir() + ")",
                lines.get(1));

        Run oldJava = load("java17", "--agents", "agent1", "--agent-java", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                "-t1", "-c1", "-d1s", nginx.url("/hello"));
        assertEquals(1, oldJava.status());
        assertTrue(oldJava.err().startsWith("mpmbench load: agent1: no JDK >= 25 (tried /usr/lib/jvm/java-17-openjdk-amd64/bin/java 17)"),
                oldJava.err());

        Run clock = load("clock", "--agents", "agent1,agent2", "--max-clock-offset", "1us", "-t1", "-c2", "-d1s",
                nginx.url("/hello"));
        assertEquals(1, clock.status());
        assertEquals(1, clock.err().lines().count(), clock.err());
        assertTrue(clock.err().matches("mpmbench load: agent[12]: clock offset -?[0-9.]+ ms ± [0-9.]+ ms exceeds "
                + "--max-clock-offset 0.001 ms; .*\n"), clock.err());

        Run weights = load("weights", "--agents", "agent1,agent2", "--agent-weights", "1", "-t1", "-c2", "-d1s",
                nginx.url("/hello"));
        assertEquals("mpmbench load: --agent-weights has 1 weights for 2 agents\n", weights.err());
        assertEquals(2, weights.status());
    }

    /** The agent's JVM whose run folder ends with {@code suffix}, once it exists. */
    private static ProcessHandle awaitAgent(String suffix) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            Optional<ProcessHandle> p = ProcessHandle.allProcesses().filter(h -> {
                String[] args = h.info().arguments().orElse(new String[0]);
                List<String> a = Arrays.asList(args);
                int i = a.indexOf("--dir");
                boolean java = h.info().command().orElse("").endsWith("/java"); // not timeout(1) around it
                return java && a.contains(AgentMain.class.getName()) && i >= 0 && i + 1 < a.size() && a.get(i + 1).endsWith(suffix);
            }).findFirst();
            if (p.isPresent()) {
                return p.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no agent process with a run folder ending in " + suffix);
    }

}
