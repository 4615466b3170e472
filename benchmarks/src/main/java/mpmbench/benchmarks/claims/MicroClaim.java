package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import mpmbench.benchmarks.results.JmhResults.Result;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 5, "threads start and switch faster than processes, virtual threads faster still", on the
 * micro benchmarks' jmh.csv. Two parts, both must hold:
 * <ul>
 *   <li><b>start</b> (averages, µs): the cheaper process start (Bench_02 {@code /bin/true}, or the
 *       fastest Bench_03 child JVM to READY) at least {@link #START} × a platform thread's start
 *       (Bench_01), which is at least {@link #START} × a virtual thread's;</li>
 *   <li><b>switch</b> (round trips, µs; the sampled median {@code p0.50} when both sides of a pair have
 *       one, else the average): through pipes with a process peer at least {@link Claims#MORE} × with a
 *       thread peer (Bench_05), and park/unpark between platform threads at least {@link Claims#MORE} ×
 *       between virtual threads (Bench_04).</li>
 * </ul>
 * memory.csv's per-unit RSS (platform thread, virtual thread) and a child JVM's PSS are shown in the
 * values when present; they are not part of the verdict. Ratios, so the rule means the same on any
 * machine. A missing row makes the claim {@link Verdict#NOT_MEASURED}, naming what is missing.
 */
public final class MicroClaim implements Claim {

    /** Start: "faster" means at least this factor (start costs differ by orders of magnitude, noise by less). */
    public static final double START = 2.0;

    static final String TITLE = "Threads start and switch faster than processes, virtual threads faster still";
    static final String METRIC = "JMH (jmh.csv): start = Bench_01 platform/virtual thread vs Bench_02 /bin/true and "
            + "Bench_03 child JVM (the cheaper); switch = round trip through pipes, Bench_05 thread vs process peer, "
            + "and park/unpark, Bench_04 platform vs virtual; memory.csv per unit shown, not judged";
    static final String THRESHOLD = String.format(Locale.ROOT,
            "start: process >= %.1f x platform thread >= %.1f x virtual thread; "
                    + "switch: process peer >= %.2f x thread peer and platform >= %.2f x virtual",
            START, START, Claims.MORE, Claims.MORE);

    MicroClaim() {
    }

    @Override
    public List<Row> evaluate(RunData run) {
        return List.of(evaluate(run.jmh(), run.memory()));
    }

    public static Row evaluate(JmhResults jmh, List<Row> memory) {
        if (jmh.isEmpty()) {
            return ClaimRow.notMeasured("5", "micro", TITLE, METRIC, "", THRESHOLD,
                    "needs jmh.csv from the micro benchmarks, which this run did not produce");
        }
        List<String> missing = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();

        Result platform = need(jmh.find("Bench_01_ThreadStart.platformThread", "avgt", ""), "Bench_01 platformThread", missing);
        Result virtual = need(jmh.find("Bench_01_ThreadStart.virtualThread", "avgt", ""), "Bench_01 virtualThread", missing);
        Optional<Result> binTrue = jmh.find("Bench_02_ProcessStart.binTrue", "avgt", "");
        Optional<Result> childJvm = jmh.all("Bench_03_ChildJvmStart.childToReady", "ss").stream()
                .filter(r -> !Double.isNaN(r.scoreUs())).min((a, b) -> Double.compare(a.scoreUs(), b.scoreUs()));
        put(values, "start_us platform_thread", platform);
        put(values, "virtual_thread", virtual);
        put(values, "bin_true", binTrue.orElse(null));
        put(values, "child_jvm" + childJvm.map(r -> "_" + r.params().getOrDefault("mpm", "")).orElse(""),
                childJvm.orElse(null));
        Result process = binTrue.isPresent() && (childJvm.isEmpty() || binTrue.get().scoreUs() <= childJvm.get().scoreUs())
                ? binTrue.get() : childJvm.orElse(null);
        if (process == null) {
            missing.add("Bench_02 binTrue or Bench_03 childToReady");
        }

        double[] peers = pair(jmh, "Bench_05_PipePingPong.roundTrip", new String[] {"peer=thread"},
                new String[] {"peer=process"}, "switch_us pipe_thread_peer", "pipe_process_peer", values, missing);
        double[] threads = pair(jmh, "Bench_04_ThreadPingPong.roundTrips", new String[] {"threads=platform", "via=parkUnpark"},
                new String[] {"threads=virtual", "via=parkUnpark"}, "park_platform", "park_virtual", values, missing);

        memory(memory, values);
        String text = String.join("; ", values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (!missing.isEmpty()) {
            return ClaimRow.notMeasured("5", "micro", TITLE, METRIC, text, THRESHOLD,
                    "jmh.csv has no result for " + String.join(", ", missing));
        }
        double startProcess = process.scoreUs() / platform.scoreUs();
        double startVirtual = platform.scoreUs() / virtual.scoreUs();
        double switchProcess = peers[1] / peers[0];
        double switchVirtual = threads[0] / threads[1];
        boolean start = startProcess >= START && startVirtual >= START;
        boolean sw = switchProcess >= Claims.MORE && switchVirtual >= Claims.MORE;
        String note = String.format(Locale.ROOT,
                "start %s: process / platform = %.2f, platform / virtual = %.2f; "
                        + "switch %s: process peer / thread peer = %.2f, platform / virtual = %.2f",
                start ? "holds" : "does not hold", startProcess, startVirtual, sw ? "holds" : "does not hold",
                switchProcess, switchVirtual);
        // JMH's own errors are in the values; the verdict is on the scores (no repeats of ours to take an interval over)
        return ClaimRow.of("5", "micro", TITLE, METRIC, text, THRESHOLD, null,
                start && sw ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, 0, note);
    }

    /**
     * The two sides of a switch comparison in µs: the sampled medians when both have one, else the
     * averages; NaN where missing (named in {@code missing}).
     */
    private static double[] pair(JmhResults jmh, String bench, String[] a, String[] b, String keyA, String keyB,
                                 Map<String, String> values, List<String> missing) {
        Optional<Result> medianA = jmh.find(bench, "sample", "p0.50", a);
        Optional<Result> medianB = jmh.find(bench, "sample", "p0.50", b);
        if (medianA.isPresent() && medianB.isPresent()) {
            values.put(keyA, num(medianA.get().scoreUs()) + " (median)");
            values.put(keyB, num(medianB.get().scoreUs()) + " (median)");
            return new double[] {medianA.get().scoreUs(), medianB.get().scoreUs()};
        }
        String name = bench.substring(0, 8) + " ";
        Result ra = need(jmh.find(bench, "avgt", "", a), name + String.join(",", a), missing);
        Result rb = need(jmh.find(bench, "avgt", "", b), name + String.join(",", b), missing);
        put(values, keyA, ra);
        put(values, keyB, rb);
        return new double[] {ra == null ? Double.NaN : ra.scoreUs(), rb == null ? Double.NaN : rb.scoreUs()};
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
