package mpmbench.benchmarks.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rows of a run's {@code jmh.csv} (JMH's own CSV, columns in
 * {@code mpmbench.benchmarks.micro} package-info) as typed results, with look-ups by benchmark,
 * mode and parameters, and times converted to microseconds. A primary result is a row whose
 * {@code Benchmark} has no {@code :suffix}; secondary rows (gc profiler, percentiles) are found by
 * their suffix.
 */
public final class JmhResults {

    /** One row: {@code bench} is {@code Bench_NN_Topic.method} (package dropped), {@code secondary} the part after ':' or "". */
    public record Result(String bench, String secondary, String mode, Map<String, String> params, double score,
                         double error, String unit, double samples) {

        /** The score in µs when the unit is a time per operation; NaN otherwise. */
        public double scoreUs() {
            return toUs(score, unit);
        }

        /** The 99.9 % error half-width in µs; NaN when JMH gave none. */
        public double errorUs() {
            return toUs(error, unit);
        }

        /** "mpm=event, peer=thread": the parameters that are set, in column order. */
        public String paramText() {
            return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        }
    }

    private final List<Result> rows;

    public JmhResults(List<Result> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Reads {@code jmh.csv}; an absent file reads as no results. */
    public static JmhResults read(Path file) throws IOException {
        return of(CsvTables.read(file));
    }

    public static JmhResults of(List<Row> csv) {
        List<Result> out = new ArrayList<>();
        for (Row r : csv) {
            String name = r.text("Benchmark");
            if (name.isEmpty()) {
                continue;
            }
            int colon = name.indexOf(':');
            String full = colon < 0 ? name : name.substring(0, colon);
            String secondary = colon < 0 ? "" : name.substring(colon + 1);
            int cls = full.lastIndexOf('.', full.lastIndexOf('.') - 1);
            Map<String, String> params = new LinkedHashMap<>();
            r.cells().forEach((k, v) -> {
                if (k.startsWith("Param: ") && !v.isEmpty()) {
                    params.put(k.substring("Param: ".length()), v);
                }
            });
            out.add(new Result(full.substring(cls + 1), secondary, r.text("Mode"), java.util.Collections.unmodifiableMap(params), r.num("Score"),
                    r.num("Score Error (99.9%)"), r.text("Unit"), r.num("Samples")));
        }
        return new JmhResults(out);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The primary results (no ':' suffix), in file order. */
    public List<Result> primary() {
        return rows.stream().filter(r -> r.secondary().isEmpty()).toList();
    }

    /**
     * The first result of {@code bench} ({@code Bench_NN_Topic.method}), mode and secondary suffix whose
     * parameters include {@code params} ("k=v" each).
     */
    public Optional<Result> find(String bench, String mode, String secondary, String... params) {
        return rows.stream().filter(r -> r.bench().equals(bench) && r.mode().equals(mode)
                && r.secondary().equals(secondary) && matches(r, params)).findFirst();
    }

    /** Every result of {@code bench} and mode without suffix (all parameter values). */
    public List<Result> all(String bench, String mode) {
        return rows.stream().filter(r -> r.bench().equals(bench) && r.mode().equals(mode) && r.secondary().isEmpty())
                .toList();
    }

    /** A secondary result (e.g. {@code gc.alloc.rate.norm}, {@code p0.50}) of the same benchmark, mode and parameters. */
    public Optional<Result> secondary(Result primary, String suffix) {
        return rows.stream().filter(r -> r.bench().equals(primary.bench()) && r.mode().equals(primary.mode())
                && r.params().equals(primary.params()) && r.secondary().equals(suffix)).findFirst();
    }

    private static boolean matches(Result r, String... params) {
        for (String p : params) {
            int eq = p.indexOf('=');
            if (!p.substring(eq + 1).equals(r.params().get(p.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }

    /** A time per operation in µs ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}); NaN for other units. */
    public static double toUs(double value, String unit) {
        return switch (unit) {
            case "ns/op" -> value / 1000;
            case "us/op" -> value;
            case "ms/op" -> value * 1000;
            case "s/op" -> value * 1_000_000;
            default -> Double.NaN;
        };
    }
}
