package mpmbench.benchmarks.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import mpmbench.benchmarks.report.chart.BarChart;
import mpmbench.benchmarks.report.chart.BarChart.Bar;
import mpmbench.benchmarks.report.chart.ChartFiles;
import mpmbench.benchmarks.report.chart.Drawn;
import mpmbench.benchmarks.results.JmhResults.Result;
import mpmbench.benchmarks.results.JmhResults;

/**
 * The micro benchmarks' charts, from jmh.csv alone: {@code micro} (start of a thread, a virtual thread,
 * a process, a child JVM) and {@code micro-switch} (round trips and hand-offs), one bar per result in
 * µs with JMH's 99.9 % error as a whisker ({@link BarChart}: points on a logarithmic axis when the values
 * span more than {@link BarChart#LOG_SPAN} ×, a whisker reaching 0 drawn down to the axis).
 * Colours: platform threads blue, virtual threads green, processes red, the rest grey.
 */
public final class MicroCharts {

    private static final Color THREAD = new Color(0x1f77b4);
    private static final Color VIRTUAL = new Color(0x2ca02c);
    private static final Color PROCESS = new Color(0xd62728);
    private static final Color OTHER = new Color(0x7f7f7f);

    private MicroCharts() {
    }

    /** Draws the charts that have data into {@code charts/}; adds them to {@code drawn}. */
    public static void draw(Path charts, JmhResults jmh, List<Drawn> drawn) throws IOException {
        if (jmh.isEmpty()) {
            return;
        }
        save(charts, "micro", "Start: thread, virtual thread, process, child JVM (JMH, ± 99.9 % error)", startBars(jmh),
                drawn);
        save(charts, "micro-switch", "Round trips (JMH avgt, ± 99.9 %): 04 threads, 05 pipes, 06 shared slot, 07 queues, 08 selector",
                switchBars(jmh), drawn);
    }

    static List<Bar> startBars(JmhResults jmh) {
        List<Bar> bars = new ArrayList<>();
        jmh.find("Bench_01_ThreadStart.platformThread", "avgt", "").ifPresent(r -> bars.add(bar("platform thread", r)));
        jmh.find("Bench_01_ThreadStart.virtualThread", "avgt", "").ifPresent(r -> bars.add(bar("virtual thread", r)));
        jmh.find("Bench_01_ThreadStart.platformThreadsInBatch", "avgt", "")
                .ifPresent(r -> bars.add(bar("platform thread, in a batch", r)));
        jmh.find("Bench_01_ThreadStart.virtualThreadsInBatch", "avgt", "")
                .ifPresent(r -> bars.add(bar("virtual thread, in a batch", r)));
        jmh.find("Bench_02_ProcessStart.binTrue", "avgt", "").ifPresent(r -> bars.add(bar("process /bin/true", r)));
        for (Result r : jmh.all("Bench_03_ChildJvmStart.childToReady", "ss")) {
            bars.add(bar("child JVM " + r.params().getOrDefault("mpm", "") + " to READY", r));
        }
        return bars.stream().filter(b -> !Double.isNaN(b.value())).toList();
    }

    static List<Bar> switchBars(JmhResults jmh) {
        List<Bar> bars = new ArrayList<>();
        for (Result r : jmh.primary()) {
            String bench = r.bench();
            if (!r.mode().equals("avgt") || !bench.matches("Bench_0[4-8]_.*") || Double.isNaN(r.scoreUs())) {
                continue;
            }
            String number = bench.substring("Bench_".length(), "Bench_".length() + 2);
            String params = String.join(" ", r.params().values());
            bars.add(bar(number + " " + (params.isEmpty() ? bench.substring(bench.indexOf('.') + 1) : params), r));
        }
        return bars;
    }

    private static Bar bar(String label, Result r) {
        String kind = (label + " " + r.paramText()).toLowerCase(java.util.Locale.ROOT);
        Color c = kind.contains("process") || kind.contains("jvm") ? PROCESS
                : kind.contains("virtual") ? VIRTUAL
                : kind.contains("thread") || kind.contains("platform") ? THREAD : OTHER;
        double e = r.errorUs();
        return new Bar(label, r.scoreUs(), Double.isNaN(e) ? Double.NaN : r.scoreUs() - e,
                Double.isNaN(e) ? Double.NaN : r.scoreUs() + e, c, false);
    }

    static void save(Path charts, String stem, String title, List<Bar> bars, List<Drawn> drawn) throws IOException {
        if (bars.isEmpty()) {
            return;
        }
        drawn.add(ChartFiles.save(charts, stem, title, BarChart.chart(title, "µs per operation", bars, true)));
    }
}
