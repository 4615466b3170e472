package mpmbench.benchmarks.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;

import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The renderers of the charts, styled by {@link Looks}: lines with a point and an error bar per
 * measured median (intervals from the repeats), or lines with a shaded band (spread over many points,
 * such as a percentile spectrum or a timeline). Series are looked up by their key, a target name
 * (optionally followed by " — no data ...").
 */
final class Renderers {

    private static final BasicStroke ERROR_BAR = new BasicStroke(1.25f);
    private static final double POINT = 7;

    private Renderers() {
    }

    /** The target a series key names: the key up to " — ". */
    static String target(Comparable<?> key) {
        String k = key.toString();
        int dash = k.indexOf(" — ");
        return dash < 0 ? k : k.substring(0, dash);
    }

    /** Lines, a point per median and a vertical error bar from its interval (in the series' colour). */
    static XYErrorRenderer errorBars(YIntervalSeriesCollection data) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setErrorStroke(ERROR_BAR);
        r.setCapLength(6);
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setDefaultShapesFilled(true);
        style(data, (i, look) -> {
            r.setSeriesPaint(i, look.color());
            r.setSeriesStroke(i, look.stroke());
            r.setSeriesShape(i, shape(look));
        });
        r.setLegendLine(LEGEND_LINE);
        return r;
    }

    /** Lines with a translucent band (the spread of the repeats) in the series' colour. */
    static DeviationRenderer bands(YIntervalSeriesCollection data) {
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.18f);
        style(data, (i, look) -> {
            r.setSeriesPaint(i, look.color());
            r.setSeriesFillPaint(i, look.color());
            r.setSeriesStroke(i, look.stroke());
        });
        r.setLegendLine(LEGEND_LINE);
        return r;
    }

    /** The legend's sample of a line: long enough to show a dash. */
    private static final java.awt.Shape LEGEND_LINE = new java.awt.geom.Line2D.Double(-14, 0, 14, 0);

    /** A point's shape: a circle for our Java models, a diamond for httpd, a square for the rest. */
    static java.awt.Shape shape(Looks.Look look) {
        double h = POINT / 2;
        if (look.target().startsWith("java-")) {
            return circle(POINT);
        }
        if (look.dashed()) {
            return diamond(POINT);
        }
        return new java.awt.geom.Rectangle2D.Double(-h * 0.9, -h * 0.9, POINT * 0.9, POINT * 0.9);
    }

    /** A circle {@code size} across, centred on the point (the Java models' mark). */
    static java.awt.Shape circle(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    /** A diamond a little wider than a circle of {@code size}, so both look alike in weight (httpd's mark). */
    static java.awt.Shape diamond(double size) {
        double k = size / 2 * 1.3;
        java.awt.geom.Path2D.Double d = new java.awt.geom.Path2D.Double();
        d.moveTo(0, -k);
        d.lineTo(k, 0);
        d.lineTo(0, k);
        d.lineTo(-k, 0);
        d.closePath();
        return d;
    }

    private interface Styler {
        void apply(int series, Looks.Look look);
    }

    private static void style(YIntervalSeriesCollection data, Styler styler) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            styler.apply(i, Looks.of(target(data.getSeriesKey(i))));
        }
    }

    /** A neutral colour for marks (knees, events) that are not a target's. */
    static final Color MARK = new Color(0xC00000);
}
