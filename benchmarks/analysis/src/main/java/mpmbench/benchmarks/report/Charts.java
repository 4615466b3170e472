package mpmbench.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.report.chart.BarChart;
import mpmbench.benchmarks.report.chart.ChartFiles;
import mpmbench.benchmarks.report.chart.Drawn;
import mpmbench.benchmarks.report.chart.FaultTimeline;
import mpmbench.benchmarks.report.chart.Knee;
import mpmbench.benchmarks.report.chart.LevelChart;
import mpmbench.benchmarks.report.chart.Looks;
import mpmbench.benchmarks.report.chart.SpectrumChart;
import mpmbench.benchmarks.report.chart.StepChart;
import mpmbench.benchmarks.results.CellIds;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;

/**
 * Draws a run's charts into {@code charts/} (PNG and SVG) from its CSV, {@code .hgrm} and {@code .hlog}
 * files alone, so a copied results folder can be redrawn; every chart speaks the grammar of
 * {@link Looks}. Returns the charts drawn, in report order; a chart without data is not drawn.
 */
public final class Charts {

    private static final String MEDIANS = " Points: medians of the repeats; bars: their 95 % interval.";

    /** The fault timelines' caption after what happened at 0: what is drawn, per bin of the interval log. */
    private static final String TIMELINE = ", from the start of the measured window: requests/s and p99 per bin of "
            + "the load generator's interval log, and failed requests per second, each a step across its bin. Lines: "
            + "median of the repeats; bands: their range.";

    private Charts() {
    }

    public static List<Drawn> draw(ResultsFolder run) throws IOException {
        Path dir = run.dir();
        List<Row> summary = run.summary();
        List<Row> samples = run.samples();
        Path charts = dir.resolve("charts");
        List<Row> cells = run.cellTable();
        List<String> targets = Looks.sorted(summary.stream().map(r -> r.text("target")).toList());
        List<Drawn> drawn = new ArrayList<>();
        level(drawn, charts, "throughput-vs-connections", cells, targets, new LevelChart.Spec(
                "Throughput vs connections (hello, keep-alive)", Scenarios.HELLO, "connections", "connections",
                "rps", "requests/s", false), "Requests/s of GET /hello at each number of keep-alive connections."
                + MEDIANS);
        JFreeChart rate = LevelChart.chart(new LevelChart.Spec("p99 latency vs offered rate (rate-sweep, corrected)",
                Scenarios.RATE_SWEEP, "rate", "offered rate, requests/s", "p99_ms", "p99, ms (log scale)", true), cells, targets);
        if (rate != null) {
            XYPlot plot = rate.getXYPlot();
            ValueAxis y = plot.getRangeAxis();
            y.setRange(Math.min(y.getLowerBound(), SLO_P99_MS / 2), Math.max(y.getUpperBound(), SLO_P99_MS * 2));
            Knee.mark(plot, cells, SLO_P99_MS);
            drawn.add(ChartFiles.save(charts, "latency-vs-rate", "p99 latency (corrected for coordinated omission) "
                    + "against the offered rate, both on log scales; the knee of each target is the first rate past the "
                    + "SLO line, with errors, or under 90 % of the rate achieved." + MEDIANS, rate));
        }
        level(drawn, charts, "idle-keepalive", cells, targets, new LevelChart.Spec(
                "Active clients' requests/s vs idle keep-alive connections", Scenarios.IDLE_KEEPALIVE, "idle",
                "idle keep-alive connections held open", "rps", "requests/s of the 16 active connections", false),
                "What 16 active connections get while idle keep-alive connections are held open beside them; points "
                        + "are spread sideways a little so equal values stay visible." + MEDIANS);
        level(drawn, charts, "idle-held", cells, targets, new LevelChart.Spec(
                "Idle keep-alive connections still held at the end", Scenarios.IDLE_KEEPALIVE, "idle",
                "idle keep-alive connections opened", "idle_held", "idle connections still held", false),
                "Of the idle connections opened, how many the target still held at the end of the window (median "
                        + "of the repeats).");
        bars(drawn, charts, "memory", run.cells(), targets, "pss_mb", "PSS, MiB",
                "PSS of all the target's processes (hello, most connections)", " Generator-bound repeats count: "
                        + "the target's memory at the load it got is its own.");
        bars(drawn, charts, "cpu-per-request", run.cells(), targets, "cpu_us_per_req", "CPU µs per request",
                "Target CPU per request, user + system (hello, most connections)", "");
        JFreeChart crash = FaultTimeline.crash(dir.resolve("latency"), summary, cells, samples, targets);
        if (crash != null) {
            drawn.add(ChartFiles.save(charts, "crash-timeline", "Around the kill of one child (at 0, red line)"
                    + TIMELINE, crash));
        }
        JFreeChart restart = FaultTimeline.gracefulRestart(dir.resolve("latency"), summary, cells, samples, targets);
        if (restart != null) {
            drawn.add(ChartFiles.save(charts, "graceful-restart-timeline", "Around graceful restarts (red lines; 0 "
                    + "is each repeat's first, the others at their median offset)" + TIMELINE, restart));
        }
        JFreeChart slow = StepChart.chart("Normal clients' requests/s vs trickling connections (slow-clients)",
                Scenarios.SLOW_CLIENTS, "idle", "trickling connections (slowloris, one byte every "
                        + Scenarios.TRICKLE_INTERVAL.toSeconds() + " s)", "rps",
                "requests/s of the " + Scenarios.SLOW_NORMAL_CONNECTIONS + " normal clients",
                cells, targets);
        if (slow != null) {
            drawn.add(ChartFiles.save(charts, "slow-clients", "What 16 normal keep-alive clients get while trickling "
                    + "connections are held open beside them; service is denied at the first step under "
                    + Math.round(Scenarios.DENY_FRACTION * 100) + " % of the step-0 "
                    + "requests/s (report.md names it per target). Steps equally spaced." + MEDIANS, slow));
        }
        spectra(drawn, dir, charts, summary, targets);
        return drawn;
    }

    private static final double SLO_P99_MS = Scenarios.SLO_P99_MS;

    private static void level(List<Drawn> drawn, Path charts, String stem, List<Row> cells, List<String> targets,
                              LevelChart.Spec spec, String caption) throws IOException {
        JFreeChart c = LevelChart.chart(spec, cells, targets);
        if (c != null) {
            drawn.add(ChartFiles.save(charts, stem, caption, c));
        }
    }

    /**
     * One bar (or point, on a log axis) per target: a figure of the hello cell with the most connections
     * among those that have it, over the repeats that give it ({@link Cells#counts}).
     */
    private static void bars(List<Drawn> drawn, Path charts, String stem, Cells cells, List<String> targets,
                             String figure, String yTitle, String title, String counted) throws IOException {
        List<Long> levels = cells.levels(Scenarios.HELLO, Cells.Key::connections, figure);
        if (levels.isEmpty()) {
            return;
        }
        long top = levels.getLast();
        List<BarChart.Bar> bars = new ArrayList<>();
        for (String t : targets) {
            Cells.Key k = cells.find(Scenarios.HELLO, t, top, null);
            Intervals.Estimate e = k == null ? Intervals.Estimate.EMPTY : cells.estimate(k, figure);
            Looks.Look look = Looks.of(t);
            bars.add(new BarChart.Bar(t, e.median(), e.low(), e.high(), look.color(), look.dashed()));
        }
        if (bars.stream().allMatch(b -> Double.isNaN(b.value()))) {
            return;
        }
        String t = title + ", " + top + " connections";
        drawn.add(ChartFiles.save(charts, stem, t + ". " + (BarChart.logScale(bars) ? "Points" : "Bars")
                + ": medians of the repeats; whiskers: their 95 % interval; dashed outline: Apache httpd." + counted,
                BarChart.chart(t, yTitle, bars, false)));
    }

    /** HdrHistogram's percentile plot for every scenario and level that has latency files. */
    private static void spectra(List<Drawn> drawn, Path dir, Path charts, List<Row> summary, List<String> targets)
            throws IOException {
        List<Row> judged = summary.stream().filter(Cells::judged).toList();
        for (String scenario : judged.stream().map(r -> r.text("scenario")).distinct().toList()) {
            List<String> labels = judged.stream().filter(r -> r.text("scenario").equals(scenario)).map(CellIds::label)
                    .distinct().toList();
            for (String label : labels) {
                List<Row> repeats = judged.stream().filter(r -> r.text("scenario").equals(scenario)
                        && CellIds.label(r).equals(label)).toList();
                JFreeChart c = SpectrumChart.chart(dir.resolve("latency"), scenario, label, repeats, targets);
                if (c != null) {
                    drawn.add(ChartFiles.save(charts, "latency-spectrum-" + scenario + "-" + label, "Latency by "
                            + "percentile, " + scenario + " at " + label + ", both axes logarithmic (HdrHistogram's "
                            + "plot). Lines: median of the repeats at each percentile; bands: their range.", c));
                }
            }
        }
    }
}
