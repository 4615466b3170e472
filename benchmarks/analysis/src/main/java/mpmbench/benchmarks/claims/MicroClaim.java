package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.JmhResults.Result;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 5, "threads start and switch faster than processes, virtual threads faster still", on the
 * micro benchmarks' jmh.csv. Two parts, both must hold:
 * <ul>
 *   <li><b>start</b> (averages, µs): a process start (Bench_02 {@code /bin/true}; without it, every
 *       Bench_03 child JVM to READY) at least {@link #START} × a platform thread's start (Bench_01,
 *       one at a time: started and waited for, as the process is), which is at least {@link #START} ×
 *       a virtual thread's, both started in a batch when jmh.csv has the batch rows (Bench_01
 *       {@code *ThreadsInBatch}; one at a time otherwise): one at a time, a virtual thread's start+join
 *       is mostly the wake-up of the platform thread that joins it, which is not what it costs to start;</li>
 *   <li><b>switch</b> (round trips, µs; the averages, see {@link #pair}): through pipes with a process
 *       peer at least {@link Claims#MORE} × with a thread peer (Bench_05, both ends on one CPU when
 *       jmh.csv has {@code cpus=one}), and park/unpark between platform threads at least {@link Claims#MORE} ×
 *       between virtual threads (Bench_04).</li>
 * </ul>
 * Every comparison is decided from JMH's scores and errors together ({@link JmhRatio}): inconclusive
 * when the intervals leave the factor in doubt, never from the scores alone. The sampled medians are
 * shown, not judged (JMH gives a percentile no error). The claim holds when all four comparisons hold,
 * does not hold when any does not, and is inconclusive otherwise; the ratio written is the one that
 * decides ({@link RatioCheck#all}).
 * memory.csv's per-unit RSS (platform thread, virtual thread) and a child JVM's PSS are shown in the
 * values when present; they are not part of the verdict. Ratios, so the rule means the same on any
 * machine. A missing row makes the claim {@link Verdict#NOT_MEASURED}, naming what is missing.
 */
public final class MicroClaim implements Claim {

    /** Start: "faster" means at least this factor (start costs differ by orders of magnitude, noise by less). */
    public static final double START = 2.0;

    static final String TITLE = "Threads start and switch faster than processes, virtual threads faster still";
    static final String METRIC = "JMH (jmh.csv): start = Bench_01 platform/virtual thread vs Bench_02 /bin/true and "
            + "Bench_03 child JVMs (without /bin/true); switch = round trip through pipes, Bench_05 thread vs process peer, "
            + "and park/unpark, Bench_04 platform vs virtual; memory.csv per unit shown, not judged";
    static final String THRESHOLD = String.format(Locale.ROOT,
            "start: process >= %.1f x platform thread >= %.1f x virtual thread; "
                    + "switch: process peer >= %.2f x thread peer and platform >= %.2f x virtual",
            START, START, Claims.MORE, Claims.MORE);

    MicroClaim() {
    }

    /** None: a micro claim reads jmh.csv, which rounds of the suite do not add to. */
    @Override
    public List<String> scenariosRead() {
        return List.of();
    }

    @Override
    public List<Row> evaluate(RunData run) {
        return List.of(evaluate(run.jmh(), run.memory()));
    }

    public static Row evaluate(JmhResults jmh, List<Row> memory) {
        if (jmh.isEmpty()) {
            return ClaimRow.notMeasured("5", "micro", "", TITLE, METRIC, "", THRESHOLD,
                    "needs jmh.csv from the micro benchmarks, which this run did not produce");
        }
        List<String> missing = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();

        Result platform = need(jmh.find("Bench_01_ThreadStart.platformThread", "avgt", ""), "Bench_01 platformThread", missing);
        Result virtual = need(jmh.find("Bench_01_ThreadStart.virtualThread", "avgt", ""), "Bench_01 virtualThread", missing);
        Optional<Result> binTrue = jmh.find("Bench_02_ProcessStart.binTrue", "avgt", "");
        List<Result> childJvms = jmh.all("Bench_03_ChildJvmStart.childToReady", "ss").stream()
                .filter(r -> !Double.isNaN(r.scoreUs())).toList();
        Optional<Result> cheapestJvm = childJvms.stream().min((a, b) -> Double.compare(a.scoreUs(), b.scoreUs()));
        put(values, "start_us platform_thread", platform);
        put(values, "virtual_thread", virtual);
        Optional<Result> platformBatch = jmh.find("Bench_01_ThreadStart.platformThreadsInBatch", "avgt", "")
                .filter(r -> !Double.isNaN(r.scoreUs()));
        Optional<Result> virtualBatch = jmh.find("Bench_01_ThreadStart.virtualThreadsInBatch", "avgt", "")
                .filter(r -> !Double.isNaN(r.scoreUs()));
        boolean batch = platformBatch.isPresent() && virtualBatch.isPresent();
        if (batch) {
            put(values, "platform_thread_in_batch", platformBatch.get());
            put(values, "virtual_thread_in_batch", virtualBatch.get());
        }
        put(values, "bin_true", binTrue.orElse(null));
        put(values, "child_jvm" + cheapestJvm.map(r -> "_" + r.params().getOrDefault("mpm", "")).orElse(""),
                cheapestJvm.orElse(null));
        // /bin/true is the cheapest process start there is (fork and exec of a program that does nothing; a
        // child JVM does that and more), so it alone stands for processes when present: no choice by score
        List<Result> processes = binTrue.filter(r -> !Double.isNaN(r.scoreUs())).map(List::of).orElse(childJvms);
        if (processes.isEmpty()) {
            missing.add("Bench_02 binTrue or Bench_03 childToReady");
        }

        // both ends on one CPU when jmh.csv has it: where the scheduler puts them varies more between
        // forks than the process boundary costs (Bench_05's doc)
        boolean oneCpu = jmh.find("Bench_05_PipePingPong.roundTrip", "avgt", "", "cpus=one").isPresent();
        String pin = oneCpu ? "cpus=one" : "";
        Result[] peers = pair(jmh, "Bench_05_PipePingPong.roundTrip", params("peer=thread", pin),
                params("peer=process", pin), "switch_us pipe_thread_peer" + (oneCpu ? "_one_cpu" : ""),
                "pipe_process_peer" + (oneCpu ? "_one_cpu" : ""), values, missing);
        Result[] threads = pair(jmh, "Bench_04_ThreadPingPong.roundTrips", new String[] {"threads=platform", "via=parkUnpark"},
                new String[] {"threads=virtual", "via=parkUnpark"}, "park_platform", "park_virtual", values, missing);

        memory(memory, values);
        String text = String.join("; ", values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (!missing.isEmpty()) {
            return ClaimRow.notMeasured("5", "micro", "", TITLE, METRIC, text, THRESHOLD,
                    "jmh.csv has no result for " + String.join(", ", missing));
        }
        RatioCheck startProcess = RatioCheck.all(RatioCheck.Side.ABOVE, processes.stream()
                .map(p -> JmhRatio.atLeast(p, platform, START)).toArray(RatioCheck[]::new));
        RatioCheck startVirtual = batch ? JmhRatio.atLeast(platformBatch.get(), virtualBatch.get(), START)
                : JmhRatio.atLeast(platform, virtual, START);
        RatioCheck switchProcess = JmhRatio.atLeast(peers[1], peers[0], Claims.MORE);
        RatioCheck switchVirtual = JmhRatio.atLeast(threads[0], threads[1], Claims.MORE);
        RatioCheck start = RatioCheck.all(RatioCheck.Side.ABOVE, startProcess, startVirtual);
        RatioCheck sw = RatioCheck.all(RatioCheck.Side.ABOVE, switchProcess, switchVirtual);
        RatioCheck claim = RatioCheck.all(RatioCheck.Side.ABOVE, start, sw);
        String note = "start " + start.verdict().text() + ": process / platform = " + part(startProcess)
                + ", platform / virtual" + (batch ? " in a batch" : "") + " = " + part(startVirtual)
                + "; switch " + sw.verdict().text() + ": process peer / thread peer" + (oneCpu ? " on one CPU" : "")
                + " = " + part(switchProcess) + ", platform / virtual = " + part(switchVirtual);
        return ClaimRow.of("5", "micro", "", TITLE, METRIC, text, THRESHOLD, claim.ratio(), claim.verdict(), 0, note);
    }

    private static String[] params(String a, String b) {
        return b.isEmpty() ? new String[] {a} : new String[] {a, b};
    }

    /** "9.23 [2.43, 148]" with the interval JMH's errors give. */
    private static String part(RatioCheck c) {
        Intervals.Ratio r = c.ratio();
        return Double.isNaN(r.low()) ? String.format(Locale.ROOT, "%.2f (no error from JMH)", r.point())
                : String.format(Locale.ROOT, "%.2f [%s, %s]", r.point(), two(r.low()), two(r.high()));
    }

    private static String two(double d) {
        return Double.isInfinite(d) ? "inf" : String.format(Locale.ROOT, "%.2f", d);
    }

    /**
     * The two sides of a switch comparison: the averages ({@code avgt}), whose JMH error comes from the
     * iterations of every fork, so a fork that got another placement widens it; null where missing
     * (named in {@code missing}). Not the sampled runs' means: their error comes from the samples of all
     * forks pooled, as if one fork's placement were every fork's (Bench_05's pipe with a process peer read
     * 22.7 ± 0.8 µs in one run and 16.0 ± 0.6 in another). The sampled median {@code p0.50} is shown
     * beside each average when there is one, never judged: JMH gives a percentile no error.
     */
    private static Result[] pair(JmhResults jmh, String bench, String[] a, String[] b, String keyA, String keyB,
                                 Map<String, String> values, List<String> missing) {
        String name = bench.substring(0, 8) + " ";
        Result ra = need(jmh.find(bench, "avgt", "", a), name + String.join(",", a), missing);
        Result rb = need(jmh.find(bench, "avgt", "", b), name + String.join(",", b), missing);
        putWithMedian(jmh, values, keyA, ra, bench, a);
        putWithMedian(jmh, values, keyB, rb, bench, b);
        return new Result[] {ra, rb};
    }

    /** "2.636 ±0.147 (sampled median 2.420)". */
    private static void putWithMedian(JmhResults jmh, Map<String, String> values, String key, Result avg, String bench,
                                      String[] params) {
        put(values, key, avg);
        jmh.find(bench, "sample", "", params).flatMap(s -> jmh.secondary(s, "p0.50"))
                .ifPresent(m -> values.put(key, values.get(key) + " (sampled median " + num(m.scoreUs()) + ")"));
    }

    /** Per unit: a platform thread's and a virtual thread's RSS, the smallest child JVM's PSS. */
    private static void memory(List<Row> memory, Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        for (String unit : List.of("platform_thread", "virtual_thread")) {
            memory.stream().filter(m -> m.text("unit").equals(unit) && !Double.isNaN(m.num("rss_kb_per_unit")))
                    .findFirst().ifPresent(m -> parts.add(unit + "_rss=" + num(m.num("rss_kb_per_unit"))));
        }
        memory.stream().filter(m -> m.text("unit").startsWith("child_jvm") && !Double.isNaN(m.num("pss_kb_per_unit")))
                .min((a, b) -> Double.compare(a.num("pss_kb_per_unit"), b.num("pss_kb_per_unit")))
                .ifPresent(m -> parts.add("child_jvm_pss=" + num(m.num("pss_kb_per_unit")) + " ("
                        + m.text("unit").substring("child_jvm".length()).replace("_", "") + ")"));
        for (int i = 0; i < parts.size(); i++) {
            int eq = parts.get(i).indexOf('=');
            values.put((i == 0 ? "memory_kb " : "") + parts.get(i).substring(0, eq), parts.get(i).substring(eq + 1));
        }
    }

    private static Result need(Optional<Result> r, String name, List<String> missing) {
        if (r.isEmpty() || Double.isNaN(r.get().scoreUs())) {
            missing.add(name);
            return null;
        }
        return r.get();
    }

    private static void put(Map<String, String> values, String key, Result r) {
        if (r == null) {
            values.put(key, "n/a");
            return;
        }
        values.put(key, num(r.scoreUs()) + (Double.isNaN(r.errorUs()) ? "" : " ±" + num(r.errorUs())));
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
