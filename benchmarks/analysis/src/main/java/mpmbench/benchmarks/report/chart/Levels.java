package mpmbench.benchmarks.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;

/**
 * One figure of cells.csv (the median of the repeats and its 95 % interval, {@code F},
 * {@code F_ci_low}, {@code F_ci_high}) against a level column ({@code connections}, {@code rate},
 * {@code idle}), as one series per target in legend order. A target that ran no judged cell of the
 * scenario still gets a series, empty, whose name says so ("nginx — no data: skipped: cpu needs /cpu").
 */
public final class Levels {

    /** One point: the level, the median, and its interval (equal to the median when there is none). */
    public record Point(double level, double median, double low, double high) {
    }

    private Levels() {
    }

    /** The points per target (legend order; targets without a point map to an empty list). */
    public static Map<String, List<Point>> of(List<Row> cells, List<String> targets, String scenario, String level,
                                              String figure) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        for (String t : Looks.sorted(targets)) {
            List<Point> ps = new ArrayList<>();
            for (Row c : cells) {
                if (!c.text("scenario").equals(scenario) || !c.text("target").equals(t) || !Cells.judged(c)) {
                    continue;
                }
                double x = c.num(level);
                double y = c.num(figure);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    continue;
                }
                double lo = c.has(figure + "_ci_low") ? c.num(figure + "_ci_low") : Double.NaN;
                double hi = c.has(figure + "_ci_high") ? c.num(figure + "_ci_high") : Double.NaN;
                ps.add(new Point(x, y, Double.isNaN(lo) ? y : Math.min(lo, y), Double.isNaN(hi) ? y : Math.max(hi, y)));
            }
            ps.sort(java.util.Comparator.comparingDouble(Point::level));
            out.put(t, ps);
        }
        return out;
    }

    /** Why a target has no point in a scenario: its cells' status and reason, or "not run". */
    public static String whyNone(List<Row> cells, String scenario, String target) {
        return cells.stream().filter(c -> c.text("scenario").equals(scenario) && c.text("target").equals(target))
                .map(c -> c.text("status") + (c.text("reason").isEmpty() ? "" : ": " + c.text("reason")))
                .findFirst().map(Levels::shorten).orElse("not run");
    }

    static String shorten(String s) {
        return s.length() <= 48 ? s : s.substring(0, 47) + "…";
    }

    /**
     * The series of a chart: one per target, x spread sideways by a factor {@code 10^(dodge·(i − (n−1)/2))}
     * on a log axis so equal points do not hide each other (0 = no spread); values at or below
     * {@code floor} (a log axis's bottom) are drawn at the floor.
     */
    public static YIntervalSeriesCollection series(Map<String, List<Point>> points, List<Row> cells, String scenario,
                                                   double dodge, double floor) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        int n = points.size();
        int i = 0;
        for (Map.Entry<String, List<Point>> e : points.entrySet()) {
            String key = e.getValue().isEmpty() ? e.getKey() + " — no data (" + whyNone(cells, scenario, e.getKey()) + ")"
                    : e.getKey();
            YIntervalSeries s = new YIntervalSeries(key, false, true);
            double f = Math.pow(10, dodge * (i - (n - 1) / 2.0));
            for (Point p : e.getValue()) {
                s.add(p.level() * f, Math.max(p.median(), floor), Math.max(p.low(), floor), Math.max(p.high(), floor));
            }
            data.addSeries(s);
            i++;
        }
        return data;
    }

    /** The smallest positive and the largest value among the points' intervals, {NaN, NaN} when none. */
    public static double[] extent(Map<String, List<Point>> points) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Point> ps : points.values()) {
            for (Point p : ps) {
                for (double v : new double[] {p.low(), p.median(), p.high()}) {
                    if (v > 0) {
                        lo = Math.min(lo, v);
                    }
                    hi = Math.max(hi, v);
                }
            }
        }
        return Double.isInfinite(lo) ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    /** The distinct levels over every target, ascending. */
    public static List<Double> levels(Map<String, List<Point>> points) {
        return points.values().stream().flatMap(List::stream).map(Point::level).distinct().sorted().toList();
    }
}
