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

import mpmbench.benchmarks.results.CellIds;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;

/**
 * Requests/s and p99 around a fault, per bin of the load generator's interval log (100 ms when the
 * suite asked for it, else 1 s), from the start of the measured window (the baseline) to its end, with
 * errors per second from samples.csv below; time 0 is the fault (for {@code crash}, the kill of one
 * child, {@code kill_at_s}), marked with a vertical line. One line per target through the median of its
 * repeats, with their range as a band.
 */
public final class FaultTimeline {

    private FaultTimeline() {
    }

    /**
     * The repeat's bins of the measured window as (bin index since the fault → value), for one of "rps"
     * or "p99"; bin k covers [k·binS, (k+1)·binS) s after the fault and is drawn at its middle.
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

    /** Median and range over the repeats per bin, as a series named {@code key}. */
    static YIntervalSeries merge(String key, List<TreeMap<Long, Double>> repeats, double binS, double floor) {
        YIntervalSeries s = new YIntervalSeries(key, false, true);
        TreeMap<Long, List<Double>> at = new TreeMap<>();
        repeats.forEach(r -> r.forEach((k, v) -> at.computeIfAbsent(k, x -> new ArrayList<>()).add(v)));
        at.forEach((k, vs) -> {
            double[] w = vs.stream().mapToDouble(d -> d).sorted().toArray();
            int n = w.length;
            double med = n % 2 == 1 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
            s.add((k + 0.5) * binS, Math.max(med, floor), Math.max(w[0], floor), Math.max(w[n - 1], floor));
        });
        return s;
    }

    /**
     * The crash timeline, or null without a judged crash repeat that has a kill time and an interval log.
     *
     * @param summary every summary.csv row; the crash scenario's are used
     * @param samples samples.csv rows (errors per second)
     */
    public static JFreeChart crash(Path latencyDir, List<Row> summary, List<Row> samples, List<String> targets)
            throws IOException {
        YIntervalSeriesCollection rps = new YIntervalSeriesCollection();
        YIntervalSeriesCollection p99 = new YIntervalSeriesCollection();
        YIntervalSeriesCollection errors = new YIntervalSeriesCollection();
        double binS = 1;
        boolean any = false;
        double minX = 0;
        double maxX = 0;
        for (String t : Looks.sorted(targets)) {
            List<Row> runs = summary.stream().filter(r -> r.text("scenario").equals("crash") && r.text("target").equals(t)
                    && Cells.judged(r) && r.num("kill_at_s") >= 0
                    && Files.exists(latencyDir.resolve(CellIds.of(r) + ".hlog"))).toList();
            List<List<IntervalLog.Bin>> logs = new ArrayList<>();
            for (Row r : runs) {
                logs.add(IntervalLog.read(latencyDir.resolve(CellIds.of(r) + ".hlog")));
            }
            if (logs.stream().allMatch(List::isEmpty)) {
                String why = " — no data (" + Levels.whyNone(new Cells(summary).table(), "crash", t) + ")";
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
                double kill = runs.get(i).num("kill_at_s");
                double window = windowStart(samples, runs.get(i));
                double length = runs.get(i).num("duration_s");
                double end = Double.isNaN(length) ? Double.POSITIVE_INFINITY : window + length;
                r1.add(binned(logs.get(i), kill, "rps", binS, window, end));
                r2.add(binned(logs.get(i), kill, "p99", binS, window, end));
                r3.add(errorsPerSecond(samples, runs.get(i), kill));
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
        NumberAxis x = new NumberAxis("s since the kill (bins of " + (binS >= 1 ? PlainNumbers.label(binS) + " s"
                : PlainNumbers.label(binS * 1000) + " ms") + "; errors per 1 s)");
        x.setRange(minX - binS / 2, maxX + binS / 2);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(12);
        plot.add(panel(rps, linear("requests/s"), true), 3);
        plot.add(panel(p99, TickedLogAxis.plain("p99, ms").span(positiveMin(p99), max(p99), 1.3), false), 3);
        plot.add(panel(errors, linear("errors/s"), false), 2);
        // Each panel would list every target again: the legend is the first panel's.
        plot.setFixedLegendItems(((XYPlot) plot.getSubplots().getFirst()).getLegendItems());
        return ChartFiles.frame("Around the kill of one child (crash): requests/s, p99, errors", plot, true);
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
        return samples.stream().filter(s -> s.text("scenario").equals("crash") && s.text("target").equals(run.text("target"))
                        && s.text("repeat").equals(run.text("repeat")) && s.text("phase").equals("warmup"))
                .mapToDouble(s -> s.num("t_s")).max().orElse(0);
    }

    private static TreeMap<Long, Double> errorsPerSecond(List<Row> samples, Row run, double killS) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (Row s : samples) {
            if (s.text("scenario").equals("crash") && s.text("target").equals(run.text("target"))
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

    private static XYPlot panel(YIntervalSeriesCollection data, org.jfree.chart.axis.ValueAxis y, boolean label) {
        XYPlot p = new XYPlot(data, null, y, Renderers.bands(data));
        ValueMarker kill = new ValueMarker(0, Renderers.MARK, new BasicStroke(1.6f));
        if (label) {
            kill.setLabel("kill");
            kill.setLabelFont(ChartFiles.LABEL);
            kill.setLabelPaint(Renderers.MARK);
            kill.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            kill.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        p.addDomainMarker(kill);
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
