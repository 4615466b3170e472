package mpmbench.benchmarks.suite;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.SuiteKind;
import mpmbench.benchmarks.telemetry.PerfWindow;
import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;

/**
 * {@code mpmbench suite [quick|full] [options]}: every target through every scenario, with
 * telemetry, CSV, charts, claims and a report. Exit codes: 0 the run ended (failed cells are
 * results, recorded with their reason), 1 the run could not go on, 2 a bad flag.
 */
@Command(name = "mpmbench suite", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        sortOptions = false, usageHelpWidth = 100,
        description = {"Runs scenarios x targets: each target a separate process pinned to one core, the load "
                + "generator a separate process pinned to another, the target's CPU from the kernel's accounting (its cgroup, "
                + "else /proc), memory and threads sampled in the measured window.",
                "Writes summary.csv, cells.csv, samples.csv, env.csv, claims.csv, latency/, charts/, report.md and report.html."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the run ended (see status in summary.csv)", "1:the run could not go on", "2:bad flag"})
public final class SuiteMain implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE", description = "quick (default, <= 10 min) or full (<= 60 min plus a micro pass)")
    String suite = "quick";

    @Option(names = "--list", description = "print the scenarios and targets, then exit")
    boolean list;

    @Option(names = "--targets", paramLabel = "T,...", split = ",",
            description = "targets of java-prefork,java-worker,java-event,java-virtual,httpd-prefork,httpd-worker,"
                    + "httpd-event,nginx, or all of them (all); also url=http://host:port[,pid=N] (use ; between several). "
                    + "Default: all for full; the six the claims read for quick (not java-virtual, nginx)")
    List<String> targets = new ArrayList<>();

    @Option(names = "--scenarios", paramLabel = "S,...", split = ",", description = "scenarios (default: all but graceful-restart,slow-clients for full, which run when "
                    + "named: about 30 more minutes; startup,hello,idle-keepalive,crash for quick; see --list). "
                    + "Over HTTPS, when named: tls-hello,tls-churn,tls-churn-resumed,tls-idle")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--repeats", paramLabel = "N", description = "repeats of each cell (default 3): a fresh target "
            + "instance each, in interleaved rounds")
    Integer repeats;

    @Option(names = "--duration", paramLabel = "T", description = "measured window per repeat, e.g. 3s, 500ms (quick 2s, full 3s)")
    String duration;

    @Option(names = "--warmup", paramLabel = "T", description = "the shortest warm-up before each measured window "
            + "(default 1s); with settling the warm-up lasts until the target is steady")
    String warmup;

    @Option(names = "--wait-quiet", paramLabel = "T", description = "before the run and before each target instance, "
            + "wait up to T (e.g. 120s) until the rest of the machine uses under 20 %% of a core; rows still record "
            + "what their window saw (steal_pct, other_cpu_pct; beyond the limits: disturbed). Default 0: no wait")
    String waitQuiet;

    @Option(names = "--settle-max", paramLabel = "T", description = "longest warm-up while a level settles (requests/s "
            + "of two 2 s windows within 10 %%); then it is measured anyway and marked unsettled (quick 15s, full 30s); "
            + "0: no settling, the fixed --warmup only")
    String settleMax;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default ROOT/results/<run-id>)")
    Path out;

    @Option(names = "--root", paramLabel = "DIR", description = "repository root holding server/target, loadgen/target and benchmarks/micro/target "
            + "(default: found from mpmbench-suite.jar's location, else the working directory)")
    Path root;

    @Option(names = "--java", paramLabel = "PATH", description = "java (JDK 25) for the server and the load generator "
            + "(default: the one running this command)")
    String java;

    @Option(names = "--set", paramLabel = "[TARGET:]Directive=value", description = "directive for java-X and httpd-X "
            + "alike, or for one target with its name before a colon (java-worker:ThreadsPerChild=1); repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "REF", description = "also run the server models of another build as "
            + "targets base:java-X in the same rounds, each beside its java-X, the order alternating by round (ABBA); "
            + "REF is a git revision (exported and built once into <tmp>/mpmbench-base-COMMIT, Maven offline first) or "
            + "a built tree (a folder with server/target/mpmbench-server.jar). 'mpmbench compare DIR' then judges "
            + "new against base paired by round. The peers run once (the same binaries)")
    String baseline;

    @Option(names = "--duet", description = "with --baseline: run java-X and base:java-X at the same time, two fresh "
            + "instances pinned to the same target core, each loaded by its own generator on the generator core, their "
            + "windows starting together after one fixed warm-up (--warmup; with settling on, at least 5s: no settling in "
            + "a duet), the start order alternating by round; 'compare DIR' judges them paired by round. Whatever slows "
            + "the machine slows both: the ratio answers 'is B slower than A on the same core', neither row is a "
            + "target's own speed, so no claim is judged from them. As a duet: the closed-model load scenarios over "
            + "plain HTTP (hello, churn, slow-backend, cpu, large). Sequential (ABBA) as without --duet: startup (a "
            + "launch is timed alone), crash and graceful-restart (recovery against the target's own rate), "
            + "slow-clients (one server's capacity), rate-sweep and equal-load (open model: the queue would be the "
            + "pair's), idle-keepalive (2N idle connections) and tls-* (not yet). The peers run alone")
    boolean duet;

    @Option(names = "--until-decided", description = "after --repeats, add rounds only for the cells an inconclusive "
            + "claim reads (a start-up cell: " + SuiteRunner.STARTUP_LAUNCHES_PER_ROUND + " launches a round) and, with "
            + "--baseline, the cells with a figure compare cannot decide yet (faster, slower, or "
            + "equivalent: interval within 10 %%; both builds of each), until all are decided, --budget is spent or "
            + "--max-repeats is reached. It looks at the data after --repeats rounds and each time they have doubled "
            + "(and at --max-repeats); the error of the K looks is kept at 5 %% by a Bonferroni split (each at 5 %%/K, "
            + "as claims.csv and compare DIR then judge). "
            + "decided.csv: each figure's and claim's decision and the rounds it took")
    boolean untilDecided;

    @Option(names = "--budget", paramLabel = "T", description = "with --until-decided: add no round once the run has "
            + "taken T (e.g. 15m, 900s); the round under way is finished. Default: no limit but --max-repeats")
    String budget;

    @Option(names = "--max-repeats", paramLabel = "N", description = "with --until-decided: the most rounds of a "
            + "cell (default 10; at least --repeats)")
    Integer maxRepeats;

    @Option(names = "--micro", negatable = true, description = "run a short JMH micro pass after the scenarios "
            + "(about 7 min, at most " + MicroPass.TIMEOUT_MIN + "; copies jmh.csv, jmh.json, memory.csv into the results): "
            + "full does by default, quick does not; --no-micro skips it")
    Boolean micro;

    @Option(names = "--no-pin", description = "do not pin the target and the load generator to separate cores")
    boolean noPin;

    @Option(names = "--profile", description = "Linux perf over every measured window, on the target's CPUs: "
            + "profile.csv (what ran: kernel, interpreter, JIT-compiled Java, the JVM, libc, other; which threads: "
            + "compilers, GC and VM, serving; system calls and context switches per request) and profile/CELL.txt "
            + "(with the top symbols). Needs perf (linux-perf) and root; costs the target 1.25-1.7x its CPU per request (measured on a 2-vCPU guest), so compare "
            + "a profiled run only with profiled runs")
    boolean profile;

    @Option(names = "--generator", paramLabel = "NAME", description = "the load generator of the measured cells: "
            + "loadgen (ours, default) or wrk (Debian's wrk 4: the closed-model scenarios only, the others skipped "
            + "with the reason; whole-second --duration)")
    String generator;

    @Option(names = "--agents", paramLabel = "HOST,...", split = ",",
            description = "every cell's load from these hosts over ssh (mpmbench load --agents: -c and -R split "
                    + "across them, one start instant, logs merged losslessly); per-agent files in latency/CELL.agents/")
    List<String> agents = new ArrayList<>();

    @Option(names = "--agent-weights", paramLabel = "W,...", description = "with --agents: each agent's share (default: even)")
    String agentWeights;

    @Option(names = "--agent-java", paramLabel = "PATH", description = "with --agents: java (JDK 25) on the agents")
    String agentJava;

    @Option(names = "--agent-dir", paramLabel = "DIR", description = "with --agents: folder on the agents for the jar "
            + "and run files (mpmbench load's default when not given)")
    String agentDir;

    @Option(names = "--max-clock-offset", paramLabel = "T", description = "with --agents: refuse a cell when an agent's "
            + "clock may be further than this from ours (mpmbench load's default: 50ms)")
    String maxClockOffset;

    @Option(names = "--target-host", paramLabel = "HOST", description = "the url= targets run on this host: their "
            + "processes (pid=) and connections are read from its /proc over one ssh session")
    String targetHost;

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "ssh config file (ssh -F) for --agents and --target-host")
    Path sshConfig;

    @Option(names = "--ssh-option", paramLabel = "OPT", description = "ssh -o option for --agents and --target-host, "
            + "repeatable, e.g. Port=2222")
    List<String> sshOptions = new ArrayList<>();

    private PrintStream out2 = System.out;
    private PrintStream err = System.err;
    private List<String> rawArgs = List.of();

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        SuiteMain command = new SuiteMain();
        command.out2 = out;
        command.err = err;
        command.rawArgs = List.of(args);
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        UsageErrors.install(cl);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof IllegalArgumentException) {
                err.println("mpmbench suite: " + ex.getMessage());
                return 2;
            }
            err.println("mpmbench suite: the run failed: " + ex);
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        if (list) {
            out2.print(Listing.render(SuiteKind.parse(suite), cores));
            return 0;
        }
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + suite;
        SuitePlan plan = plan(runId, cores);
        UntilDecided rule = untilDecided(plan);
        err.printf("mpmbench suite %s: %d cells, %d targets x %d scenarios%s, results in %s%n", plan.suite().label(),
                plan.cells().size(), plan.targets().size(), plan.scenarios().size(), plan.micro() ? ", then a micro pass" : "",
                plan.out());
        if (plan.baseline() != null) {
            try {
                plan.baseline().ensureBuilt(plan.root(), plan.java(), err);
            } catch (java.io.IOException e) {
                err.println("mpmbench suite: " + e.getMessage());
                return 1;
            }
        }
        Path dir = new SuiteRunner(plan, err, waitQuiet != null ? parseDuration(waitQuiet) : Duration.ZERO, rule)
                .run(runId, rawArgs);
        out2.println("mpmbench suite: results in " + dir + " (report.html, report.md)");
        return 0;
    }

    /** The plan these flags describe; throws IllegalArgumentException naming a bad flag. */
    SuitePlan plan(String runId, int cores) {
        SuiteKind kind = SuiteKind.parse(suite);
        Map<String, Scenario> catalog = Scenarios.byName(kind, cores);
        List<Scenario> chosen = new ArrayList<>();
        for (String s : scenarios.isEmpty() ? Scenarios.defaults(kind, cores) : scenarios) {
            Scenario sc = catalog.get(s.trim());
            if (sc == null) {
                throw new IllegalArgumentException("unknown scenario '" + s + "'; accepted: " + String.join(", ", catalog.keySet()));
            }
            chosen.add(sc);
        }
        if (chosen.stream().anyMatch(s -> s.name().equals(Scenarios.EQUAL_LOAD))
                && chosen.stream().noneMatch(s -> s.name().equals(Scenarios.HELLO))) {
            throw new IllegalArgumentException("--scenarios: " + Scenarios.EQUAL_LOAD + " needs " + Scenarios.HELLO
                    + " in the same run (its rate is half the lowest hello knee of each family)");
        }
        List<TargetSpec> chosenTargets = new ArrayList<>();
        List<String> targetNames = targets.isEmpty()
                ? kind == SuiteKind.QUICK ? TargetSpec.QUICK_DEFAULTS : TargetSpec.DEFAULTS
                : targets.size() == 1 && targets.getFirst().trim().equals("all") ? TargetSpec.DEFAULTS : expandUrls(targets);
        for (String t : targetNames) {
            chosenTargets.add(TargetSpec.parse(t));
        }
        Path repo = root != null ? root.toAbsolutePath() : detectRoot();
        if (duet) {
            DuetInstances.check(baseline != null, generator, !agents.isEmpty(), profile, !noPin && cores >= 2);
        }
        Baseline base = baseline == null ? null
                : Baseline.parse(baseline, repo, Path.of(System.getProperty("java.io.tmpdir")));
        if (base != null && duet) {
            base = base.inDuet();
        }
        if (base != null) {
            chosenTargets = withBase(chosenTargets);
        }
        Map<String, String> setMap = new LinkedHashMap<>();
        List<String> names = chosenTargets.stream().map(TargetSpec::name).toList();
        for (String s : sets) {
            Map.Entry<String, String> e = Directives.parseSet(s);
            int colon = e.getKey().lastIndexOf(':'); // base:java-event:Directive names a base target
            if (colon >= 0 && !names.contains(e.getKey().substring(0, colon))) {
                throw new IllegalArgumentException("--set " + s + ": no target '" + e.getKey().substring(0, colon)
                        + "' in this run; accepted: " + String.join(", ", names));
            }
            setMap.put(e.getKey(), e.getValue());
        }
        Path outDir = out != null ? out.toAbsolutePath() : repo.resolve("results").resolve(runId);
        boolean pin = !noPin && cores >= 2;
        LoadGenerator gen = generator == null ? LoadGenerator.LOADGEN : LoadGenerator.of(generator);
        SuitePlan plan = new SuitePlan(kind, chosenTargets, chosen, repeats != null ? repeats : kind.repeats(),
                duration != null ? parseDuration(duration) : kind.duration(),
                warmup != null ? parseDuration(warmup) : kind.warmup(), outDir, repo,
                java != null ? java : currentJava(), setMap,
                pin ? List.of("taskset", "-c", "0") : List.of(), pin ? List.of("taskset", "-c", "1") : List.of(),
                Path.of(System.getProperty("java.io.tmpdir")).resolve("mpmbench-run-" + runId),
                micro != null ? micro : kind == SuiteKind.FULL,
                settleMax != null ? parseDuration(settleMax) : kind.settleCap(), kind.scenariosShareInstance(),
                remote(chosenTargets), gen, base, profile);
        gen.check(plan);
        if (profile) {
            String why = PerfWindow.unavailable();
            if (why != null) {
                throw new IllegalArgumentException("--profile: " + why);
            }
        }
        return plan;
    }

    /** Default of {@code --max-repeats}. */
    static final int MAX_REPEATS = 10;

    /** {@code --until-decided}'s rule for {@code plan}, or null; throws naming a flag that does not fit. */
    UntilDecided untilDecided(SuitePlan plan) {
        if (!untilDecided) {
            if (budget != null || maxRepeats != null) {
                throw new IllegalArgumentException("--budget and --max-repeats need --until-decided");
            }
            return null;
        }
        int max = maxRepeats != null ? maxRepeats : Math.max(MAX_REPEATS, plan.repeats());
        if (max < plan.repeats()) {
            throw new IllegalArgumentException("--max-repeats " + max + " must be at least --repeats (" + plan.repeats() + ")");
        }
        Duration b;
        try {
            b = budget == null ? Duration.ZERO : parseDuration(budget);
        } catch (IllegalArgumentException e) {
            b = Duration.ZERO;
        }
        if (b.isNegative() || budget != null && b.isZero()) {
            throw new IllegalArgumentException("--budget '" + budget + "' must be a positive duration, e.g. 15m, 900s");
        }
        return new UntilDecided(max, b);
    }

    /** The targets with each java-X followed by its base:java-X; throws when there is no java-X to compare. */
    static List<TargetSpec> withBase(List<TargetSpec> targets) {
        List<TargetSpec> out = new ArrayList<>();
        for (TargetSpec t : targets) {
            out.add(t);
            if (t.kind() == TargetSpec.Kind.JAVA) {
                out.add(t.asBase());
            }
        }
        if (out.size() == targets.size()) {
            throw new IllegalArgumentException("--baseline compares our server's models: --targets needs a java-X "
                    + "(java-prefork, java-worker, java-event, java-virtual)");
        }
        return out;
    }

    /** The hosts of {@code --agents} and {@code --target-host} with their ssh flags; throws naming a bad flag. */
    Remote remote(List<TargetSpec> chosenTargets) {
        boolean any = !agents.isEmpty() || targetHost != null;
        if (!any && (agentWeights != null || agentJava != null || agentDir != null || maxClockOffset != null)) {
            throw new IllegalArgumentException("--agent-weights, --agent-java, --agent-dir and --max-clock-offset "
                    + "need --agents HOST,...");
        }
        if (!any && (sshConfig != null || !sshOptions.isEmpty())) {
            throw new IllegalArgumentException("--ssh-config and --ssh-option need --agents or --target-host");
        }
        if (targetHost != null) {
            if (targetHost.isBlank()) {
                throw new IllegalArgumentException("--target-host needs a host name");
            }
            List<String> launched = chosenTargets.stream().filter(TargetSpec::launched).map(TargetSpec::name).toList();
            if (!launched.isEmpty()) {
                throw new IllegalArgumentException("--target-host: the suite starts " + String.join(", ", launched)
                        + " on this machine; on another host start the server yourself and give "
                        + "--targets 'url=http://HOST:PORT,pid=PID'");
            }
        }
        List<String> flags = new ArrayList<>();
        if (agentWeights != null) {
            weights(agentWeights, agents.size());
            flags.addAll(List.of("--agent-weights", agentWeights));
        }
        if (sshConfig != null) {
            flags.addAll(List.of("--ssh-config", sshConfig.toAbsolutePath().toString()));
        }
        for (String o : sshOptions) {
            flags.addAll(List.of("--ssh-option", o));
        }
        if (agentJava != null) {
            flags.addAll(List.of("--agent-java", agentJava));
        }
        if (agentDir != null) {
            flags.addAll(List.of("--agent-dir", agentDir));
        }
        if (maxClockOffset != null) {
            flags.addAll(List.of("--max-clock-offset", maxClockOffset));
        }
        return new Remote(agents.stream().map(String::strip).toList(), flags, targetHost,
                new mpmbench.loadgen.agent.Ssh(sshConfig == null ? null : sshConfig.toAbsolutePath(), sshOptions));
    }

    /** Checks {@code --agent-weights}: one number above 0 per agent. */
    private static void weights(String raw, int agents) {
        String[] w = raw.split(",");
        if (w.length != agents) {
            throw new IllegalArgumentException("--agent-weights has " + w.length + " weights for " + agents + " agents");
        }
        for (String x : w) {
            try {
                if (!(Double.parseDouble(x.strip()) > 0)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--agent-weights: '" + x + "' is not a number above 0");
            }
        }
    }

    /** {@code url=a,pid=1} would be split at its comma: join a {@code pid=} part back to its URL. */
    private static List<String> expandUrls(List<String> raw) {
        List<String> joined = new ArrayList<>();
        for (String t : raw) {
            if (t.startsWith("pid=") && !joined.isEmpty() && joined.getLast().startsWith("url=")) {
                joined.set(joined.size() - 1, joined.getLast() + "," + t);
            } else {
                joined.add(t);
            }
        }
        return joined;
    }

    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("s")) {
                t = t.substring(0, t.length() - 1);
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + s + "'; e.g. 3s, 500ms, 1m");
        }
    }

    private static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** benchmarks/suite/target/mpmbench-suite.jar → the repository root; else the working directory. */
    static Path detectRoot() {
        try {
            Path code = Path.of(SuiteMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("server")) && Files.isDirectory(p.resolve("loadgen"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }
}
