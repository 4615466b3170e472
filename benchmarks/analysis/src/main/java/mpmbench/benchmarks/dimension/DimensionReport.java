package mpmbench.benchmarks.dimension;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import mpmbench.benchmarks.report.chart.ChartFiles;
import mpmbench.benchmarks.report.chart.Looks;

/**
 * dimension.md's tables and the chart of each scenario: where the noise lives. Sds in % of log req/s.
 */
public final class DimensionReport {

    private DimensionReport() {
    }

    /** The Markdown of one scenario and level's components. */
    public static String markdown(String scenario, String level, VarianceComponents.Result r) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(scenario).append(' ').append(level).append("\n\n");
        md.append("| target | instances | windows each | req/s (geometric mean) | window sd % | instance sd % "
                + "| instance sd % without trend | trend %/h |\n|---|---|---|---|---|---|---|---|\n");
        for (VarianceComponents.Target t : r.targets()) {
            md.append("| ").append(t.target()).append(" | ").append(t.instances()).append(" | ")
                    .append(fmt(t.windows(), 1)).append(" | ").append(fmt(t.meanRps(), 0)).append(" | ")
                    .append(fmt(t.windowSd(), 1)).append(" | ").append(fmt(t.instanceSd(), 1)).append(" | ")
                    .append(fmt(t.ownSd(), 1)).append(" | ").append(fmt(t.trendPctPerHour(), 1)).append(" |\n");
        }
        md.append("\nShared by every target of a round (two-way table targets × rounds, ").append(r.completeRounds())
                .append(" complete rounds): sd ").append(Double.isNaN(r.roundSd()) ? "n/a (2 targets and 2 complete rounds needed)"
                        : fmt(r.roundSd(), 1) + " %").append(".\n\n");
        md.append("| pair | rounds | correlation of instance means | sd of the per-round log-ratio % "
                + "| rounds for ±5 %, paired | rounds for ±5 %, unpaired |\n|---|---|---|---|---|---|\n");
        for (VarianceComponents.Pair p : r.pairs()) {
            md.append("| ").append(p.a()).append(" / ").append(p.b()).append(" | ").append(p.rounds()).append(" | ")
                    .append(fmt(p.correlation(), 2)).append(" | ").append(fmt(p.ratioSd(), 1)).append(" | ")
                    .append(rounds(p.roundsPaired())).append(" | ").append(rounds(p.roundsUnpaired())).append(" |\n");
        }
        md.append("\nwindow sd: between the consecutive windows of one instance; instance sd: between fresh instances "
                + "beyond their windows (method of moments, clipped at 0); without trend: after a straight line over "
                + "time; rounds for ±5 %: a 95 % t-interval of the ratio of two targets within ±5 % (paired: from "
                + "the sd of the per-round log-ratio; unpaired: from both targets' instance spreads added).\n");
        return md.toString();
    }

    /**
     * The same components of CPU per request (µs; {@code cpu} from {@link VarianceComponents#of} over the
     * windows' {@code cpu_us_per_req}): when a target saturates its core, req/s and CPU per request are one
     * figure, and this table shows whether the noise is in the core's speed (same sds) or in the scheduling.
     */
    public static String cpuMarkdown(VarianceComponents.Result cpu) {
        StringBuilder md = new StringBuilder("\nCPU per request, the same components (sds in % of log µs):\n\n"
                + "| target | CPU µs per request (geometric mean) | window sd % | instance sd % | instance sd % without trend |\n"
                + "|---|---|---|---|---|\n");
        for (VarianceComponents.Target t : cpu.targets()) {
            md.append("| ").append(t.target()).append(" | ").append(fmt(t.meanRps(), 1)).append(" | ")
                    .append(fmt(t.windowSd(), 1)).append(" | ").append(fmt(t.instanceSd(), 1)).append(" | ")
                    .append(fmt(t.ownSd(), 1)).append(" |\n");
        }
        md.append("\nShared by every target of a round: sd ").append(Double.isNaN(cpu.roundSd()) ? "n/a"
                : fmt(cpu.roundSd(), 1) + " %").append(".\n");
        return md.toString();
    }

    private static String rounds(int n) {
        return n < 0 ? "" : n == 0 ? "> " + VarianceComponents.MAX_ROUNDS : Integer.toString(n);
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * The chart of one scenario: each instance's mean req/s in % of its target's geometric mean, by round,
     * a line per target: lines that move together are the round's share, scatter around 100 % the
     * instances' own.
     */
    public static JFreeChart chart(String scenario, String level, Map<String, List<VarianceComponents.Instance>> byTarget,
                                   VarianceComponents.Result r) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (VarianceComponents.Target t : r.targets()) {
            XYSeries s = new XYSeries(t.target(), true, true);
            for (VarianceComponents.Instance i : byTarget.get(t.target())) {
                double mean = java.util.Arrays.stream(i.rps()).filter(d -> d > 0).map(Math::log).average().orElse(Double.NaN);
                if (!Double.isNaN(mean)) {
                    s.addOrUpdate(i.round(), 100 * Math.exp(mean) / t.meanRps());
                }
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("round (fresh instance of every target, in a random order)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("instance req/s, % of the target's mean");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Looks.Look look = Looks.of((String) data.getSeriesKey(i));
            renderer.setSeriesPaint(i, look.color());
            renderer.setSeriesStroke(i, look.stroke());
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return ChartFiles.frame("Where the noise lives: " + scenario + " " + level + " (round sd "
                + fmt(r.roundSd(), 1) + " %)", plot, true);
    }

    /** Writes {@code <stem>.png} and {@code .svg} of {@link #chart} into {@code dir}. */
    public static void save(Path dir, String stem, JFreeChart chart, String caption) throws IOException {
        ChartFiles.save(dir, stem, caption, chart);
    }
}
