package mpmbench.benchmarks.claims;

import java.util.List;

import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.SequentialLooks;

/**
 * What the claims read of a run: summary.csv's repeats by cell, jmh.csv and memory.csv.
 *
 * @param cells  summary.csv grouped by cell; only ok repeats give values
 * @param jmh    the micro benchmarks (empty when the run has none)
 * @param memory memory.csv rows (empty when absent)
 * @param level  the two-sided level of every interval a claim takes ({@link Intervals#LEVEL}; with
 *               {@code suite --until-decided}, each look's {@link SequentialLooks#level})
 */
public record RunData(Cells cells, JmhResults jmh, List<Row> memory, double level) {

    /** A run judged at {@link Intervals#LEVEL}, one look. */
    public RunData(Cells cells, JmhResults jmh, List<Row> memory) {
        this(cells, jmh, memory, Intervals.LEVEL);
    }

    /** The three models every family has, in the order claims name them. */
    static final List<String> MODELS = Targets.HTTPD_MODELS;

    /**
     * The values of a figure in each repeat of the first cell matching that gives it (ok repeats; for
     * memory every repeat that measured the target, {@link Cells#counts}), by round ({@link Cells#byRound}:
     * NaN where a round gave none), so that two targets' values pair round by round; empty when there is none.
     */
    double[] values(String scenario, String target, String column, Long connections, Long idle) {
        Cells.Key k = cells.find(scenario, target, connections, idle);
        return k == null ? new double[0] : cells.byRound(k, column);
    }

    /** Why a target has no value in a scenario, e.g. "java-prefork hello c256: generator-bound (3 of 3)". */
    String whyEmpty(String scenario, String target, Long connections, Long idle) {
        Cells.Key k = cells.find(scenario, target, connections, idle);
        return (k == null ? target + " " + scenario : k.toString()) + ": " + cells.whyEmpty(k);
    }
}
