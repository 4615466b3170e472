package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.catalogue.ScenarioKind;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.results.Status;
import mpmbench.benchmarks.telemetry.TargetProc;
import mpmbench.benchmarks.telemetry.TelemetrySampler;
import mpmbench.benchmarks.telemetry.TreeSample;
import mpmbench.loadgen.SteadyState;
import mpmbench.loadgen.contract.ResultKey;

/**
 * Runs one level of a scenario against a running target: the load generator as a separate process,
 * the target's process tree sampled once a second meanwhile, a child killed in the middle for
 * {@code crash}; then builds the summary row and the per-second sample rows.
 */
public final class CellRunner {

    private final SuitePlan plan;
    private final Path latencyDir;
    private final TargetProc targetProc;
    /** {@code --profile}'s perf over each window; null without it. */
    private final CellProfile profile;

    /** @param targetProc where the targets' processes and sockets are read (this machine's /proc, or --target-host's) */
    public CellRunner(SuitePlan plan, Path latencyDir, TargetProc targetProc) {
        this.plan = plan;
        this.latencyDir = latencyDir;
        this.targetProc = targetProc;
        this.profile = plan.profile() ? new CellProfile(plan.out(), plan.pinTarget(), Path.of(plan.java())) : null;
    }

    /** The startup cell: the timings of the launch that started {@code target}. */
    public CellResult startup(SuitePlan.Cell c, RunningTarget target) {
        Row row = CellResult.base(c, "/hello").put("status", "ok").put("first_200_ms", target.firstOkMs())
                .put("full_capacity_ms", target.fullMs())
                .put("reason", Double.isNaN(target.fullMs()) ? "StartServers capacity not reached within 30 s" : "")
                .putAll(CellRows.process((target.cgroup() != null ? TargetProc.inCgroup(target.cgroup()) : TargetProc.local())
                        .sample(target.pid(), System.currentTimeMillis())))
                .build();
        return new CellResult(row, List.of());
    }

    /**
     * Runs one level on a running target: one load-generator process warms it up until its requests/s
     * are steady ({@code --settle}, at most the plan's settle cap, {@link SteadyState}) and measures
     * the window right after. Idle connections, when the level has some, are opened first by a
     * separate holder, so the measured connections are new clients; the holder is stopped once the
     * window is over and its counts join the row. A crash cell settles too, even on an instance other
     * cells warmed: the load generator of its run starts cold (its own JIT), and the second before the
     * kill is the baseline its recovery is measured against (measured here: with a fixed 1 s warm-up,
     * java-event's pre-kill second was a third of its steady rate, and its "recovery" was the load
     * generator's climb).
     */
    public CellResult run(SuitePlan.Cell c, RunningTarget target, String path) throws InterruptedException {
        return run(c, target, path, null);
    }

    /**
     * As {@link #run(SuitePlan.Cell, RunningTarget, String)}, as one side of a duet when {@code duet} is not
     * null ({@link DuetInstances}, on a plan {@link SuitePlan#forDuet}): the load generator is launched when the
     * other side's is (the pair's start barrier), the window's instants are noted, and the other side's CPU over
     * its window (its target's and its generator's) is not counted as other processes' ({@code other_cpu_pct}).
     */
    CellResult run(SuitePlan.Cell c, RunningTarget target, String path, DuetPair.Side duet) throws InterruptedException {
        boolean crash = c.scenario().kind() == ScenarioKind.CRASH;
        boolean trickle = c.scenario().kind() == ScenarioKind.SLOW_CLIENTS;
        boolean settle = !plan.settleCap().isZero();
        Duration window = crash ? plan.crashDuration()
                : c.scenario().kind() == ScenarioKind.GRACEFUL_RESTART ? plan.gracefulDuration() : plan.duration();
        String url = target.baseUrl() + path;
        Holder holder = null;
        Path holderJson = latencyDir.resolve(c.id() + ".idle.json");
        try {
            if (c.level().idle() > 0) {
                // An upper bound: the holder is stopped (SIGTERM) as soon as the measured run is over.
                Duration hold = IDLE_OPEN_MAX.plus(LOADGEN_START).plus(plan.maxWarmup()).plus(window).plusSeconds(4);
                Files.deleteIfExists(holderJson);
                holder = new Holder(LoadgenRun.start(trickle
                                ? LoadgenRun.tricklerCommand(plan, url, c.level().idle(), hold, holderJson)
                                : LoadgenRun.holderCommand(plan, url, c.level().idle(), hold, holderJson),
                        latencyDir.resolve(c.id() + ".idle.txt")));
                awaitIdleOpen(targetProc, target.port(), c.level().idle());
            }
            CellResult r = measure(c, target, path, window, crash, settle, holder, duet);
            if (holder == null) {
                return r;
            }
            Map<String, String> idle = holderResult(holder, holderJson);
            // every measured row gets the holder's counts: a stalled one most of all (claim 3 counts the
            // connections a stalled prefork still holds per MiB); a failed or skipped one has nothing to pair them with
            Status status = Status.of(r.summary().text("status"));
            return status.measured() ? r.withHeld(idle, trickle) : r;
        } catch (IOException e) {
            return CellResult.notRun(c, path, "failed", e.getMessage());
        } finally {
            if (holder != null && holder.process().isAlive()) {
                holder.process().destroyForcibly();
            }
        }
    }

    /** What a load generator's JVM takes to start before its first request, at most (for the holder's hold). */
    static final Duration LOADGEN_START = Duration.ofSeconds(1);

    /**
     * The load run of a cell: the load generator as a process, the target sampled once a second and
     * at the instants the generator starts and ends its measured window (its "warm-up over" and
     * "window over" lines), so CPU, context switches and memory are the window's and not the drain's
     * (answers still due after the window, while the target may still be busy); a child killed after
     * the first measured second for {@code crash}. The holder of idle or trickling connections, when
     * there is one, is stopped at the window's end so its counts are the window's too.
     */
    private CellResult measure(SuitePlan.Cell c, RunningTarget target, String path, Duration duration, boolean crash,
                               boolean settle, Holder holder, DuetPair.Side duet) throws InterruptedException, IOException {
        Path json = latencyDir.resolve(c.id() + ".json");
        // a target the suite placed in a cgroup of its own is read through it: the kernel's account of
        // the whole tree, exited children counted once
        TargetProc proc = target.cgroup() != null ? TargetProc.inCgroup(target.cgroup()) : targetProc;
        TelemetrySampler sampler = new TelemetrySampler(proc, target::pid, 1000);
        boolean telemetry = target.pid() > 0;
        TreeSample[] before = {telemetry ? sampler.sampleNow() : TreeSample.EMPTY};
        TreeSample[] atEnd = {null};
        WindowDisturbance.Mark[] marks = {WindowDisturbance.Mark.now(Holder.process(holder), null, null), null};
        Process[] generator = {null};
        double[] measureFromS = {0};
        List<Long> receipts = new ArrayList<>();
        // The kill comes after the first measured second (a baseline) and leaves most of the window to recover.
        double killAfterS = Math.max(1.0, duration.toMillis() / 4000.0);
        double[] killAt = {Double.NaN};
        GracefulRestarts restarts = c.scenario().kind() == ScenarioKind.GRACEFUL_RESTART
                ? new GracefulRestarts(target.gracefulCommand(), plan.restarts(), SuitePlan.RESTART_SPACING) : null;
        if (telemetry) {
            sampler.start();
        }
        boolean targetHere = target.spec().launched() || plan.remote().targetHost() == null;
        CellProfile perf = telemetry && targetHere ? profile : null;
        LoadgenRun.Outcome out;
        try {
            if (duet != null) {
                duet.awaitStart(); // both generators launched together; late or alone, the window's instants show it
            }
            out = plan.generator().run(plan, c, target.baseUrl() + path, duration, settle, latencyDir,
                    new LoadgenRun.Listener() {
                        @Override
                        public void generatorStarted(Process p) {
                            generator[0] = p;
                        }

                        @Override
                        public void second(LoadgenRun.Second s) {
                            synchronized (receipts) {
                                receipts.add(System.currentTimeMillis());
                            }
                            if (crash && Double.isNaN(killAt[0]) && !s.warmup() && s.tS() >= measureFromS[0] + killAfterS) {
                                killAt[0] = killOneChild(target) ? s.tS() : -1;
                            }
                            if (restarts != null && !s.warmup()) {
                                restarts.start(); // when no "warm-up over" line came
                            }
                        }

                        @Override
                        public void warmupOver(double elapsedS) {
                            measureFromS[0] = elapsedS;
                            if (restarts != null) {
                                restarts.start();
                            }
                            if (telemetry) {
                                before[0] = sampler.sampleNow();
                            }
                            marks[0] = WindowDisturbance.Mark.now(Holder.process(holder), restarts, generator[0]);
                            if (duet != null) {
                                duet.windowStarted();
                            }
                            if (perf != null) {
                                perf.windowStarts(c);
                            }
                        }

                        @Override
                        public void windowOver(double elapsedS) {
                            if (telemetry) {
                                atEnd[0] = sampler.sampleNow();
                            }
                            marks[1] = WindowDisturbance.Mark.now(Holder.process(holder), restarts, generator[0]);
                            if (duet != null) {
                                duet.windowEnded();
                            }
                            if (perf != null) {
                                try {
                                    perf.windowEnds();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            if (holder != null) {
                                holder.stop(); // it writes what it held at the window's end
                            }
                        }
                    });
        } finally {
            sampler.stop();
            if (perf != null) {
                perf.windowEnds(); // a run without a "window over" line: perf stops here
            }
        }
        List<GracefulRestarts.Restart> restarted = restarts == null ? List.of() : restarts.finish();
        // Without a "window over" line (an agent run that relays none) the closing sample is read now,
        // after the drain: said in the row's reason.
        boolean windowEndSampled = atEnd[0] != null || !telemetry;
        TreeSample after = atEnd[0] != null ? atEnd[0] : telemetry ? sampler.sampleNow() : TreeSample.EMPTY;
        if (plan.remote().hasAgents()) {
            out = LoadgenRun.busiestAgentCpu(out, LoadgenRun.agentsDir(json));
        }
        if (out.json().isEmpty()) {
            return CellResult.notRun(c, path, "failed", "the load generator exited with " + out.exitCode()
                    + " and wrote no result" + (out.stderrTail().isEmpty() ? "" : ": " + out.stderrTail()));
        }
        double warmupS = out.num(ResultKey.WARMUP_S.key());
        double endS = warmupS + out.num(ResultKey.DURATION_S.key());
        String settled = out.json().getOrDefault(ResultKey.SETTLED.key(), "");
        List<TreeSample> samples = sampler.samples();
        Row.Builder row = CellResult.base(c, path).put("status", "ok").put("warmup_s", warmupS).put("settled", settled);
        CellRows.load(row, out);
        String ctxNote = "";
        if (telemetry) {
            double reqs = out.num(ResultKey.REQUESTS.key());
            row.putAll(CellRows.process(CellRows.windowMean(before[0], samples, after)));
            row.put("cpu_us_per_req", reqs > 0 ? after.cpuNsSince(before[0]) / 1e3 / reqs : Double.NaN);
            row.put("cpu_method", after.cpuMethod().label());
            double ctx = after.ctxSwitchesSince(before[0]);
            boolean sameTree = samples.stream().filter(x -> x.epochMs() > before[0].epochMs() && x.epochMs() < after.epochMs())
                    .allMatch(x -> x.livePids().equals(after.livePids()) && x.threads() == after.threads());
            row.put("ctx_switches_per_req", reqs > 0 && sameTree ? ctx / reqs : Double.NaN);
            row.put("runq_wait_us_per_req", reqs > 0 && sameTree ? after.runDelayNsSince(before[0]) / 1e3 / reqs : Double.NaN);
            if (perf != null && reqs > 0) {
                perf.finish(c, after.livePids(), reqs, after.cpuNsSince(before[0]) / 1e3 / reqs);
            }
            if (reqs > 0 && (Double.isNaN(ctx) || !sameTree)) {
                ctxNote = "context switches and run-queue wait not measured: a process or thread of the target started "
                        + "or exited in the window (an exited one takes its counts with it)";
            }
        }
        if (!ctxNote.isEmpty()) {
            row.put("reason", row.get("reason").isEmpty() ? ctxNote : row.get("reason") + "; " + ctxNote);
        }
        if (c.level().idle() > 0 && c.scenario().kind() != ScenarioKind.SLOW_CLIENTS) {
            // idle keep-alive connections: the active ones, the held ones and the holder's own at once
            String limit = ConnectionCapacity.note(target.spec(), TargetLauncher.directives(plan, target.spec()),
                    c.level().connections() + c.level().idle() + 1);
            if (!limit.isEmpty()) {
                row.put("reason", row.get("reason").isEmpty() ? limit : row.get("reason") + "; " + limit);
            }
        }
        if (!windowEndSampled) {
            row.put("reason", "the window's end was not signalled: the closing sample was read after the load "
                    + "generator exited (its drain included)");
        }
        if (crash) {
            if (killAt[0] < 0 || Double.isNaN(killAt[0])) {
                row.put("status", "failed").put("reason", "no child to kill (or the run ended before the kill)");
            } else {
                double recovery = Recovery.seconds(out.seconds().stream().filter(x -> x.tS() <= endS + 0.05).toList(),
                        killAt[0], warmupS);
                row.put("kill_at_s", killAt[0]).put("recovery_s", recovery);
                if (Double.isNaN(recovery)) {
                    row.put("reason", "requests/s not back to 90 % of the rate before the kill within the run");
                }
            }
        }
        if (out.exitCode() == PARTIAL) {
            row.put("status", "failed").put("reason", "partial result: an agent failed, so the load was not the level's ("
                    + out.stderrTail() + "); the agents that delivered are in latency/" + c.id() + ".agents/agents.csv");
        }
        if (restarts != null) {
            RestartRows.put(row, restarted, plan.restarts(), out, latencyDir.resolve(c.id() + ".hlog"), warmupS, endS);
        }
        CellStatus.classify(row, CellStatus.Generator.of(out.json()), settled,
                out.seconds().stream().filter(x -> x.warmup() || x.tS() <= warmupS + 0.05).toList(),
                out.seconds().stream().filter(x -> !x.warmup() && x.tS() > warmupS + 0.05 && x.tS() <= endS + 0.05)
                        .mapToLong(LoadgenRun.Second::rps).average().orElse(Double.NaN));
        double targetNs = telemetry && targetHere && windowEndSampled ? after.cpuNsSince(before[0]) : 0;
        // with --agents the generator is the agents, summed: subtracted too, since they may run
        // on this machine (as in the tests); on other hosts this only makes "other" smaller
        double generatorNs = out.num(plan.remote().hasAgents() ? "client_cpu_pct_sum" : ResultKey.CLIENT_CPU_PCT.key())
                / 100 * out.num(ResultKey.DURATION_S.key()) * 1e9;
        if (duet != null) {
            // the duet's other target and its generator were measured too, over (nearly) the same window
            double partnerNs = duet.exchangeCpu(nz(targetNs) + nz(generatorNs));
            targetNs = nz(targetNs) + nz(partnerNs);
        }
        WindowDisturbance.put(row, marks[0], marks[1], targetNs, generatorNs,
                telemetry && targetHere && after.livePids().contains((int) ProcessHandle.current().pid()), duet != null);
        List<Long> stamps;
        synchronized (receipts) {
            stamps = List.copyOf(receipts);
        }
        return new CellResult(row.build(), CellRows.samples(c, out.seconds(), stamps, samples, warmupS, endS));
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** {@code mpmbench load --agents}' exit status of a merged result that lacks an agent. */
    static final int PARTIAL = 3;

    /** The longest the idle holder gets to open its connections before the measured run starts. */
    static final Duration IDLE_OPEN_MAX = Duration.ofSeconds(2);

    /**
     * Waits until the target's port holds {@code idle} established connections (counted in the
     * kernel's table, accept queue included), at most {@link #IDLE_OPEN_MAX}: a target that accepts
     * fewer gets what the holder could open by then.
     */
    private static void awaitIdleOpen(TargetProc proc, int port, int idle) throws InterruptedException {
        long deadline = System.nanoTime() + IDLE_OPEN_MAX.toNanos();
        while (System.nanoTime() < deadline && proc.established(port) < idle) {
            Thread.sleep(20);
        }
    }

    /**
     * The load generator holding the idle or trickling connections. It is stopped once, with SIGTERM
     * (it ends its run and still writes its result): at the window's end when loadgen says so, else
     * after the measured run; a second SIGTERM would reach a JVM already in its shutdown hooks.
     */
    private static final class Holder {
        private final Process process;
        private boolean stopped;

        Holder(Process process) {
            this.process = process;
        }

        Process process() {
            return process;
        }

        static Process process(Holder h) {
            return h == null ? null : h.process;
        }

        synchronized void stop() {
            if (!stopped) {
                stopped = true;
                process.destroy();
            }
        }
    }

    /**
     * Stops the holder unless the window's end already did, and reads its result.
     */
    private static Map<String, String> holderResult(Holder holder, Path json) throws InterruptedException {
        holder.stop();
        if (!holder.process().waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            holder.process().destroyForcibly();
        }
        try {
            return Files.exists(json) ? LoadgenRun.parseJson(Files.readString(json)) : Map.of();
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
    }

    /**
     * SIGKILLs the target's busiest child: the descendant with the most open file descriptors (so the
     * one holding the most connections), the first one on a tie.
     */
    private static boolean killOneChild(RunningTarget target) {
        List<Integer> children = target.descendants();
        int best = -1;
        long bestFds = -1;
        for (int pid : children) {
            long fds;
            try (var s = java.nio.file.Files.list(Path.of("/proc", Integer.toString(pid), "fd"))) {
                fds = s.count();
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (fds > bestFds) {
                best = pid;
                bestFds = fds;
            }
        }
        return best > 0 && ProcessHandle.of(best).map(ProcessHandle::destroyForcibly).orElse(false);
    }
}
