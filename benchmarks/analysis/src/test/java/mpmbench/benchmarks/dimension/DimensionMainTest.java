package mpmbench.benchmarks.dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** An experiment folder as scripts/dimension writes it, turned into dimension.csv, dimension.md and a chart. */
class DimensionMainTest {

    private static final List<String> ORDER = List.of("round", "position", "target", "instance", "start_epoch_s");

    /** One instance: hello at 16 connections, 2 s warm-up and 6 measured seconds of {@code rps} each (cpu 50 %). */
    private static void instance(Path dir, String name, String target, String status, double[] rps) throws IOException {
        Path f = Files.createDirectories(dir.resolve("instances").resolve(name));
        CsvTables.write(f.resolve("summary.csv"), Schemas.SUMMARY, List.of(Row.builder(Schemas.SUMMARY)
                .put("scenario", "hello").put("target", target).put("connections", 16).put("rate", 0.0).put("idle", 0)
                .put("repeat", 1).put("status", status).build()));
        List<Row> samples = new ArrayList<>();
        for (int s = 1; s <= 2 + rps.length; s++) {
            samples.add(Row.builder(Schemas.SAMPLES).put("scenario", "hello").put("target", target).put("connections", 16)
                    .put("rate", 0.0).put("idle", 0).put("repeat", 1).put("t_s", (double) s)
                    .put("phase", s <= 2 ? "warmup" : "measure").put("rps", s <= 2 ? 5 : rps[s - 3]).put("cpu_pct", 50.0).build());
        }
        CsvTables.write(f.resolve("samples.csv"), Schemas.SAMPLES, samples);
    }

    @Test
    void a_folder_becomes_windows_tables_and_a_chart(@TempDir Path dir) throws IOException {
        List<Row> order = new ArrayList<>();
        String[] targets = {"java-event", "nginx"};
        int position = 0;
        for (int round = 1; round <= 3; round++) {
            for (int p = 0; p < 2; p++) {
                String t = targets[(round + p) % 2]; // the order changes from round to round
                String name = String.format("r%02d-%s", round, t);
                double base = t.equals("nginx") ? 20000 : 10000;
                double level = base * (1 + 0.1 * round);
                instance(dir, name, t, round == 2 && t.equals("nginx") ? "generator-bound" : "ok",
                        new double[] {level, level, level * 1.02, level * 1.02, level * 0.98, level * 0.98});
                order.add(Row.builder(ORDER).put("round", round).put("position", p + 1).put("target", t)
                        .put("instance", name).put("start_epoch_s", 1000.0 + 60 * position++).build());
            }
        }
        CsvTables.write(dir.resolve("order.csv"), ORDER, order);
        assertEquals(0, DimensionMain.run(new String[] {dir.toString(), "--windows", "3"}));
        List<Row> rows = CsvTables.read(dir.resolve("dimension.csv"));
        assertEquals(6 * 3, rows.size());
        Row first = rows.getFirst();
        assertEquals("c16", first.text("level"));
        assertEquals(2, first.num("window_s"));
        assertEquals(50.0 * 1e4 / first.num("rps"), first.num("cpu_us_per_req"), 1e-3); // 3 decimals in the CSV
        // the first window of the first instance starts after its 2 warm-up seconds
        assertEquals(2, first.num("start_s"), 1e-9);
        String md = Files.readString(dir.resolve("dimension.md"));
        // the generator-bound instance is left out: nginx has 2 instances
        assertTrue(md.contains("| nginx | 2 | 3.0 |"), md);
        assertTrue(md.contains("| java-event / nginx | 2 |"), md);
        assertTrue(md.contains("Left out (not judged by the suite): 3 windows generator-bound."), md);
        assertTrue(Files.isRegularFile(dir.resolve("charts").resolve("dimension-hello-c16.png")));
        // CPU per request: cpu_pct is constant, so its windows are 1/rps and its sds are req/s's
        String[] rpsRow = md.lines().filter(l -> l.startsWith("| java-event | 3 |")).findFirst().orElseThrow().split(" \\| ");
        String[] cpuRow = md.lines().filter(l -> l.startsWith("| java-event | ") && !l.startsWith("| java-event | 3 |"))
                .findFirst().orElseThrow().split(" \\| ");
        assertTrue(md.contains("CPU per request, the same components"), md);
        assertEquals(rpsRow[4] + " " + rpsRow[5], cpuRow[2] + " " + cpuRow[3], md); // window sd, instance sd
    }

    @Test
    void a_folder_without_order_csv_or_one_window_is_refused(@TempDir Path dir) {
        assertEquals(2, DimensionMain.run(new String[] {dir.toString()}));
        assertEquals(2, DimensionMain.run(new String[] {dir.toString(), "--windows", "1"}));
    }
}
