package mpmbench.benchmarks.claims;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import mpmbench.benchmarks.report.Row;

/**
 * Looks up values in summary.csv rows: the median over repeats of one column for a (scenario,
 * target, level), counting only rows with status {@code ok}.
 */
public final class SummaryIndex {

    private final List<Row> rows;

    public SummaryIndex(List<Row> rows) {
        this.rows = rows.stream().filter(r -> r.text("status").equals("ok")).toList();
    }

    /** The median of {@code column} over the ok rows matching; NaN when there are none. */
    public double median(String scenario, String target, String column, Integer connections, Integer idle) {
        return median(scenario, target, r -> r.num(column), connections, idle);
    }

    /** The median of a value computed from each ok row matching; NaN when there are none. */
    public double median(String scenario, String target, java.util.function.ToDoubleFunction<Row> value,
                         Integer connections, Integer idle) {
        double[] v = rows.stream()
                .filter(r -> r.text("scenario").equals(scenario) && r.text("target").equals(target))
                .filter(r -> connections == null || r.num("connections") == connections)
                .filter(r -> idle == null || r.num("idle") == idle)
                .mapToDouble(value).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The largest value of an integer column among ok rows of a scenario (e.g. the top connection level). */
    public Integer max(String scenario, String column) {
        return rows.stream().filter(r -> r.text("scenario").equals(scenario)).mapToDouble(r -> r.num(column))
                .filter(d -> !Double.isNaN(d)).mapToObj(d -> (int) d).max(Integer::compare).orElse(null);
    }

    /** The distinct values of an integer column among ok rows of a scenario, ascending. */
    public int[] levels(String scenario, String column) {
        return rows.stream().filter(r -> r.text("scenario").equals(scenario)).mapToDouble(r -> r.num(column))
                .filter(d -> !Double.isNaN(d)).mapToInt(d -> (int) d).distinct().sorted().toArray();
    }

    public boolean ran(String target) {
        return rows.stream().anyMatch(r -> Objects.equals(r.text("target"), target));
    }

    static boolean allMeasured(double... v) {
        return Arrays.stream(v).noneMatch(Double::isNaN);
    }
}
