package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.report.Row;
import mpmbench.benchmarks.report.Schemas;
import mpmbench.benchmarks.telemetry.ProcFiles;
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
                .putAll(processColumns(ProcReader.system().sample(target.pid(), System.currentTimeMillis())))
                .build();
        return new CellResult(row, List.of());
    }

    public CellResult run(SuitePlan.Cell c, RunningTarget target, String path) throws InterruptedException {
        boolean crash = c.scenario().kind() == ScenarioKind.CRASH;
        Duration duration = crash ? plan.crashDuration() : plan.duration();
        Path json = latencyDir.resolve(c.id() + ".json");
        List<String> cmd = LoadgenRun.command(plan, target.baseUrl() + path, c.scenario(), c.level(), duration, json,
                latencyDir.resolve(c.id() + ".hgrm"), latencyDir.resolve(c.id() + ".hlog"));
        TelemetrySampler sampler = new TelemetrySampler(ProcReader.system(), target::pid, 1000);
        boolean telemetry = target.pid() > 0;
        TreeSample before = telemetry ? sampler.sampleNow() : TreeSample.EMPTY;
        List<long[]> receipts = new ArrayList<>();
        // The kill comes after the first measured second (a baseline) and leaves most of the window to recover.
        double killAfterS = plan.warmup().toMillis() / 1000.0 + Math.max(1.0, duration.toMillis() / 4000.0);
        double[] killAt = {Double.NaN};
        if (telemetry) {
            sampler.start();
        }
        LoadgenRun.Outcome out;
        Process holder = null;
        Path holderJson = latencyDir.resolve(c.id() + ".idle.json");
        try {
            if (c.level().idle() > 0) {
                // Until the measured run's window has ended (its JVM start included), not through its drain.
                Duration hold = IDLE_SETTLE.plus(plan.warmup()).plus(duration).plusMillis(1200);
                java.nio.file.Files.deleteIfExists(holderJson);
                holder = LoadgenRun.start(LoadgenRun.holderCommand(plan, target.baseUrl() + path, c.level().idle(), hold,
                        holderJson), latencyDir.resolve(c.id() + ".idle.txt"));
                Thread.sleep(IDLE_SETTLE.toMillis());
            }
            out = LoadgenRun.run(cmd, json, latencyDir.resolve(c.id() + ".txt"),
                    duration.plus(plan.warmup()).plusSeconds(90), s -> {
                        synchronized (receipts) {
                            receipts.add(new long[] {System.currentTimeMillis()});
                        }
                        if (crash && Double.isNaN(killAt[0]) && s.tS() >= killAfterS) {
                            killAt[0] = killOneChild(target) ? s.tS() : -1;
                        }
                    });
        } catch (IOException e) {
            sampler.stop();
            if (holder != null) {
                holder.destroyForcibly();
            }
            return CellResult.notRun(c, path, "failed", e.getMessage());
        }
        Map<String, String> idle = holder == null ? Map.of() : holderResult(holder, holderJson);
        TreeSample after = telemetry ? sampler.sampleNow() : TreeSample.EMPTY;
        sampler.stop();
        if (out.json().isEmpty()) {
            return CellResult.notRun(c, path, "failed", "the load generator exited with " + out.exitCode()
                    + " and wrote no result" + (out.stderrTail().isEmpty() ? "" : ": " + out.stderrTail()));
        }
        List<TreeSample> samples = sampler.samples();
        Row.Builder row = CellResult.base(c, path).put("status", "ok")
                .put("reason", out.exitCode() == 0 ? "" : "no request completed");
        loadColumns(row, out);
        if (holder != null) {
            idleColumns(row, idle);
        }
        if (telemetry) {
            double reqs = out.num("requests") + out.num("warmup_requests");
            row.putAll(processColumns(mean(samples, after)));
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
        List<long[]> stamps;
        synchronized (receipts) {
            stamps = List.copyOf(receipts);
        }
        return new CellResult(row.build(), sampleRows(c, out.seconds(), stamps, samples,
                plan.warmup().toMillis() / 1000.0, (plan.warmup().toMillis() + duration.toMillis()) / 1000.0));
    }

    /** How long the idle holder gets to open its connections before the measured run starts. */
    static final Duration IDLE_SETTLE = Duration.ofMillis(1000);

    private static Map<String, String> holderResult(Process holder, Path json) throws InterruptedException {
        if (!holder.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            holder.destroyForcibly();
        }
        try {
            return java.nio.file.Files.exists(json) ? LoadgenRun.parseJson(java.nio.file.Files.readString(json)) : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /**
     * The idle connections' fate from the holder's counts: answered (served at least once), held
     * (still open at the end, answered or not), closed by the server, and never accepted: every idle
     * connection never answered (connect failed or still pending, or waiting in the kernel's accept
     * queue).
     */
    static void idleColumns(Row.Builder row, Map<String, String> j) {
        if (j.isEmpty()) {
            row.put("reason", "the idle-connection holder left no result");
            return;
        }
        long idle = Long.parseLong(j.getOrDefault("idle", "0"));
        long answered = Long.parseLong(j.getOrDefault("idle_answered", "0"));
        row.put("idle_answered", answered).put("idle_held", j.get("idle_held")).put("idle_closed", j.get("idle_closed"))
                .put("idle_never_accepted", Math.max(0, idle - answered));
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

    private static void loadColumns(Row.Builder row, LoadgenRun.Outcome out) {
        Map<String, String> j = out.json();
        double errors = 0;
        for (String e : List.of("err_connect", "err_read", "err_write", "err_timeout", "err_status", "err_parse",
                "err_closed")) {
            row.put(e, j.getOrDefault(e, ""));
            errors += out.num(e);
        }
        row.put("errors", (long) errors).put("duration_s", j.get("duration_s")).put("requests", j.get("requests"))
                .put("rps", j.get("rps"));
        for (String p : List.of("p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "uncorrected_p99_ms")) {
            row.put(p, j.get(p));
        }
    }

    private static Row processColumns(TreeSample s) {
        return Row.builder(Schemas.SUMMARY).put("rss_mb", s.rssMb()).put("pss_mb", s.pssMb())
                .put("processes", s.processes()).put("threads", s.threads()).put("fds", s.fds()).build();
    }

    /** The mean of the periodic samples (the end sample when there are none), as a sample. */
    static TreeSample mean(List<TreeSample> samples, TreeSample fallback) {
        List<TreeSample> live = samples.stream().filter(s -> s.processes() > 0).toList();
        if (live.isEmpty()) {
            return fallback;
        }
        int n = live.size();
        return new TreeSample(fallback.epochMs(),
                (int) Math.round(live.stream().mapToInt(TreeSample::processes).average().orElse(0)),
                (int) Math.round(live.stream().mapToInt(TreeSample::threads).average().orElse(0)),
                live.stream().mapToLong(TreeSample::rssKb).sum() / n, live.stream().mapToLong(TreeSample::pssKb).sum() / n,
                fallback.cpuTicks(), fallback.userTicks(), fallback.voluntaryCtx(), fallback.involuntaryCtx(),
                (int) Math.round(live.stream().mapToInt(TreeSample::fds).average().orElse(0)));
    }

    private static List<Row> sampleRows(SuitePlan.Cell c, List<LoadgenRun.Second> seconds, List<long[]> stamps,
                                        List<TreeSample> samples, double warmupS, double endS) {
        List<Row> rows = new ArrayList<>();
        long prevErrors = 0;
        for (int i = 0; i < seconds.size(); i++) {
            LoadgenRun.Second s = seconds.get(i);
            Row.Builder r = Row.builder(Schemas.SAMPLES).put("scenario", c.scenario().name())
                    .put("target", c.target().name()).put("connections", c.level().connections())
                    .put("rate", c.level().rate()).put("idle", c.level().idle()).put("repeat", c.repeat())
                    .put("t_s", s.tS()).put("phase", s.warmup() || s.tS() <= warmupS + 0.05 ? "warmup" : s.tS() <= endS + 0.05 ? "measure" : "drain").put("rps", s.rps())
                    .put("errors", s.errorsTotal() - prevErrors);
            prevErrors = s.errorsTotal();
            long at = i < stamps.size() ? stamps.get(i)[0] : Long.MAX_VALUE;
            int k = latestAtOrBefore(samples, at + 200);
            if (k >= 0) {
                TreeSample t = samples.get(k);
                r.put("rss_mb", t.rssMb()).put("pss_mb", t.pssMb()).put("threads", t.threads())
                        .put("processes", t.processes()).put("fds", t.fds());
                if (k > 0) {
                    TreeSample p = samples.get(k - 1);
                    double dt = (t.epochMs() - p.epochMs()) / 1000.0;
                    if (dt > 0) {
                        r.put("cpu_pct", (t.cpuTicks() - p.cpuTicks()) * 100.0 / ProcFiles.TICKS_PER_SECOND / dt);
                        r.put("ctx_switches_per_s", (t.ctxSwitches() - p.ctxSwitches()) / dt);
                    }
                }
            }
            rows.add(r.build());
        }
        return rows;
    }

    private static int latestAtOrBefore(List<TreeSample> samples, long epochMs) {
        int best = -1;
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).epochMs() <= epochMs) {
                best = i;
            }
        }
        return best;
    }
}
