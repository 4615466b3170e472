package mpmbench.benchmarks.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.util.List;
import java.util.stream.DoubleStream;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One entry per label with its interval as a black whisker: targets compared on one figure (colour and
 * outline from {@link Looks}), or the microbenchmarks (colour by kind). When the values span at most
 * {@link #LOG_SPAN} × they are bars on a value axis that starts at zero; beyond, they are points on a
 * logarithmic axis (a dot plot): a bar's length means nothing on a log axis, where it depends on the
 * arbitrary value the axis starts at (426 MiB and 162 MiB look alike from 1 MiB). A whisker reaching
 * zero on a log axis is drawn down to the axis. An entry without a value keeps its label, and says
 * "no data".
 */
public final class BarChart {

    /** Points on a log scale when max / min of the values exceeds this. */
    public static final double LOG_SPAN = 20;

    /** A point's size, px. */
    private static final double POINT = 11;

    /**
     * One entry.
     *
     * @param label   the tick label under it
     * @param value   the bar's height or the point's value, in the axis unit (NaN: no data)
     * @param low     the interval's low end (NaN: no interval)
     * @param high    the interval's high end (NaN: no interval)
     * @param color   its fill
     * @param dashed  a dashed outline, or a diamond for a point (an httpd target)
     */
    public record Bar(String label, double value, double low, double high, Color color, boolean dashed) {
    }

    private BarChart() {
    }

    /** Whether these entries get a logarithmic axis, and so are drawn as points. */
    public static boolean logScale(List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).filter(v -> v > 0).max().orElse(1);
        double min = bars.stream().mapToDouble(Bar::value).filter(v -> v > 0).min().orElse(max);
        return max / min > LOG_SPAN;
    }

    /** The chart; {@code verticalLabels} for long labels. */
    public static JFreeChart chart(String title, String yTitle, List<Bar> bars, boolean verticalLabels) {
        boolean log = logScale(bars);
        String[] labels = bars.stream().map(b -> Double.isNaN(b.value()) ? b.label() + " (no data)" : b.label())
                .toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(null, labels);
        x.setGridBandsVisible(false);
        x.setVerticalTickLabels(verticalLabels);
        x.setLowerBound(-0.6);
        x.setUpperBound(bars.size() - 0.4);
        ValueAxis y;
        double floor = 0;
        if (log) {
            double lo = bars.stream().flatMapToDouble(b -> DoubleStream.of(b.value(), b.low())).filter(v -> v > 0)
                    .min().orElse(1);
            double hi = bars.stream().flatMapToDouble(b -> DoubleStream.of(b.value(), b.high())).filter(v -> v > 0)
                    .max().orElse(10);
            floor = Math.pow(10, Math.floor(Math.log10(lo)));
            TickedLogAxis ly = TickedLogAxis.plain(yTitle + " (log scale)");
            ly.setRange(floor, hi * 1.3);
            y = ly;
        } else {
            NumberAxis ny = new NumberAxis(yTitle);
            ny.setAutoRangeIncludesZero(true);
            ny.setNumberFormatOverride(new PlainNumbers(ny::getUpperBound));
            ny.setUpperMargin(0.08);
            y = ny;
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            YIntervalSeries s = new YIntervalSeries(b.label());
            if (!Double.isNaN(b.value())) {
                double lo = Double.isNaN(b.low()) ? b.value() : Math.max(floor, b.low());
                double hi = Double.isNaN(b.high()) ? b.value() : b.high();
                s.add(i, b.value(), lo, hi);
            }
            data.addSeries(s);
        }
        XYErrorRenderer whiskers = new XYErrorRenderer();
        whiskers.setDrawXError(false);
        whiskers.setDefaultLinesVisible(false);
        whiskers.setDefaultShapesVisible(false);
        whiskers.setErrorPaint(Color.BLACK);
        whiskers.setErrorStroke(new BasicStroke(1.4f));
        whiskers.setCapLength(10);
        XYPlot plot = log ? points(data, x, y, bars, whiskers) : bars(data, x, y, bars, whiskers);
        return ChartFiles.frame(title, plot, false);
    }

    /** Bars from zero, the whiskers over them. */
    private static XYPlot bars(YIntervalSeriesCollection data, SymbolAxis x, ValueAxis y, List<Bar> bars,
                               XYErrorRenderer whiskers) {
        XYBarRenderer bar = new XYBarRenderer();
        bar.setBarPainter(new StandardXYBarPainter());
        bar.setShadowVisible(false);
        bar.setDrawBarOutline(true);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            bar.setSeriesPaint(i, b.dashed() ? lighter(b.color()) : b.color());
            bar.setSeriesOutlinePaint(i, b.color().darker());
            bar.setSeriesOutlineStroke(i, b.dashed() ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, new float[] {6f, 3f}, 0f) : new BasicStroke(1f));
        }
        XYPlot plot = new XYPlot(new XYBarDataset(data, 0.6), x, y, bar);
        plot.setDataset(1, data);
        plot.setRenderer(1, whiskers);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return plot;
    }

    /** A point per value (a circle, a diamond for httpd) over its whisker. */
    private static XYPlot points(YIntervalSeriesCollection data, SymbolAxis x, ValueAxis y, List<Bar> bars,
                                 XYErrorRenderer whiskers) {
        whiskers.setDefaultShapesVisible(true);
        whiskers.setDefaultShapesFilled(true);
        whiskers.setUseOutlinePaint(true);
        whiskers.setDrawOutlines(true);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            whiskers.setSeriesPaint(i, b.dashed() ? lighter(b.color()) : b.color());
            whiskers.setSeriesFillPaint(i, b.dashed() ? lighter(b.color()) : b.color());
            whiskers.setSeriesOutlinePaint(i, b.color().darker());
            whiskers.setSeriesOutlineStroke(i, new BasicStroke(1.5f));
            whiskers.setSeriesShape(i, shape(b.dashed()));
        }
        return new XYPlot(data, x, y, whiskers);
    }

    private static Shape shape(boolean diamond) {
        return diamond ? Renderers.diamond(POINT) : Renderers.circle(POINT);
    }

    private static Color lighter(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }
}
