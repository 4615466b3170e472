package mpmbench.benchmarks.report.chart;

import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

import mpmbench.benchmarks.results.Row;

/**
 * A figure of cells.csv against a scenario's levels: one line per target ({@link Looks}), a point
 * per median with its 95 % interval as an error bar, the x axis logarithmic with a tick at every level
 * run, the y axis from zero (throughput, counts) or logarithmic (latency).
 */
public final class LevelChart {

    /**
     * What to draw.
     *
     * @param scenario the scenario whose cells are drawn
     * @param level    the x column: {@code connections}, {@code rate} or {@code idle}
     * @param figure   the y column of cells.csv (with {@code _ci_low}/{@code _ci_high} when it has an interval)
     * @param logY     a logarithmic y axis (latency); otherwise linear from zero
     */
    public record Spec(String title, String scenario, String level, String xTitle, String figure, String yTitle,
                       boolean logY) {
    }

    /** Sideways spread of the points per target, as a share of the x axis's width in decades. */
    static final double DODGE = 0.012;

    private LevelChart() {
    }

    /** The chart, or null when no target has a point. */
    public static JFreeChart chart(Spec spec, List<Row> cells, List<String> targets) {
        Map<String, List<Levels.Point>> points = Levels.of(cells, targets, spec.scenario(), spec.level(), spec.figure());
        List<Double> levels = Levels.levels(points);
        if (levels.isEmpty()) {
            return null;
        }
        double[] ext = Levels.extent(points);
        TickedLogAxis x = new TickedLogAxis(spec.xTitle(), levels, null)
                .span(levels.getFirst(), levels.getLast(), 1.35);
        ValueAxis y;
        double floor;
        if (spec.logY()) {
            TickedLogAxis ly = TickedLogAxis.plain(spec.yTitle()).span(ext[0], ext[1], 1.3);
            floor = ly.getLowerBound();
            y = ly;
        } else {
            NumberAxis ny = new NumberAxis(spec.yTitle());
            ny.setAutoRangeIncludesZero(true);
            ny.setNumberFormatOverride(new PlainNumbers(ny::getUpperBound));
            ny.setUpperMargin(0.08);
            floor = Double.NEGATIVE_INFINITY;
            y = ny;
        }
        double decades = Math.log10(x.getUpperBound() / x.getLowerBound());
        var data = Levels.series(points, cells, spec.scenario(), DODGE * decades, floor);
        XYPlot plot = new XYPlot(data, x, y, Renderers.errorBars(data));
        return ChartFiles.frame(spec.title(), plot, true);
    }
}
