package mpmbench.benchmarks.report.chart;

import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mpmbench.benchmarks.results.Row;

/**
 * A figure of cells.csv against steps that start at 0 (so no log axis can hold them): the steps are
 * equally spaced and labelled with their values, one line per target ({@link Looks}) through the
 * medians with their 95 % intervals as error bars, the y axis linear from zero. Used for
 * {@code slow-clients}: the normal clients' requests/s against the trickling connections.
 */
public final class StepChart {

    /** Sideways spread of the points per target, in steps. */
    static final double DODGE = 0.03;

    private StepChart() {
    }

    /** The chart, or null when no target has a point. */
    public static JFreeChart chart(String title, String scenario, String level, String xTitle, String figure,
                                   String yTitle, List<Row> cells, List<String> targets) {
        Map<String, List<Levels.Point>> points = Levels.of(cells, targets, scenario, level, figure);
        List<Double> steps = Levels.levels(points);
        if (steps.isEmpty()) {
            return null;
        }
        String[] labels = steps.stream().map(PlainNumbers::label).toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(xTitle, labels);
        x.setRange(-0.5, steps.size() - 0.5);
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis(yTitle);
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new PlainNumbers(y::getUpperBound));
        y.setUpperMargin(0.08);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        int n = points.size();
        int i = 0;
        for (Map.Entry<String, List<Levels.Point>> e : points.entrySet()) {
            String key = e.getValue().isEmpty()
                    ? e.getKey() + " — no data (" + Levels.whyNone(cells, scenario, e.getKey()) + ")" : e.getKey();
            YIntervalSeries s = new YIntervalSeries(key, false, true);
            double dx = DODGE * (i - (n - 1) / 2.0);
            for (Levels.Point p : e.getValue()) {
                s.add(steps.indexOf(p.level()) + dx, p.median(), p.low(), p.high());
            }
            data.addSeries(s);
            i++;
        }
        XYPlot plot = new XYPlot(data, x, y, Renderers.errorBars(data));
        return ChartFiles.frame(title, plot, true);
    }
}
