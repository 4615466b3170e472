package mpmbench.benchmarks.report.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mpmbench.benchmarks.results.CellIds;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Hgrm;
import mpmbench.benchmarks.results.Row;

/**
 * HdrHistogram's percentile plot of one scenario at one level: latency (ms, log) against
 * x = 1/(1−p) (log, labelled "90 %, 99 %, 99.9 %"), one line per target through the median of its
 * repeats, with the repeats' range as a band. Thinned, not truncated: each repeat's {@code .hgrm} is read
 * at {@link #PER_DECADE} points per decade of x (the value at the first recorded percentile at or past
 * each point, as HdrHistogram reports it), up to its highest finite percentile.
 */
public final class SpectrumChart {

    /** Grid points per decade of 1/(1−p). */
    public static final int PER_DECADE = 24;

    /** x = 1/(1−p) ticks: 0, 90, 99, 99.9, 99.99, 99.999, 99.9999 %. */
    static final List<Double> TICKS = List.of(1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6);

    private SpectrumChart() {
    }

    /** One repeat's spectrum on the grid: value (ms) at grid point k, NaN past its highest percentile. */
    static double[] onGrid(List<Hgrm.Point> points, int size) {
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        int j = 0;
        for (int k = 0; k < size; k++) {
            double x = Math.pow(10, (double) k / PER_DECADE);
            while (j < points.size() && points.get(j).inverse() < x - 1e-9) {
                j++;
            }
            if (j == points.size()) {
                break;
            }
            out[k] = points.get(j).valueMs();
        }
        return out;
    }

    /**
     * The chart of {@code scenario} at the level {@code label} (as {@link CellIds#label}), or null when no
     * target has an {@code .hgrm}.
     *
     * @param repeats the judged summary.csv rows of that scenario and level
     */
    public static JFreeChart chart(Path latencyDir, String scenario, String label, List<Row> repeats, List<String> targets)
            throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double maxX = 10;
        boolean any = false;
        for (String t : Looks.sorted(targets)) {
            List<List<Hgrm.Point>> spectra = new ArrayList<>();
            for (Row r : repeats) {
                Path f = latencyDir.resolve(CellIds.of(r) + ".hgrm");
                if (r.text("target").equals(t) && Cells.judged(r) && Files.exists(f)) {
                    List<Hgrm.Point> ps = Hgrm.read(f).stream().filter(p -> Double.isFinite(p.inverse()) && p.inverse() >= 1)
                            .toList();
                    if (ps.size() > 1) {
                        spectra.add(ps);
                    }
                }
            }
            if (spectra.isEmpty()) {
                data.addSeries(new YIntervalSeries(t + " — no data at " + label, false, true));
                continue;
            }
            any = true;
            int size = 7 * PER_DECADE + 1;
            double[][] grid = spectra.stream().map(s -> onGrid(s, size)).toArray(double[][]::new);
            YIntervalSeries s = new YIntervalSeries(t, false, true);
            for (int k = 0; k < size; k++) {
                double[] v = new double[grid.length];
                int n = 0;
                for (double[] g : grid) {
                    if (!Double.isNaN(g[k])) {
                        v[n++] = g[k];
                    }
                }
                if (n * 2 <= grid.length) {
                    break; // most repeats end here: the median would be one repeat's luck
                }
                double[] w = Arrays.copyOf(v, n);
                Arrays.sort(w);
                double med = n % 2 == 1 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
                double x = Math.pow(10, (double) k / PER_DECADE);
                s.add(x, Math.max(med, 1e-3), Math.max(w[0], 1e-3), w[n - 1]);
                lo = Math.min(lo, Math.max(w[0], 1e-3));
                hi = Math.max(hi, w[n - 1]);
                maxX = Math.max(maxX, x);
            }
            data.addSeries(s);
        }
        if (!any) {
            return null;
        }
        TickedLogAxis x = new TickedLogAxis("percentile (x = 1/(1−p))", TICKS, PlainNumbers::percentile);
        x.setRange(1, maxX * 1.2);
        TickedLogAxis y = TickedLogAxis.plain("latency, ms").span(lo, hi, 1.2);
        XYPlot plot = new XYPlot(data, x, y, Renderers.bands(data));
        return ChartFiles.frame("Latency by percentile: " + scenario + " " + label, plot, true);
    }
}
