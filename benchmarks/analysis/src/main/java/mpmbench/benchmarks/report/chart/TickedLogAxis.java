package mpmbench.benchmarks.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A base-10 logarithmic axis whose ticks sit where a reader wants them and are labelled in plain
 * units: at given values (the levels a scenario ran, so every measured point has its label), or at
 * 1-2-5 steps of each decade of the range, or at the decades alone when 1-2-5 would crowd. The range is
 * set by the caller ({@link #span}), never from data that may hold a zero.
 */
public final class TickedLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    private final transient List<Double> fixed;
    private final transient DoubleFunction<String> labels;

    /**
     * @param label  the axis title, with its unit
     * @param fixed  the tick values, or an empty list for 1-2-5 steps
     * @param labels the label of a tick value; null for {@link PlainNumbers} on this axis's range
     */
    public TickedLogAxis(String label, List<Double> fixed, DoubleFunction<String> labels) {
        super(label);
        this.fixed = List.copyOf(fixed);
        this.labels = labels != null ? labels : v -> PlainNumbers.label(v, getUpperBound());
        setMinorTickMarksVisible(false);
    }

    /** Plain-number labels ({@link PlainNumbers}), ticks at 1-2-5 steps. */
    public static TickedLogAxis plain(String label) {
        return new TickedLogAxis(label, List.of(), null);
    }

    /** Sets the range to [min, max] widened by a factor {@code pad} on each side (1.25 = a quarter). */
    public TickedLogAxis span(double min, double max, double pad) {
        double lo = min > 0 ? min : max / 10;
        double hi = max;
        if (!(hi > lo * 1.01)) {
            lo = lo / 2;
            hi = lo * 4;
        }
        setRange(new Range(lo / pad, hi * pad));
        return this;
    }

    /** The tick values inside the current range. */
    public List<Double> tickValues() {
        Range r = getRange();
        List<Double> out = new ArrayList<>();
        if (!fixed.isEmpty()) {
            fixed.stream().filter(v -> v >= r.getLowerBound() && v <= r.getUpperBound()).forEach(out::add);
            return out;
        }
        int k0 = (int) Math.floor(Math.log10(r.getLowerBound()));
        int k1 = (int) Math.ceil(Math.log10(r.getUpperBound()));
        double[] steps = k1 - k0 > 4 ? new double[] {1} : new double[] {1, 2, 5};
        for (int k = k0; k <= k1; k++) {
            for (double m : steps) {
                double v = m * Math.pow(10, k);
                if (v >= r.getLowerBound() && v <= r.getUpperBound()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The label of each tick, in order (what a reader sees along the axis). */
    public List<String> tickLabels() {
        return tickValues().stream().map(labels::apply).toList();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<Tick> ticks = new ArrayList<>();
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
                : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        for (double v : tickValues()) {
            ValueTick t = new NumberTick(v, labels.apply(v), anchor, TextAnchor.CENTER, 0.0);
            ticks.add(t);
        }
        return ticks;
    }
}
