package mpmbench.benchmarks.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.report.Charts;
import mpmbench.benchmarks.report.ReportBuilder;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;

/**
 * What each chart shows, asked of the chart itself after a copied results folder was redrawn from its
 * files alone: the series and their order, colours and line styles, axis types and tick labels,
 * intervals, the knee, the fault marker, the number of points; and report.html with every chart inline.
 * Fixtures: {@code fixture/quick} is the committed quick reference of 2026-11-30 (CSV files, the crash
 * interval logs, the spectra of idle-keepalive at 2000 idle connections); {@code fixture/sweep} is the
 * rate sweep of the full run of 2026-11-26 (two repeats, rates past the knee skipped).
 */
class ChartsTest {

    static final List<String> ALL = List.of("java-prefork", "httpd-prefork", "java-worker", "httpd-worker", "java-event",
            "httpd-event", "java-virtual", "nginx");

    @TempDir
    static Path quick;
    @TempDir
    static Path sweep;
    static Map<String, Drawn> q;
    static Map<String, Drawn> s;

    @BeforeAll
    static void redraw() throws IOException, URISyntaxException {
        copy("quick", quick);
        copy("sweep", sweep);
        ReportBuilder.build(quick);
        ReportBuilder.build(sweep);
        // the fixtures' rows as the runs wrote them: these tests are about how rows are drawn (some of
        // these real rows break an invariant, and a report leaves them out: InvariantsTest, ReportBuilderTest)
        q = byStem(Charts.draw(ResultsFolder.readAsWritten(quick)));
        s = byStem(Charts.draw(ResultsFolder.readAsWritten(sweep)));
    }

    @Test
    void every_chart_of_a_run_is_drawn_and_nothing_else() throws IOException {
        assertEquals(List.of("throughput-vs-connections", "idle-keepalive", "idle-held", "memory", "cpu-per-request",
                "crash-timeline", "latency-spectrum-idle-keepalive-c16-i2000"), List.copyOf(q.keySet()));
        assertEquals(List.of("latency-vs-rate"), List.copyOf(s.keySet()));
        for (Path dir : List.of(quick, sweep)) {
            for (Drawn d : (dir == quick ? q : s).values()) {
                assertTrue(Files.readString(dir.resolve("charts/" + d.stem() + ".svg")).startsWith("<svg"), d.stem());
                assertTrue(Files.size(dir.resolve("charts/" + d.stem() + ".png")) > 5000, d.stem());
            }
        }
    }

    @Test
    void every_target_has_one_look_in_one_order_in_every_chart() {
        for (Drawn d : Stream.concat(q.values().stream(), s.values().stream()).toList()) {
            if (d.stem().equals("memory") || d.stem().equals("cpu-per-request")) {
                continue;
            }
            XYPlot p = d.chart().getPlot() instanceof CombinedDomainXYPlot c ? c.getSubplots().getFirst() : xy(d.chart());
            assertEquals(ALL, targets(p.getDataset()), d.stem());
            XYItemRenderer r = p.getRenderer();
            for (int i = 0; i < ALL.size(); i++) {
                Looks.Look look = Looks.of(ALL.get(i));
                assertEquals(look.color(), r.getSeriesPaint(i), d.stem() + " " + ALL.get(i));
                assertEquals(ALL.get(i).startsWith("httpd-"), ((BasicStroke) r.getSeriesStroke(i)).getDashArray() != null
                        && ((BasicStroke) r.getSeriesStroke(i)).getDashArray()[0] > 2, d.stem() + " " + ALL.get(i));
            }
        }
        // same model, same colour; other model, other colour; nginx neutral
        assertEquals(Looks.of("java-event").color(), Looks.of("httpd-event").color());
        assertEquals(Looks.of("java-worker").color(), Looks.of("httpd-worker").color());
        assertFalse(Looks.of("java-event").color().equals(Looks.of("java-worker").color()));
        java.awt.Color n = Looks.of("nginx").color();
        assertTrue(n.getRed() == n.getGreen() && n.getGreen() == n.getBlue(), "nginx in grey");
    }

    @Test
    void throughput_starts_at_zero_with_a_labelled_tick_at_each_level_and_an_interval_per_point() {
        XYPlot p = xy(q.get("throughput-vs-connections").chart());
        assertInstanceOf(TickedLogAxis.class, p.getDomainAxis());
        assertEquals(List.of("16"), ((TickedLogAxis) p.getDomainAxis()).tickLabels());
        assertInstanceOf(NumberAxis.class, p.getRangeAxis());
        assertEquals(0.0, p.getRangeAxis().getLowerBound());
        assertEquals("requests/s", p.getRangeAxis().getLabel());
        IntervalXYDataset data = (IntervalXYDataset) p.getDataset();
        for (int i = 0; i < ALL.size(); i++) {
            assertEquals(1, data.getItemCount(i), ALL.get(i));
            // java-worker has one judged repeat of 3 (two were generator-bound): no interval, the bar is the point
            boolean interval = !ALL.get(i).equals("java-worker");
            assertEquals(interval, data.getStartYValue(i, 0) < data.getYValue(i, 0)
                    && data.getYValue(i, 0) < data.getEndYValue(i, 0), ALL.get(i) + ": an interval around the median");
        }
        // java-event's hello: median 37.2k req/s of 3 repeats, as in cells.csv
        assertEquals(37195.0, data.getYValue(ALL.indexOf("java-event"), 0), 1);
        // equal levels are spread sideways so no point hides another
        assertEquals(ALL.size(), IntStream.range(0, ALL.size()).mapToDouble(i -> data.getXValue(i, 0)).distinct().count());
    }

    @Test
    void idle_chart_names_its_levels_and_keeps_the_lines_at_zero_apart() {
        XYPlot p = xy(q.get("idle-keepalive").chart());
        assertEquals(List.of("300", "2000"), ((TickedLogAxis) p.getDomainAxis()).tickLabels());
        assertEquals(0.0, p.getRangeAxis().getLowerBound());
        XYDataset data = p.getDataset();
        for (int i = 0; i < ALL.size(); i++) {
            assertEquals(2, data.getItemCount(i), ALL.get(i));
        }
        assertTrue(data.getXValue(0, 0) != data.getXValue(2, 0), "java-prefork and java-worker apart at 300");
    }

    @Test
    void latency_vs_rate_is_log_log_in_plain_units_with_each_knee_marked() {
        Drawn d = s.get("latency-vs-rate");
        XYPlot p = xy(d.chart());
        TickedLogAxis x = (TickedLogAxis) p.getDomainAxis();
        TickedLogAxis y = (TickedLogAxis) p.getRangeAxis();
        assertEquals(List.of("2k", "4k", "8k", "16k", "32k", "64k"), x.tickLabels());
        assertTrue(y.tickLabels().containsAll(List.of("1", "10", "100")), y.tickLabels().toString());
        assertTrue(d.svg().contains(">16k<") && d.svg().contains(">100<"), "tick labels as text in the SVG");
        assertFalse(d.svg().matches("(?s).*>[0-9.]+E[0-9]+<.*"), "no 1E4 anywhere");
        // the SLO line, and one knee per target that has one (each the first rate past the SLO)
        List<Marker> slo = new ArrayList<>(p.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND));
        assertEquals(10.0, ((ValueMarker) slo.getFirst()).getValue());
        List<String> knees = p.getAnnotations().stream().filter(a -> a instanceof XYPointerAnnotation)
                .map(a -> ((XYPointerAnnotation) a).getText() + " " + ((XYPointerAnnotation) a).getToolTipText()).toList();
        List<Row> cells = new mpmbench.benchmarks.results.Cells(read(sweep, "summary.csv")).table();
        List<String> expected = ALL.stream().filter(t -> Knee.of(cells, t, 10).isPresent()).map(t -> "knee " + t + " knee at " + PlainNumbers.label(Knee.of(cells, t, 10).orElseThrow().num("rate")) + " req/s").toList();
        assertEquals(expected, knees);
        assertTrue(knees.contains("knee java-prefork knee at 2000 req/s"), knees.toString());
        // java-prefork's knee is at 2k req/s, its only rate measured (the higher ones were skipped)
        assertEquals(2000, Knee.of(cells, "java-prefork", 10).orElseThrow().num("rate"));
    }

    @Test
    void a_spectrum_is_log_log_with_percentile_labels_thinned_and_names_its_missing_targets() throws IOException {
        Drawn d = q.get("latency-spectrum-idle-keepalive-c16-i2000");
        XYPlot p = xy(d.chart());
        assertEquals(List.of("0 %", "90 %", "99 %", "99.9 %", "99.99 %"),
                ((TickedLogAxis) p.getDomainAxis()).tickLabels().subList(0, 5));
        assertInstanceOf(TickedLogAxis.class, p.getRangeAxis());
        List<String> keys = keys(p.getDataset());
        assertEquals("java-prefork — no data at c16-i2000", keys.getFirst());
        assertEquals(List.of("httpd-event", "java-virtual", "nginx"), keys.stream().filter(k -> !k.contains("no data")).toList());
        for (int i = 0; i < keys.size(); i++) {
            int n = p.getDataset().getItemCount(i);
            assertTrue(keys.get(i).contains("no data") ? n == 0 : n > 50 && n <= 7 * SpectrumChart.PER_DECADE + 1,
                    keys.get(i) + ": " + n + " points");
        }
        assertTrue(d.svg().length() < 100_000, "spectrum SVG " + d.svg().length() + " bytes");
    }

    @Test
    void the_crash_timeline_has_a_baseline_marks_the_kill_and_shows_requests_p99_and_errors() {
        JFreeChart c = q.get("crash-timeline").chart();
        CombinedDomainXYPlot p = (CombinedDomainXYPlot) c.getPlot();
        List<XYPlot> panels = p.getSubplots();
        assertEquals(List.of("requests/s", "p99, ms", "errors/s"), panels.stream().map(x -> x.getRangeAxis().getLabel()).toList());
        assertInstanceOf(TickedLogAxis.class, panels.get(1).getRangeAxis());
        assertEquals(0.0, panels.getFirst().getRangeAxis().getLowerBound());
        for (XYPlot panel : panels) {
            List<Marker> kill = new ArrayList<>(panel.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND));
            assertEquals(0.0, ((ValueMarker) kill.getFirst()).getValue());
        }
        assertEquals("kill", ((Marker) panels.getFirst().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getLabel());
        assertEquals(ALL, targets(panels.getFirst().getDataset()));
        assertEquals(ALL.size(), c.getLegend().getSources()[0].getLegendItems().getItemCount(), "one legend, not one per panel");
        XYDataset rps = panels.getFirst().getDataset();
        int worker = ALL.indexOf("java-worker");
        // kill 1 s into the measured window, which lasts 4 s: one bin before it (the baseline), three after,
        // each a step from its start to its end
        assertEquals(List.of(-1.0, 0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 3.0), IntStream.range(0, rps.getItemCount(worker))
                .mapToObj(i -> rps.getXValue(worker, i)).toList());
        assertEquals(rps.getYValue(worker, 2), rps.getYValue(worker, 3), "one value across the bin");
        assertTrue(p.getDomainAxis().getLabel().contains("bins of 1 s"), p.getDomainAxis().getLabel());
    }

    @Test
    void no_error_is_drawn_before_the_kill() {
        // Drawn at the middle of 1 s bins, the line from the last bin before the kill (0 errors, at -0.5 s) to
        // the first after it (at 0.5 s) rose from -0.5 s: errors seemed to start half a second before the kill.
        List<XYPlot> panels = ((CombinedDomainXYPlot) q.get("crash-timeline").chart().getPlot()).getSubplots();
        XYDataset errors = panels.get(2).getDataset();
        int rising = 0;
        for (int t = 0; t < errors.getSeriesCount(); t++) {
            for (int i = 1; i < errors.getItemCount(t); i++) {
                if (errors.getYValue(t, i) > 0 && errors.getYValue(t, i - 1) == 0) {
                    rising++;
                    assertTrue(errors.getXValue(t, i - 1) >= 0, errors.getSeriesKey(t) + ": errors rise from "
                            + errors.getXValue(t, i - 1) + " s, before the kill");
                }
            }
        }
        assertTrue(rising > 0, "the fixture's crashes fail requests");
    }

    @Test
    void no_chart_draws_bars_on_a_log_axis() throws IOException, URISyntaxException {
        List<Drawn> all = new ArrayList<>(q.values());
        all.addAll(s.values());
        Path micro = quick.resolve("micro-charts");
        List<Drawn> microDrawn = new ArrayList<>();
        try (var in = new java.io.InputStreamReader(ChartsTest.class.getResourceAsStream("/fixture/micro/jmh.csv"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            mpmbench.benchmarks.report.MicroCharts.draw(micro, mpmbench.benchmarks.results.JmhResults.of(CsvTables.read(in)),
                    microDrawn);
        }
        all.addAll(microDrawn);
        assertTrue(all.stream().anyMatch(d -> xyPlots(d.chart()).stream().anyMatch(p -> p.getRangeAxis() instanceof TickedLogAxis
                && p.getRenderer() instanceof org.jfree.chart.renderer.xy.XYErrorRenderer)), "some chart has points on a log axis");
        for (Drawn d : all) {
            assertFalse(ChartFiles.barsOnLogAxis(d.chart()), d.stem());
            for (XYPlot p : xyPlots(d.chart())) {
                for (int r = 0; r < p.getRendererCount(); r++) {
                    assertFalse(p.getRenderer(r) instanceof org.jfree.chart.renderer.xy.XYBarRenderer
                            && p.getRangeAxisForDataset(r) instanceof org.jfree.chart.axis.LogAxis, d.stem() + " renderer " + r);
                }
            }
        }
        // and a chart that would is refused where every chart is written
        XYPlot planted = new XYPlot(new org.jfree.data.xy.XYBarDataset(new org.jfree.data.xy.YIntervalSeriesCollection(), 0.6),
                new NumberAxis(), TickedLogAxis.plain("MiB"), new org.jfree.chart.renderer.xy.XYBarRenderer());
        JFreeChart bad = ChartFiles.frame("planted", planted, false);
        assertTrue(ChartFiles.barsOnLogAxis(bad));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ChartFiles.save(quick.resolve("planted"), "planted", "", bad));
    }

    static List<XYPlot> xyPlots(JFreeChart c) {
        return c.getPlot() instanceof CombinedDomainXYPlot k ? k.getSubplots()
                : c.getPlot() instanceof XYPlot p ? List.of(p) : List.of();
    }

    @Test
    void bars_label_every_target_carry_intervals_and_become_points_on_a_log_axis_past_20_times() {
        XYPlot p = xy(q.get("cpu-per-request").chart());
        assertEquals(ALL, List.of(((SymbolAxis) p.getDomainAxis()).getSymbols()));
        assertEquals(0.0, p.getRangeAxis().getLowerBound(), "CPU per request spans less than 20 x: from zero");
        assertInstanceOf(org.jfree.chart.renderer.xy.XYBarRenderer.class, p.getRenderer());
        p = xy(q.get("memory").chart());
        SymbolAxis x = (SymbolAxis) p.getDomainAxis();
        assertEquals(ALL, List.of(x.getSymbols()));
        // PSS: java-prefork's 16 JVMs against nginx's few MiB, more than 20 x: a log axis in plain MiB, points on it
        TickedLogAxis y = (TickedLogAxis) p.getRangeAxis();
        assertTrue(y.tickLabels().containsAll(List.of("10", "100")), y.tickLabels().toString());
        assertEquals(1, p.getRendererCount(), "points and their whiskers, no bars");
        org.jfree.chart.renderer.xy.XYErrorRenderer points = (org.jfree.chart.renderer.xy.XYErrorRenderer) p.getRenderer();
        assertTrue(points.getDefaultShapesVisible() && !points.getDefaultLinesVisible());
        IntervalXYDataset whiskers = (IntervalXYDataset) p.getDataset();
        assertEquals(ALL.size(), whiskers.getSeriesCount());
        assertTrue(whiskers.getStartYValue(0, 0) < whiskers.getEndYValue(0, 0));
        assertTrue(q.get("memory").caption().startsWith("PSS of all the target's processes (hello, most connections), "
                + "16 connections. Points: medians"), q.get("memory").caption());
    }

    @Test
    void memory_counts_the_generator_bound_repeats() throws IOException {
        // java-worker's hello: one judged repeat of 3, two generator-bound. Its throughput is the generator's,
        // but its memory at the load it got is its own: the memory chart takes all three (an interval), the
        // throughput chart one (none)
        int worker = ALL.indexOf("java-worker");
        IntervalXYDataset memory = (IntervalXYDataset) xy(q.get("memory").chart()).getDataset();
        assertEquals(1, memory.getItemCount(worker));
        assertTrue(memory.getStartYValue(worker, 0) < memory.getYValue(worker, 0)
                && memory.getYValue(worker, 0) < memory.getEndYValue(worker, 0), "an interval from 3 repeats");
        List<Row> worker3 = read(quick, "summary.csv").stream().filter(r -> r.text("scenario").equals("hello")
                && r.text("target").equals("java-worker")).toList();
        assertEquals(List.of("generator-bound", "generator-bound", "ok"), worker3.stream().map(r -> r.text("status")).sorted().toList());
        assertEquals(mpmbench.benchmarks.results.Intervals.median(worker3.stream().mapToDouble(r -> r.num("pss_mb")).toArray()),
                memory.getYValue(worker, 0), 1e-9);
        IntervalXYDataset cpu = (IntervalXYDataset) xy(q.get("cpu-per-request").chart()).getDataset(1);
        assertEquals(cpu.getStartYValue(worker, 0), cpu.getEndYValue(worker, 0), "CPU per request: the judged repeat only");
    }

    @Test
    void report_html_holds_every_chart_inline_and_loads_nothing() throws IOException {
        String html = Files.readString(quick.resolve("report.html"));
        long charts = q.size();
        assertTrue(html.contains("<meta name=\"mpmbench-charts\" content=\"" + charts + "\">"), "chart count");
        assertEquals(charts, html.split("<span class=\"chart\"", -1).length - 1);
        assertEquals(charts, html.split("<svg", -1).length - 1);
        assertFalse(html.contains("<img"), "no image loaded from charts/");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("class=\"missing-chart\""));
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "nothing from the network");
        assertTrue(html.contains("<table>") && html.contains("Prefork costs more memory"), "claims table");
        assertTrue(html.contains("<title>mpmbench report 20261130-065124-quick</title>") && html.contains("AMD EPYC"), "the environment");
        // ids of the inlined SVGs do not collide
        List<String> ids = java.util.regex.Pattern.compile("id='([^']+)'").matcher(html).results().map(m -> m.group(1)).toList();
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertTrue(html.length() < 1_000_000, "report.html " + html.length() + " bytes");
    }

    @Test
    void plain_labels() {
        assertEquals("10k", PlainNumbers.label(10_000));
        assertEquals("4000", PlainNumbers.label(4000));
        assertEquals("4k", PlainNumbers.label(4000, 64_000), "k on an axis that reaches 10 000");
        assertEquals("1100", PlainNumbers.label(1100, 2100), "no k below 10 000: 1100 never beside 1k");
        assertEquals("0.05", PlainNumbers.label(0.05));
        assertEquals("1.5M", PlainNumbers.label(1_500_000));
        assertEquals("99.9 %", PlainNumbers.percentile(1000));
        assertEquals("0 %", PlainNumbers.percentile(1));
    }

    @Test
    void no_axis_of_any_chart_says_1E4() {
        for (Drawn d : Stream.concat(q.values().stream(), s.values().stream()).toList()) {
            assertFalse(java.util.regex.Pattern.compile(">-?[0-9.]+E-?[0-9]+<").matcher(d.svg()).find(), d.stem());
        }
    }

    static XYPlot xy(JFreeChart c) {
        return (XYPlot) c.getPlot();
    }

    static List<String> keys(XYDataset d) {
        return IntStream.range(0, d.getSeriesCount()).mapToObj(i -> d.getSeriesKey(i).toString()).toList();
    }

    static List<String> targets(XYDataset d) {
        return keys(d).stream().map(k -> k.contains(" — ") ? k.substring(0, k.indexOf(" — ")) : k).toList();
    }

    static Map<String, Drawn> byStem(List<Drawn> drawn) {
        return drawn.stream().collect(Collectors.toMap(Drawn::stem, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    static List<Row> read(Path dir, String f) {
        try {
            return CsvTables.read(dir.resolve(f));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Copies {@code fixture/<name>/} (its CSV files and latency/) into {@code to}. */
    static void copy(String name, Path to) throws IOException, URISyntaxException {
        Path from = Path.of(ChartsTest.class.getResource("/fixture/" + name + "/summary.csv").toURI()).getParent();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                Files.createDirectories(t.getParent());
                try (InputStream in = Files.newInputStream(f)) {
                    Files.copy(in, t);
                }
            }
        }
    }
}
