package mpmbench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.catalogue.Design;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** {@code compare DIR} names the design env.csv records: a duet's pairs judged by round like ABBA's, and said so. */
class WithinRunDesignTest {

    private static Path run(Path dir, String design) throws IOException {
        Files.createDirectories(dir);
        List<Row> env = new ArrayList<>(List.of(
                Row.builder(Schemas.ENV).put("key", "schema_version").put("value", Schemas.VERSION).build(),
                Row.builder(Schemas.ENV).put("key", Design.KEY).put("value", design).build()));
        if (design.equals(Design.DUET)) {
            env.add(Row.builder(Schemas.ENV).put("key", Design.DUET_SCENARIOS_KEY).put("value", "hello").build());
            env.add(Row.builder(Schemas.ENV).put("key", Design.DUET_WARMUP_KEY).put("value", "5.0").build());
        }
        CsvTables.write(dir.resolve("env.csv"), Schemas.ENV, env);
        double[] machine = {0.8, 1.0, 1.2, 0.9};
        double[] own = {1.01, 0.99, 1.0, 1.005};
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= machine.length; r++) {
            rows.add(row("java-event", r, 10_000 * machine[r - 1] * own[r - 1] * 0.8)); // 20 % slower
            rows.add(row("base:java-event", r, 10_000 * machine[r - 1]));
        }
        CsvTables.write(dir.resolve("summary.csv"), Schemas.SUMMARY, rows);
        return dir;
    }

    private static Row row(String target, int r, double rps) {
        return Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", target).put("path", "/hello")
                .put("keepalive", true).put("connections", 16).put("rate", 0.0).put("idle", 0).put("repeat", r)
                .put("status", "ok").put("warmup_s", 5.0).put("rps", rps).put("p50_ms", 16 / rps * 1000)
                .put("p99_ms", 64 / rps * 1000).put("cpu_us_per_req", 1e6 / rps).put("loadgen_cpu_pct", 50.0).build();
    }

    @Test
    void a_duet_run_is_judged_paired_by_round_and_compare_md_names_the_design(@TempDir Path tmp) throws IOException {
        for (String design : List.of(Design.DUET, Design.SEQUENTIAL)) {
            Path dir = run(tmp.resolve(design), design);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = CompareMain.execute(new String[] {dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(1, code, "20 % slower in every round is a regression");
            Row rps = CsvTables.read(dir.resolve("compare.csv")).stream().filter(r -> r.text("figure").equals("rps"))
                    .findFirst().orElseThrow();
            assertEquals(0.8, rps.num("ratio"), 0.02, "the per-round ratios, paired: the machine's drift cancels");
            String md = Files.readString(dir.resolve("compare.md"));
            if (design.equals(Design.DUET)) {
                assertTrue(md.contains("Design: duet: hello measured with java-X and base:java-X at the same time"), md);
            } else {
                assertFalse(md.contains("Design: duet"), md);
                assertTrue(md.contains("(ABBA)"), md);
            }
        }
    }
}
