package mpmbench.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import mpmbench.benchmarks.results.CellIds;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Hgrm;
import mpmbench.benchmarks.results.Row;

/**
 * Draws the run's charts (PNG and SVG) from its CSV and {@code .hgrm} files alone, so a copied
 * results folder can be redrawn. One line per target in every chart. Returns the charts it drew, by
 * file stem, with a caption; a chart without data is not drawn.
 */
public final class Charts {

    private static final int W = 900;
    private static final int H = 520;

    private Charts() {
    }

    public static Map<String, String> draw(Path dir, List<Row> summary, List<Row> samples) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path charts = dir.resolve("charts");
        Files.createDirectories(charts);
        List<Row> ok = summary.stream().filter(Cells::judged).toList();
        Map<String, String> drawn = new LinkedHashMap<>();
        xy(charts, drawn, "throughput-vs-connections", "Throughput vs connections (hello, keep-alive)",
                "connections", "requests/s", ok, "hello", "connections", "rps", true);
        xy(charts, drawn, "latency-vs-rate", "p99 latency vs offered rate (rate-sweep, corrected)",
                "offered rate, requests/s", "p99 ms", ok, "rate-sweep", "rate", "p99_ms", true);
        xy(charts, drawn, "idle-keepalive", "Active clients' requests/s vs idle keep-alive connections",
                "idle connections", "requests/s of the 16 active connections", ok, "idle-keepalive", "idle", "rps", false);
        xy(charts, drawn, "idle-held", "Idle keep-alive connections still held at the end",
                "idle connections opened", "idle connections held", ok, "idle-keepalive", "idle", "idle_held", false);
        bars(charts, drawn, "memory", "PSS of all the target's processes (hello, most connections)", "PSS MiB", ok,
                "pss_mb");
        bars(charts, drawn, "cpu-per-request", "Target CPU per request (hello, most connections)", "CPU µs per request",
                ok, "cpu_us_per_req");
        crash(charts, drawn, summary, samples, "rps", "crash-timeline", "Requests/s around the kill of one child",
                "requests/s");
        crash(charts, drawn, summary, samples, "errors", "crash-errors", "Failed requests per second around the kill",
                "errors/s");
        for (String scenario : ok.stream().map(r -> r.text("scenario")).distinct().toList()) {
            spectrum(dir, charts, drawn, ok, scenario);
        }
        return drawn;
    }

    private static void xy(Path charts, Map<String, String> drawn, String stem, String title, String xTitle,
                           String yTitle, List<Row> ok, String scenario, String x, String y, boolean logX)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        int series = 0;
        for (Map.Entry<String, TreeMap<Double, List<Double>>> t : byTarget(ok, scenario, x, y).entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            t.getValue().forEach((k, v) -> {
                if (!logX || k > 0) {
                    xs.add(k);
                    ys.add(median(v));
                }
            });
            if (!xs.isEmpty()) {
                chart.addSeries(t.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
                series++;
            }
        }
        save(chart, charts, stem, series, drawn, title);
    }

    private static void bars(Path charts, Map<String, String> drawn, String stem, String title, String yTitle,
                             List<Row> ok, String column) throws IOException {
        double top = ok.stream().filter(r -> r.text("scenario").equals("hello")).mapToDouble(r -> r.num("connections"))
                .max().orElse(Double.NaN);
        Map<String, List<Double>> byTarget = new LinkedHashMap<>();
        ok.stream().filter(r -> r.text("scenario").equals("hello") && r.num("connections") == top
                        && !Double.isNaN(r.num(column)))
                .forEach(r -> byTarget.computeIfAbsent(r.text("target"), k -> new ArrayList<>()).add(r.num(column)));
        CategoryChart chart = new CategoryChartBuilder().width(W).height(H).title(title + ", " + (int) top + " connections")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(30);
        if (!byTarget.isEmpty()) {
            chart.addSeries(column, new ArrayList<>(byTarget.keySet()),
                    byTarget.values().stream().map(Charts::median).toList());
        }
        save(chart, charts, stem, byTarget.size(), drawn, title);
    }

    private static void crash(Path charts, Map<String, String> drawn, List<Row> summary, List<Row> samples,
                              String column, String stem, String title, String yTitle) throws IOException {
        XYChart chart = new XYChartBuilder().width(W).height(H).title(title)
                .xAxisTitle("seconds since the kill").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        int series = 0;
        for (Row s : summary) {
            if (!s.text("scenario").equals("crash") || !Cells.judged(s) || !s.text("repeat").equals("1")
                    || Double.isNaN(s.num("kill_at_s"))) {
                continue;
            }
            double kill = s.num("kill_at_s");
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Row r : samples) {
                if (r.text("scenario").equals("crash") && r.text("target").equals(s.text("target"))
                        && r.text("repeat").equals("1") && r.text("phase").equals("measure")) {
                    xs.add(r.num("t_s") - kill);
                    ys.add(r.num(column));
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(s.text("target"), xs, ys).setMarker(SeriesMarkers.CIRCLE);
                series++;
            }
        }
        save(chart, charts, stem, series, drawn, title);
    }

    /** HdrHistogram's plot: latency against 1/(1-p) on a log axis, one line per target, at the scenario's top level. */
    private static void spectrum(Path dir, Path charts, Map<String, String> drawn, List<Row> ok, String scenario)
            throws IOException {
        String title = "Latency by percentile: " + scenario;
        XYChart chart = new XYChartBuilder().width(W).height(H).title(title)
                .xAxisTitle("percentile (1/(1-p): 10 = p90, 100 = p99, 1000 = p99.9)").yAxisTitle("latency ms").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        int series = 0;
        for (String target : ok.stream().filter(r -> r.text("scenario").equals(scenario)).map(r -> r.text("target"))
                .distinct().toList()) {
            Row top = ok.stream().filter(r -> r.text("scenario").equals(scenario) && r.text("target").equals(target)
                    && r.text("repeat").equals("1")).reduce((a, b) -> b).orElse(null);
            if (top == null) {
                continue;
            }
            Path hgrm = dir.resolve("latency").resolve(CellIds.of(top) + ".hgrm");
            if (!Files.exists(hgrm)) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Hgrm.Point p : Hgrm.read(hgrm)) {
                if (Double.isFinite(p.inverse()) && p.inverse() >= 1) {
                    xs.add(p.inverse());
                    ys.add(p.valueMs());
                }
            }
            if (xs.size() > 1) {
                XYSeries s = chart.addSeries(target + " " + CellIds.label(top), xs, ys);
                s.setMarker(SeriesMarkers.NONE);
                series++;
            }
        }
        save(chart, charts, "latency-spectrum-" + scenario, series, drawn, title);
    }

    private static Map<String, TreeMap<Double, List<Double>>> byTarget(List<Row> ok, String scenario, String x, String y) {
        Map<String, TreeMap<Double, List<Double>>> m = new LinkedHashMap<>();
        for (Row r : ok) {
            if (r.text("scenario").equals(scenario) && !Double.isNaN(r.num(x)) && !Double.isNaN(r.num(y))) {
                m.computeIfAbsent(r.text("target"), k -> new TreeMap<>()).computeIfAbsent(r.num(x), k -> new ArrayList<>())
                        .add(r.num(y));
            }
        }
        return m;
    }

    static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(d -> d).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void save(Chart<?, ?> chart, Path charts, String stem, int series, Map<String, String> drawn,
                             String caption) throws IOException {
        if (series == 0) {
            return;
        }
        BitmapEncoder.saveBitmap(chart, charts.resolve(stem + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, charts.resolve(stem + ".svg").toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        drawn.put(stem, caption);
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
