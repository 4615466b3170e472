package mpmbench.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import mpmbench.benchmarks.results.JmhResults.Result;
import mpmbench.benchmarks.results.JmhResults;

/**
 * The micro benchmarks' charts, from jmh.csv alone: {@code micro} (start of a thread, a virtual thread,
 * a process, a child JVM) and {@code micro-switch} (round trips and hand-offs), one bar per result in
 * µs with JMH's 99.9 % error as a whisker. The value axis is logarithmic when the bars span more than
 * {@link #LOG_SPAN} ×; there a whisker whose interval reaches 0 is drawn down to the axis.
 * XChart's own error bars are not used: on a log axis it draws the log of the half-width, which is wrong.
 * Colours: platform threads blue, virtual threads green, processes red, the rest grey.
 */
public final class MicroCharts {

    /** Log scale when max / min of the bars exceeds this. */
    static final double LOG_SPAN = 20;

    private static final int W = 900;
    private static final int H = 600;
    private static final Color THREAD = new Color(0x1f77b4);
    private static final Color VIRTUAL = new Color(0x2ca02c);
    private static final Color PROCESS = new Color(0xd62728);
    private static final Color OTHER = new Color(0x7f7f7f);

    /** One bar: a label, the score and its error in µs, the colour of its kind. */
    record Bar(String label, double value, double error, Color color) {
    }

    private MicroCharts() {
    }

    /** Draws the charts that have data into {@code charts/}; adds them to {@code drawn} (stem → caption). */
    public static void draw(Path charts, JmhResults jmh, Map<String, String> drawn) throws IOException {
        if (jmh.isEmpty()) {
            return;
        }
        Files.createDirectories(charts);
        save(charts, "micro", "Start: thread, virtual thread, process, child JVM (JMH, ± 99.9 % error)", startBars(jmh),
                drawn);
        save(charts, "micro-switch", "Round trips (JMH avgt, ± 99.9 %): 04 threads, 05 pipes, 06 shared slot, 07 queues, 08 selector",
                switchBars(jmh), drawn);
    }

    static List<Bar> startBars(JmhResults jmh) {
        List<Bar> bars = new ArrayList<>();
        jmh.find("Bench_01_ThreadStart.platformThread", "avgt", "").ifPresent(r -> bars.add(bar("platform thread", r)));
        jmh.find("Bench_01_ThreadStart.virtualThread", "avgt", "").ifPresent(r -> bars.add(bar("virtual thread", r)));
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
        return new Bar(label, r.scoreUs(), r.errorUs(), c);
    }

    static void save(Path charts, String stem, String title, List<Bar> bars, Map<String, String> drawn)
            throws IOException {
        if (bars.isEmpty()) {
            return;
        }
        XYChart chart = chart(title, bars);
        BitmapEncoder.saveBitmap(chart, charts.resolve(stem + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, charts.resolve(stem + ".svg").toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        drawn.put(stem, title);
    }

    static boolean logScale(List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        double min = bars.stream().mapToDouble(Bar::value).filter(v -> v > 0).min().orElse(max);
        return max / min > LOG_SPAN;
    }

    private static XYChart chart(String title, List<Bar> bars) {
        System.setProperty("java.awt.headless", "true");
        boolean log = logScale(bars);
        XYChart chart = new XYChartBuilder().width(W).height(H).title(title)
                .yAxisTitle("µs per operation" + (log ? " (log scale)" : "")).build();
        var st = chart.getStyler();
        st.setLegendVisible(false);
        st.setYAxisLogarithmic(log);
        st.setXAxisMin(-0.6);
        st.setXAxisMax(bars.size() - 0.4);
        // One tick per bar: XChart picks the smallest "nice" step (1, 2, 5 x 10^k) at least hint / pixels
        // per unit, and drops every tick label if two are equal; a hint of about 3/4 of a bar's slot gives 1.
        st.setXAxisTickMarkSpacingHint((int) Math.max(8, 0.75 * (W - 100) / (bars.size() + 0.2)));
        st.setXAxisLabelRotation(90);
        st.setPlotGridVerticalLinesVisible(false);
        st.setxAxisTickLabelsFormattingFunction(x -> {
            long i = Math.round(x);
            return Math.abs(x - i) < 1e-6 && i >= 0 && i < bars.size() ? bars.get((int) i).label()
                    : String.format(java.util.Locale.ROOT, "%.1f", x);
        });
        double lowest = bars.stream().mapToDouble(b -> b.value() - (Double.isNaN(b.error()) ? 0 : b.error()))
                .filter(v -> v > 0).min().orElse(1);
        lowest = Math.min(lowest, bars.stream().mapToDouble(Bar::value).filter(v -> v > 0).min().orElse(1));
        double floor = log ? Math.pow(10, Math.floor(Math.log10(lowest))) : 0;
        if (log) {
            st.setYAxisMin(floor);
        }
        float width = (float) Math.max(4, Math.min(60, 0.6 * (W - 140) / bars.size()));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            line(chart, "bar" + i, List.of((double) i, (double) i), List.of(floor, b.value()), b.color(),
                    new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            if (!Double.isNaN(b.error()) && b.error() > 0) {
                double lo = Math.max(floor, b.value() - b.error());
                double hi = b.value() + b.error();
                BasicStroke thin = new BasicStroke(1.5f);
                line(chart, "err" + i, List.of((double) i, (double) i), List.of(lo, hi), Color.BLACK, thin);
                line(chart, "hi" + i, List.of(i - 0.12, i + 0.12), List.of(hi, hi), Color.BLACK, thin);
                if (lo > floor) {
                    line(chart, "lo" + i, List.of(i - 0.12, i + 0.12), List.of(lo, lo), Color.BLACK, thin);
                }
            }
        }
        return chart;
    }

    private static void line(XYChart chart, String name, List<Double> xs, List<Double> ys, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
    }
}
