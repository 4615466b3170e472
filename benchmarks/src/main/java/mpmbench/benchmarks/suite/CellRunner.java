package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.telemetry.ProcReader;
import mpmbench.benchmarks.telemetry.TelemetrySampler;
import mpmbench.benchmarks.telemetry.TreeSample;

/**
 * Runs one level of a scenario against a running target: the load generator as a separate process,
 * the target's process tree sampled once a second meanwhile, a child killed in the middle for
 * {@code crash}; then builds the summary row and the per-second sample rows.
 */
public final class CellRunner {

    private final SuitePlan plan;
    private final Path latencyDir;

    public CellRunner(SuitePlan plan, Path latencyDir) {
        this.plan = plan;
        this.latencyDir = latencyDir;
    }

    /** The startup cell: the timings of the launch that started {@code target}. */
    public CellResult startup(SuitePlan.Cell c, RunningTarget target) {
        Row row = CellResult.base(c, "/hello").put("status", "ok").put("first_200_ms", target.firstOkMs())
                .put("full_capacity_ms", target.fullMs())
                .put("reason", Double.isNaN(target.fullMs()) ? "StartServers capacity not reached within 30 s" : "")
                .putAll(CellRows.process(ProcReader.system().sample(target.pid(), System.currentTimeMillis())))
                .build();
        return new CellResult(row, List.of());
    }

    /**
     * Runs one level on a running target: settles it ({@link SteadyState}, at most the plan's settle
     * cap), then measures {@code windows} repeats back to back, repeat numbers from {@code c.repeat()}
     * (a crash window after another measures a target whose killed child was replaced during the window
     * before: the recovery is part of what it measures). Idle connections, when
     * the level has some, are opened first by a separate holder and held through every window. Each
     * result goes to {@code record} as soon as it exists (idle levels: when the holder has ended).
     */
    public void run(SuitePlan.Cell c, int windows, RunningTarget target, String path, Consumer<CellResult> record)
            throws InterruptedException {
        boolean crash = c.scenario().kind() == ScenarioKind.CRASH;
        Duration window = crash ? plan.crashDuration() : plan.duration();
        Process holder = null;
        Path holderJson = latencyDir.resolve(c.id() + ".idle.json");
        List<CellResult> held = new ArrayList<>();
        Consumer<CellResult> out = c.level().idle() > 0 ? held::add : record;
        String url = target.baseUrl() + path;
        // The holder's connections must outlast the level, and it cannot be told to stop early: an idle
        // level settles within a shorter cap, so that the holder's time is not spent waiting for it.
        Duration cap = c.level().idle() > 0 && plan.settleCap().compareTo(IDLE_SETTLE_CAP) > 0 ? IDLE_SETTLE_CAP
                : plan.settleCap();
        int w = 0;
        try {
            if (c.level().idle() > 0) {
                Duration perWindow = plan.warmup().plus(window).plus(LOADGEN_START);
                Duration hold = IDLE_SETTLE.plus(cap).plus(LOADGEN_START)
                        .plus(perWindow.multipliedBy(windows)).plusSeconds(1);
                Files.deleteIfExists(holderJson);
                holder = LoadgenRun.start(LoadgenRun.holderCommand(plan, url, c.level().idle(), hold, holderJson),
                        latencyDir.resolve(c.id() + ".idle.txt"));
                Thread.sleep(IDLE_SETTLE.toMillis());
            }
            LoadgenRun.Settling settling = null;
            for (; w < windows; w++) {
                SuitePlan.Cell cw = new SuitePlan.Cell(c.scenario(), c.target(), c.level(), c.repeat() + w);
                boolean first = settling == null;
                if (first) {
                    settling = cap.isZero() ? LoadgenRun.Settling.NONE
                            : LoadgenRun.settle(LoadgenRun.settleCommand(plan, url, c.scenario(), c.level(), cap),
                            latencyDir.resolve(cw.id() + ".settle.txt"), cap.plusSeconds(30));
                }
                out.accept(measure(cw, target, path, window, crash, settling, first));
            }
        } catch (IOException e) {
            for (; w < windows; w++) {
                out.accept(CellResult.notRun(new SuitePlan.Cell(c.scenario(), c.target(), c.level(), c.repeat() + w),
                        path, "failed", e.getMessage()));
            }
        } finally {
            if (holder != null) {
                Map<String, String> idle = holderResult(holder, holderJson);
                for (CellResult r : held) {
                    record.accept(r.ok() || r.summary().text("status").equals("unsettled")
                            || r.summary().text("status").equals("generator-bound") ? r.withIdle(idle) : r);
                }
            }
        }
    }

    /** What a load generator's JVM takes to start before its first request, at most (for the holder's hold). */
    static final Duration LOADGEN_START = Duration.ofSeconds(1);

    /**
     * One measured window: the load generator as a process, the target sampled once a second, a child
     * killed after the first measured second for {@code crash}. Its {@code warmup_s} is the level's
     * settling phase plus the load generator's own warm-up; {@code first}: the window right after the
     * settling phase (its samples.csv rows come with the settling seconds).
     */
    private CellResult measure(SuitePlan.Cell c, RunningTarget target, String path, Duration duration, boolean crash,
                               LoadgenRun.Settling settling, boolean first) throws InterruptedException, IOException {
        Path json = latencyDir.resolve(c.id() + ".json");
        List<String> cmd = LoadgenRun.command(plan, target.baseUrl() + path, c.scenario(), c.level(), duration, json,
                latencyDir.resolve(c.id() + ".hgrm"), latencyDir.resolve(c.id() + ".hlog"));
        TelemetrySampler sampler = new TelemetrySampler(ProcReader.system(), target::pid, 1000);
        boolean telemetry = target.pid() > 0;
        TreeSample before = telemetry ? sampler.sampleNow() : TreeSample.EMPTY;
        List<Long> receipts = new ArrayList<>();
        // The kill comes after the first measured second (a baseline) and leaves most of the window to recover.
        double killAfterS = plan.warmup().toMillis() / 1000.0 + Math.max(1.0, duration.toMillis() / 4000.0);
        double[] killAt = {Double.NaN};
        if (telemetry) {
            sampler.start();
        }
        LoadgenRun.Outcome out;
        try {
            out = LoadgenRun.run(cmd, json, latencyDir.resolve(c.id() + ".txt"),
                    duration.plus(plan.warmup()).plusSeconds(90), s -> {
                        synchronized (receipts) {
                            receipts.add(System.currentTimeMillis());
                        }
                        if (crash && Double.isNaN(killAt[0]) && s.tS() >= killAfterS) {
                            killAt[0] = killOneChild(target) ? s.tS() : -1;
                        }
                    });
        } finally {
            sampler.stop();
        }
        TreeSample after = telemetry ? sampler.sampleNow() : TreeSample.EMPTY;
        if (out.json().isEmpty()) {
            return CellResult.notRun(c, path, "failed", "the load generator exited with " + out.exitCode()
                    + " and wrote no result" + (out.stderrTail().isEmpty() ? "" : ": " + out.stderrTail()));
        }
        List<TreeSample> samples = sampler.samples();
        Row.Builder row = CellResult.base(c, path).put("status", "ok")
                .put("warmup_s", settling.loadS() + plan.warmup().toMillis() / 1000.0)
                .put("settled", settling == LoadgenRun.Settling.NONE ? "" : settling.settled());
        CellRows.load(row, out);
        if (telemetry) {
            double reqs = out.num("requests") + out.num("warmup_requests");
            row.putAll(CellRows.process(CellRows.mean(samples, after)));
            row.put("cpu_us_per_req", reqs > 0 ? after.cpuUsSince(before) / reqs : Double.NaN);
            row.put("ctx_switches_per_req", reqs > 0 ? (after.ctxSwitches() - before.ctxSwitches()) / reqs : Double.NaN);
        }
        if (crash) {
            if (killAt[0] < 0 || Double.isNaN(killAt[0])) {
                row.put("status", "failed").put("reason", "no child to kill (or the run ended before the kill)");
            } else {
                double recovery = Recovery.seconds(out.seconds().stream()
                        .filter(x -> x.tS() <= (plan.warmup().toMillis() + duration.toMillis()) / 1000.0 + 0.05).toList(),
                        killAt[0], plan.warmup().toMillis() / 1000.0);
                row.put("kill_at_s", killAt[0]).put("recovery_s", recovery);
                if (Double.isNaN(recovery)) {
                    row.put("reason", "requests/s not back to 90 % of the rate before the kill within the run");
                }
            }
        }
        classify(row, out.num("client_cpu_pct"), settling);
        List<Long> stamps;
        synchronized (receipts) {
            stamps = List.copyOf(receipts);
        }
        List<Row> sampleRows = new ArrayList<>();
        if (first) {
            sampleRows.addAll(settleRows(c, settling));
        }
        sampleRows.addAll(CellRows.samples(c, out.seconds(), stamps, samples, plan.warmup().toMillis() / 1000.0,
                (plan.warmup().toMillis() + duration.toMillis()) / 1000.0));
        return new CellResult(row.build(), sampleRows);
    }

    /**
     * An ok row becomes {@code generator-bound} when the load generator used at least
     * {@link Schemas#GENERATOR_BOUND_PCT} % of its core, else {@code unsettled} when its settling phase
     * hit the cap; a failed row stays failed.
     */
    static void classify(Row.Builder row, double loadgenCpuPct, LoadgenRun.Settling settling) {
        if (!row.get("status").equals("ok")) {
            return;
        }
        String was = row.get("reason").isEmpty() ? "" : "; " + row.get("reason");
        if (loadgenCpuPct >= Schemas.GENERATOR_BOUND_PCT) {
            row.put("status", "generator-bound").put("reason", String.format(Locale.ROOT,
                    "the load generator used %.0f %% of its core: these figures are its limit, not the target's", loadgenCpuPct) + was);
        } else if (!settling.settled() && settling != LoadgenRun.Settling.NONE) {
            List<LoadgenRun.Second> s = settling.perSecond();
            row.put("status", "unsettled").put("reason", String.format(Locale.ROOT,
                    "throughput still moving after %.0f s of warm-up (last seconds: %s req/s)", settling.loadS(),
                    String.join(", ", s.subList(Math.max(0, s.size() - 4), s.size()).stream()
                            .map(x -> Long.toString(x.rps())).toList())) + was);
        }
    }

    /** samples.csv rows of a settling phase: phase {@code settle}, {@code t_s} on the settling run's clock. */
    private static List<Row> settleRows(SuitePlan.Cell c, LoadgenRun.Settling settling) {
        return CellRows.samples(c, settling.perSecond(), List.of(), List.of(), 0, 0).stream()
                .map(r -> Row.builder(Schemas.SAMPLES).putAll(r).put("phase", "settle").build()).toList();
    }

    /** How long the idle holder gets to open its connections before the settling phase starts. */
    static final Duration IDLE_SETTLE = Duration.ofMillis(1000);

    /** The settle cap of a level with idle connections (see {@link #run}). */
    static final Duration IDLE_SETTLE_CAP = Duration.ofSeconds(10);

    /** Waits for the holder to end by itself (its hold covers every window) and reads its result. */
    private static Map<String, String> holderResult(Process holder, Path json) throws InterruptedException {
        if (!holder.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            holder.destroyForcibly();
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
