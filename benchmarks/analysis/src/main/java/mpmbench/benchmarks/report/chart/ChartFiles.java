package mpmbench.benchmarks.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The frame every chart shares (white background, light grid, title and legend placed alike) and the
 * writing of a chart as {@code <stem>.png} (raster, for report.md and job summaries) and
 * {@code <stem>.svg} (vector with text as text, ids prefixed by the stem so several SVGs can live in one
 * HTML page). Sizes in px.
 */
public final class ChartFiles {

    /** Width and height of every chart, px. */
    public static final int W = 960;
    public static final int H = 540;

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color GRID = new Color(0xDDDDDD);

    static {
        // Rotated text (the y axis titles) as text, not as glyph outlines: an SVG a tenth of the size,
        // whose words a browser can find and a test can read.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartFiles() {
    }

    /** Coordinates with one decimal: a tenth of a px is below what a screen shows. */
    static String oneDecimal(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    /** A chart around {@code plot} with our title, legend (right, in the order of the series) and colours. */
    public static JFreeChart frame(String title, Plot plot, boolean legend) {
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(title, TITLE));
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            grid(xy);
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.RIGHT);
            l.setItemFont(LABEL);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    /**
     * Whether any plot of the chart (each panel of a combined one) draws bars against a logarithmic
     * value axis: a bar's length from where the axis happens to start means nothing on a log scale.
     */
    public static boolean barsOnLogAxis(JFreeChart chart) {
        List<XYPlot> plots = chart.getPlot() instanceof CombinedDomainXYPlot c ? c.getSubplots()
                : chart.getPlot() instanceof XYPlot xy ? List.of(xy) : List.of();
        for (XYPlot p : plots) {
            for (int r = 0; r < p.getRendererCount(); r++) {
                if (p.getRenderer(r) instanceof XYBarRenderer && p.getRangeAxisForDataset(r) instanceof LogAxis) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Light grid lines and our fonts on an XY plot's axes. */
    static void grid(XYPlot xy) {
        xy.setDomainGridlinePaint(GRID);
        xy.setRangeGridlinePaint(GRID);
        xy.setDomainGridlineStroke(new BasicStroke(1f));
        xy.setRangeGridlineStroke(new BasicStroke(1f));
        xy.setOutlineVisible(false);
        for (int i = 0; i < xy.getDomainAxisCount(); i++) {
            if (xy.getDomainAxis(i) != null) {
                xy.getDomainAxis(i).setLabelFont(LABEL);
                xy.getDomainAxis(i).setTickLabelFont(TICK);
            }
        }
        for (int i = 0; i < xy.getRangeAxisCount(); i++) {
            if (xy.getRangeAxis(i) != null) {
                xy.getRangeAxis(i).setLabelFont(LABEL);
                xy.getRangeAxis(i).setTickLabelFont(TICK);
            }
        }
    }

    /**
     * Writes {@code <stem>.png} and {@code <stem>.svg} into {@code dir}; returns what was drawn.
     *
     * @throws IllegalStateException when the chart draws bars on a log axis ({@link #barsOnLogAxis})
     */
    public static Drawn save(Path dir, String stem, String caption, JFreeChart chart) throws IOException {
        if (barsOnLogAxis(chart)) {
            throw new IllegalStateException("chart " + stem + " draws bars on a log axis, where a bar's length "
                    + "means nothing: points on a log axis, or bars on a linear one");
        }
        Files.createDirectories(dir);
        ChartUtils.saveChartAsPNG(dir.resolve(stem + ".png").toFile(), chart, W, H);
        SVGGraphics2D g = new SVGGraphics2D(W, H);
        g.setDefsKeyPrefix(stem + "-");
        g.setGeomDoubleConverter(ChartFiles::oneDecimal);
        g.setTransformDoubleConverter(ChartFiles::oneDecimal);
        chart.draw(g, new Rectangle(0, 0, W, H));
        String svg = g.getSVGElement("chart-" + stem, true, new ViewBox(0, 0, W, H), null, null);
        Files.writeString(dir.resolve(stem + ".svg"), svg + "\n", StandardCharsets.UTF_8);
        return new Drawn(stem, caption, chart, svg);
    }
}
