package mpmbench.benchmarks.report.chart;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.CellIds;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.IntervalLog;
import mpmbench.benchmarks.results.Row;

/**
 * Requests/s and p99 around a fault, per bin of the load generator's interval log (100 ms when the
 * suite asked for it, else 1 s), from the start of the measured window (the baseline) to its end, with
 * errors per second from samples.csv below; time 0 is the fault (for {@code crash}, the kill of one
 * child, {@code kill_at_s}; for {@code graceful-restart}, the first restart, the others marked too),
 * marked with a vertical line. One line per target through the median of its
 * repeats, with their range as a band. A bin is drawn as a step across the whole bin, not as a point
 * at its middle: a line from the middle of the bin before the fault to the middle of the first after
 * it would rise half a bin before the fault, as if the errors came before the kill.
 */
public final class FaultTimeline {

    private FaultTimeline() {
    }

    /**
     * The repeat's bins of the measured window as (bin index since the fault → value), for one of "rps"
     * or "p99"; bin k covers [k·binS, (k+1)·binS) s after the fault and is drawn across it ({@link #merge}).
     */
    static TreeMap<Long, Double> binned(List<IntervalLog.Bin> bins, double faultS, String what, double binS,
                                        double windowStartS, double windowEndS) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (IntervalLog.Bin b : bins) {
            if (b.startS() < windowStartS - 0.05 || b.startS() + b.lengthS() > windowEndS + 0.05
                    || b.lengthS() < binS / 2) {
                continue; // the load generator's warm-up, its last requests after the window, a stub of an interval
            }
            double v = what.equals("rps") ? b.rps() : b.p99Ms();
            if (!Double.isNaN(v)) {
                out.put(Math.round((b.startS() - faultS) / binS), v);
            }
        }
        return out;
    }

    /**
     * Median and range over the repeats per bin, as a series named {@code key}: each bin k as a step, a
     * point at its start k·binS and one at its end (k+1)·binS with the same values, so what a bin
     * counted spans the bin and nothing is drawn before the bin it happened in.
     */
    static YIntervalSeries merge(String key, List<TreeMap<Long, Double>> repeats, double binS, double floor) {
        YIntervalSeries s = new YIntervalSeries(key, false, true);
        TreeMap<Long, List<Double>> at = new TreeMap<>();
        repeats.forEach(r -> r.forEach((k, v) -> at.computeIfAbsent(k, x -> new ArrayList<>()).add(v)));
        at.forEach((k, vs) -> {
            double[] w = vs.stream().mapToDouble(d -> d).sorted().toArray();
            int n = w.length;
            double med = n % 2 == 1 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
            for (long edge : new long[] {k, k + 1}) {
                s.add(edge * binS, Math.max(med, floor), Math.max(w[0], floor), Math.max(w[n - 1], floor));
            }
        });
        return s;
    }

    /**
     * The crash timeline, or null without a judged crash repeat that has a kill time and an interval log.
     *
     * @param summary every summary.csv row; the crash scenario's are used
     * @param cells   cells.csv's rows (to say why a target has no data)
     * @param samples samples.csv rows (errors per second)
     */
    public static JFreeChart crash(Path latencyDir, List<Row> summary, List<Row> cells, List<Row> samples,
                                   List<String> targets)
            throws IOException {
        return timeline(latencyDir, summary, cells, samples, targets, Scenarios.CRASH, r -> {
            double k = r.num("kill_at_s");
            return k >= 0 ? new double[] {k} : new double[0];
        }, "kill", "s since the kill", "Around the kill of one child (crash): requests/s, p99, errors");
    }

    /**
     * The graceful-restart timeline, or null without a judged repeat with its restarts and an interval
     * log: time 0 is each repeat's first restart; every restart is marked at its median offset from the
     * first over the repeats drawn.
     */
    public static JFreeChart gracefulRestart(Path latencyDir, List<Row> summary, List<Row> cells, List<Row> samples,
                                             List<String> targets) throws IOException {
        return timeline(latencyDir, summary, cells, samples, targets, Scenarios.GRACEFUL_RESTART, FaultTimeline::restarts,
                "restart", "s since the first graceful restart",
                "Around graceful restarts (graceful-restart): requests/s, p99, errors");
    }

    /** A row's restart instants, s on the load generator's clock ({@code restart_at_s}, ;-separated). */
    static double[] restarts(Row r) {
        String v = r.text("restart_at_s");
        if (v.isBlank()) {
            return new double[0];
        }
        try {
            return java.util.Arrays.stream(v.split(";")).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }

    private static JFreeChart timeline(Path latencyDir, List<Row> summary, List<Row> cells, List<Row> samples,
                                       List<String> targets,
                                       String scenario, java.util.function.Function<Row, double[]> faults,
                                       String mark, String xTitle, String title) throws IOException {
        YIntervalSeriesCollection rps = new YIntervalSeriesCollection();
        YIntervalSeriesCollection p99 = new YIntervalSeriesCollection();
        YIntervalSeriesCollection errors = new YIntervalSeriesCollection();
        double binS = 1;
        boolean any = false;
        double minX = 0;
        double maxX = 0;
        TreeMap<Integer, List<Double>> offsets = new TreeMap<>();
        for (String t : Looks.sorted(targets)) {
            List<Row> runs = summary.stream().filter(r -> r.text("scenario").equals(scenario) && r.text("target").equals(t)
                    && Cells.judged(r) && faults.apply(r).length > 0
                    && Files.exists(latencyDir.resolve(CellIds.of(r) + ".hlog"))).toList();
            List<List<IntervalLog.Bin>> logs = new ArrayList<>();
            for (Row r : runs) {
                logs.add(IntervalLog.read(latencyDir.resolve(CellIds.of(r) + ".hlog")));
            }
            if (logs.stream().allMatch(List::isEmpty)) {
                String why = " — no data (" + Levels.whyNone(cells, scenario, t) + ")";
                for (YIntervalSeriesCollection c : List.of(rps, p99, errors)) {
                    c.addSeries(new YIntervalSeries(t + why, false, true));
                }
                continue;
            }
            any = true;
            binS = binLength(logs);
            List<TreeMap<Long, Double>> r1 = new ArrayList<>();
            List<TreeMap<Long, Double>> r2 = new ArrayList<>();
            List<TreeMap<Long, Double>> r3 = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                double[] f = faults.apply(runs.get(i));
                double zero = f[0];
                for (int k = 1; k < f.length; k++) {
                    offsets.computeIfAbsent(k, x -> new ArrayList<>()).add(f[k] - zero);
                }
                double window = windowStart(samples, runs.get(i));
                double length = runs.get(i).num("duration_s");
                double end = Double.isNaN(length) ? Double.POSITIVE_INFINITY : window + length;
                r1.add(binned(logs.get(i), zero, "rps", binS, window, end));
                r2.add(binned(logs.get(i), zero, "p99", binS, window, end));
                r3.add(errorsPerSecond(samples, runs.get(i), zero));
                minX = Math.min(minX, r1.getLast().isEmpty() ? 0 : r1.getLast().firstKey() * binS);
                maxX = Math.max(maxX, r1.getLast().isEmpty() ? 0 : (r1.getLast().lastKey() + 1) * binS);
            }
            rps.addSeries(merge(t, r1, binS, 0));
            p99.addSeries(merge(t, r2, binS, 1e-3));
            errors.addSeries(merge(t, r3, 1, 0));
        }
        if (!any) {
            return null;
        }
        List<Double> marks = new ArrayList<>(List.of(0.0));
        offsets.values().forEach(v -> marks.add(v.stream().sorted().toList().get(v.size() / 2)));
        NumberAxis x = new NumberAxis(xTitle + " (bins of " + (binS >= 1 ? PlainNumbers.label(binS) + " s"
                : PlainNumbers.label(binS * 1000) + " ms") + "; errors per 1 s)");
        x.setRange(minX - binS / 2, maxX + binS / 2);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(12);
        plot.add(panel(rps, linear("requests/s"), marks, mark), 3);
        plot.add(panel(p99, TickedLogAxis.plain("p99, ms").span(positiveMin(p99), max(p99), 1.3), marks, null), 3);
        plot.add(panel(errors, linear("errors/s"), marks, null), 2);
        // Each panel would list every target again: the legend is the first panel's.
        plot.setFixedLegendItems(((XYPlot) plot.getSubplots().getFirst()).getLegendItems());
        return ChartFiles.frame(title, plot, true);
    }

    /** The logs' typical interval, s: the median bin length rounded to 0.1 s (1 s when there is none). */
    static double binLength(List<List<IntervalLog.Bin>> logs) {
        double[] l = logs.stream().flatMap(List::stream).mapToDouble(IntervalLog.Bin::lengthS).filter(v -> v > 0).sorted()
                .toArray();
        if (l.length == 0) {
            return 1;
        }
        return Math.max(0.1, Math.round(l[l.length / 2] * 10) / 10.0);
    }

    /** Where a repeat's measured window starts, s since its load generator started: after its warm-up seconds. */
    static double windowStart(List<Row> samples, Row run) {
        return samples.stream().filter(s -> s.text("scenario").equals(run.text("scenario")) && s.text("target").equals(run.text("target"))
                        && s.text("repeat").equals(run.text("repeat")) && s.text("phase").equals("warmup"))
                .mapToDouble(s -> s.num("t_s")).max().orElse(0);
    }

    private static TreeMap<Long, Double> errorsPerSecond(List<Row> samples, Row run, double killS) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (Row s : samples) {
            if (s.text("scenario").equals(run.text("scenario")) && s.text("target").equals(run.text("target"))
                    && s.text("repeat").equals(run.text("repeat")) && s.text("phase").equals("measure")
                    && !Double.isNaN(s.num("errors"))) {
                out.put(Math.round(s.num("t_s") - 1 - killS), s.num("errors")); // t_s ends its second
            }
        }
        return out;
    }

    private static NumberAxis linear(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(true);
        a.setNumberFormatOverride(new PlainNumbers(a::getUpperBound));
        return a;
    }

    /** A panel with a red line at each fault, labelled {@code label} in the panel that has one. */
    private static XYPlot panel(YIntervalSeriesCollection data, org.jfree.chart.axis.ValueAxis y, List<Double> at,
                                String label) {
        XYPlot p = new XYPlot(data, null, y, Renderers.bands(data));
        for (double xAt : at) {
            ValueMarker fault = new ValueMarker(xAt, Renderers.MARK, new BasicStroke(1.6f));
            if (label != null) {
                fault.setLabel(label);
                fault.setLabelFont(ChartFiles.LABEL);
                fault.setLabelPaint(Renderers.MARK);
                fault.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                fault.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            p.addDomainMarker(fault);
        }
        p.setBackgroundPaint(java.awt.Color.WHITE);
        ChartFiles.grid(p);
        return p;
    }

    private static double positiveMin(YIntervalSeriesCollection c) {
        double m = Double.POSITIVE_INFINITY;
        for (int s = 0; s < c.getSeriesCount(); s++) {
            for (int i = 0; i < c.getItemCount(s); i++) {
                m = Math.min(m, c.getStartYValue(s, i));
            }
        }
        return Double.isInfinite(m) ? 0.1 : m;
    }

    private static double max(YIntervalSeriesCollection c) {
        double m = 0;
        for (int s = 0; s < c.getSeriesCount(); s++) {
            for (int i = 0; i < c.getItemCount(s); i++) {
                m = Math.max(m, c.getEndYValue(s, i));
            }
        }
        return m > 0 ? m : 1;
    }
}
