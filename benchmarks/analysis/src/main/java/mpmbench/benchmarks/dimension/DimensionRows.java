package mpmbench.benchmarks.dimension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.report.chart.Looks;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Status;

/**
 * A dimensioning experiment's folder as dimension.csv, one row per measured window. The folder, as
 * {@code scripts/dimension} writes it:
 * <pre>
 * order.csv                 round, position, target, instance, start_epoch_s: one row per instance, in
 *                           the order they ran (the targets of a round in a random order)
 * instances/INSTANCE/       the results folder of {@code mpmbench suite quick --repeats 1} for that one
 *                           instance: summary.csv (the cells' statuses), samples.csv (1 s samples)
 * </pre>
 * A cell's measured window (samples.csv's {@code measure} seconds) is cut into {@code windows} equal
 * windows of whole seconds (a remainder at the end is left out); a window's {@code rps} is the mean of its
 * seconds, {@code cpu_us_per_req} the target's mean CPU (% of a core) over them per request. Windows of
 * one instance are consecutive seconds of one load run: they measure what moves within an instance in
 * seconds. {@code start_s}: seconds from the first instance's launch to the window's first second,
 * taken as its instance's launch plus the load seconds recorded before it in samples.csv (the
 * launch and the idle connections' set-up are not counted: a lower bound good to a few seconds).
 * {@code status}: the cell's, from summary.csv; only {@link Status#judged} windows enter the analysis.
 */
public final class DimensionRows {

    /** dimension.csv's columns. */
    public static final List<String> COLUMNS = List.of("target", "scenario", "level", "round", "position", "instance",
            "window", "start_s", "window_s", "rps", "cpu_us_per_req", "status");

    private DimensionRows() {
    }

    /** dimension.csv's rows of an experiment folder, {@code windows} per cell. */
    public static List<Row> read(Path dir, int windows) throws IOException {
        Path order = dir.resolve("order.csv");
        if (!Files.isRegularFile(order)) {
            throw new IOException("no order.csv in " + dir + " (a folder of scripts/dimension)");
        }
        List<Row> out = new ArrayList<>();
        List<Row> instances = CsvTables.read(order);
        double t0 = instances.stream().mapToDouble(r -> r.num("start_epoch_s")).min().orElse(0);
        for (Row inst : instances) {
            Path folder = dir.resolve("instances").resolve(inst.text("instance"));
            if (!Files.isRegularFile(folder.resolve("samples.csv")) || !Files.isRegularFile(folder.resolve("summary.csv"))) {
                continue; // an instance that wrote nothing (interrupted): no windows
            }
            Map<String, Row> status = new LinkedHashMap<>();
            for (Row s : CsvTables.read(folder.resolve("summary.csv"))) {
                status.put(key(s), s);
            }
            Map<String, List<Row>> seconds = new LinkedHashMap<>();
            double loadBefore = 0;
            Map<String, Double> offset = new LinkedHashMap<>();
            for (Row s : CsvTables.read(folder.resolve("samples.csv"))) {
                String k = key(s);
                offset.putIfAbsent(k, loadBefore);
                loadBefore += 1;
                if (s.text("phase").equals("measure")) {
                    seconds.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
                }
            }
            double launch = inst.num("start_epoch_s") - t0;
            for (Map.Entry<String, List<Row>> cell : seconds.entrySet()) {
                Row summary = status.get(cell.getKey());
                if (summary == null) {
                    continue;
                }
                List<Row> measured = cell.getValue();
                int per = measured.size() / windows;
                for (int w = 0; w < windows && per > 0; w++) {
                    List<Row> part = measured.subList(w * per, (w + 1) * per);
                    double rps = part.stream().mapToDouble(r -> r.num("rps")).average().orElse(Double.NaN);
                    double cpu = part.stream().mapToDouble(r -> r.num("cpu_pct")).average().orElse(Double.NaN);
                    double start = launch + offset.get(cell.getKey()) + part.getFirst().num("t_s") - 1;
                    out.add(Row.builder(COLUMNS).put("target", inst.text("target")).put("scenario", summary.text("scenario"))
                            .put("level", Cells.Key.of(summary).level()).put("round", inst.text("round"))
                            .put("position", inst.text("position")).put("instance", inst.text("instance"))
                            .put("window", w + 1).put("start_s", start).put("window_s", per).put("rps", rps)
                            .put("cpu_us_per_req", rps > 0 ? cpu * 1e4 / rps : Double.NaN)
                            .put("status", summary.text("status")).build());
                }
            }
        }
        return out;
    }

    /** scenario, target and level of a summary.csv or samples.csv row. */
    private static String key(Row r) {
        return r.text("scenario") + " " + r.text("target") + " " + (long) r.num("connections") + " " + (long) r.num("rate")
                + " " + (long) r.num("idle");
    }

    /** The instances of each target of one scenario and level, from dimension.csv's judged rows; targets in legend order. */
    public static Map<String, List<VarianceComponents.Instance>> instances(List<Row> rows, String scenario, String level) {
        return instances(rows, scenario, level, "rps");
    }

    /**
     * As {@link #instances(List, String, String)}, with each window's {@code figure} (a dimension.csv column:
     * {@code rps} or {@code cpu_us_per_req}) in {@link VarianceComponents.Instance#rps}.
     */
    public static Map<String, List<VarianceComponents.Instance>> instances(List<Row> rows, String scenario, String level,
                                                                         String figure) {
        Map<String, Map<String, List<Row>>> byTarget = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.text("scenario").equals(scenario) && r.text("level").equals(level) && Status.of(r.text("status")).judged()) {
                byTarget.computeIfAbsent(r.text("target"), t -> new LinkedHashMap<>())
                        .computeIfAbsent(r.text("instance"), i -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<VarianceComponents.Instance>> out = new java.util.TreeMap<>(Looks.ORDER);
        byTarget.forEach((t, inst) -> out.put(t, inst.values().stream().map(w -> new VarianceComponents.Instance(
                (int) w.getFirst().num("round"), w.getFirst().num("start_s"),
                w.stream().mapToDouble(r -> r.num(figure)).toArray())).toList()));
        return out;
    }

    /** The windows of a scenario and level left out of the analysis, by status: "8 windows disturbed", or "". */
    public static String leftOut(List<Row> rows, String scenario, String level) {
        Map<String, Long> by = new java.util.TreeMap<>();
        for (Row r : rows) {
            if (r.text("scenario").equals(scenario) && r.text("level").equals(level) && !Status.of(r.text("status")).judged()) {
                by.merge(r.text("status"), 1L, Long::sum);
            }
        }
        return String.join(", ", by.entrySet().stream().map(e -> e.getValue() + " windows " + e.getKey()).toList());
    }

    /** The (scenario, level) pairs of dimension.csv, in order of appearance: "hello c16". */
    public static List<String[]> cells(List<Row> rows) {
        Map<String, String[]> seen = new LinkedHashMap<>();
        for (Row r : rows) {
            seen.putIfAbsent(r.text("scenario") + " " + r.text("level"), new String[] {r.text("scenario"), r.text("level")});
        }
        return List.copyOf(seen.values());
    }
}
