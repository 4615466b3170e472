package mpmbench.benchmarks.report.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.RateSweep;
import mpmbench.benchmarks.results.Row;

/**
 * The knee of a latency-vs-offered-rate curve: the first offered rate (requests/s) a target did not
 * sustain ({@link RateSweep#sustained}: p99 within the SLO, {@code slo} ms, no errors, the rate
 * achieved); the highest sustained rate below the knee is the maximum sustainable throughput. Drawn
 * as an arrow labelled "knee" in the target's colour onto its point (the annotation's tool tip names the target and rate), with the SLO as a horizontal line.
 */
public final class Knee {

    private Knee() {
    }

    /** A target's knee: its first judged cell by offered rate that was not sustained; empty when none. */
    public static Optional<Row> of(List<Row> cells, String target, double sloMs) {
        return cells.stream().filter(c -> c.text("scenario").equals(Scenarios.RATE_SWEEP) && c.text("target").equals(target)
                        && Cells.judged(c) && !Double.isNaN(c.num("p99_ms")))
                .sorted(Comparator.comparingDouble(c -> c.num("rate"))).filter(c -> !RateSweep.sustained(c, sloMs)).findFirst();
    }

    /** Marks the SLO and each target's knee on a p99-vs-rate plot whose series are named by target. */
    public static void mark(XYPlot plot, List<Row> cells, double sloMs) {
        ValueMarker slo = new ValueMarker(sloMs, Renderers.MARK, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
        slo.setLabel("p99 SLO " + PlainNumbers.label(sloMs) + " ms");
        slo.setLabelFont(ChartFiles.TICK);
        slo.setLabelPaint(Renderers.MARK);
        slo.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        slo.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(slo);
        XYDataset data = plot.getDataset();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            String target = data.getSeriesKey(s).toString();
            Optional<Row> knee = of(cells, target, sloMs);
            if (knee.isEmpty()) {
                continue;
            }
            double rate = knee.get().num("rate");
            int at = 0;
            for (int i = 1; i < data.getItemCount(s); i++) { // the point drawn nearest the knee's rate (points are dodged)
                if (Math.abs(Math.log10(data.getXValue(s, i) / rate)) < Math.abs(Math.log10(data.getXValue(s, at) / rate))) {
                    at = i;
                }
            }
            double x = data.getXValue(s, at);
            // the label above the point, leaning away from the nearer edge, each target at its own angle
            double lean = (s % 4) * 0.35;
            boolean right = x > Math.sqrt(plot.getDomainAxis().getLowerBound() * plot.getDomainAxis().getUpperBound());
            XYPointerAnnotation a = new XYPointerAnnotation("knee", x, data.getYValue(s, at),
                    right ? -3 * Math.PI / 4 + lean : -Math.PI / 4 - lean);
            a.setPaint(Looks.of(target).color());
            a.setArrowPaint(Looks.of(target).color());
            a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            a.setTextAnchor(right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            a.setToolTipText(target + " knee at " + PlainNumbers.label(rate) + " req/s");
            plot.addAnnotation(a);
        }
    }
}
