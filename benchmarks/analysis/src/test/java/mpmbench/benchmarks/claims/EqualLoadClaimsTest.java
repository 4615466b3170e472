package mpmbench.benchmarks.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * Claims 1a and 1b read at equal load too: a row of their own with its level, which decides, the
 * saturation row beside it; a run without equal-load keeps its saturation rows alone.
 */
class EqualLoadClaimsTest {

    /**
     * At saturation (hello c16) prefork's CPU per request is 1.5 × the others' (fewer requests per wake-up);
     * at 9300 req/s for all it is 1.02 × (the same work): saturation says holds, equal load does not.
     */
    private static List<Row> run(boolean withEqualLoad) {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            for (String m : List.of("prefork", "worker", "event")) {
                boolean p = m.equals("prefork");
                rows.add(Row.builder(Schemas.SUMMARY).putAll(ClaimRulesTest.row("hello", "java-" + m, 16, 0, r,
                        "cpu_us_per_req", (p ? 75 : 50) + r * 0.5)).put("pss_mb", (p ? 300 : 100) + r).build());
                if (withEqualLoad) {
                    rows.add(Row.builder(Schemas.SUMMARY).putAll(ClaimRulesTest.row("equal-load", "java-" + m, 64, 0, r,
                                    "cpu_us_per_req", (p ? 51 : 50) + r * 0.5)).put("rate", 9300)
                            .put("pss_mb", (p ? 290 : 100) + r).build());
                }
            }
        }
        return rows;
    }

    private static List<Row> rows(List<Row> claims, String id) {
        return claims.stream().filter(r -> r.text("claim").equals(id) && r.text("family").equals("java")).toList();
    }

    @Test
    void equal_load_decides_and_saturation_is_shown_beside_it() {
        List<Row> cpu = rows(Claims.evaluate(run(true)), "1b");
        assertEquals(List.of("c16", "c64-r9300"), cpu.stream().map(r -> r.text("level")).toList());
        Row saturation = cpu.get(0);
        Row equal = cpu.get(1);
        assertEquals("holds", saturation.text("verdict"), saturation.toString());
        assertTrue(saturation.text("note").endsWith(PreforkCostsMore.SHOWN), saturation.text("note"));
        assertEquals("does not hold", equal.text("verdict"), equal.toString());
        assertTrue(equal.text("note").startsWith(PreforkCostsMore.DECIDES), equal.text("note"));
        assertEquals("cpu_us_per_req, equal-load at 9300 req/s", equal.text("metric"));
        assertEquals("3", equal.text("rounds"));
        // memory: both readings hold, equal load's row deciding
        List<Row> memory = rows(Claims.evaluate(run(true)), "1a");
        assertEquals(List.of("holds", "holds"), memory.stream().map(r -> r.text("verdict")).toList());
        assertEquals("c64-r9300", memory.get(1).text("level"));
        // claims.csv lists 1a's two rows, then 1b's
        List<String> order = Claims.evaluate(run(true)).stream().filter(r -> r.text("family").equals("java"))
                .map(r -> r.text("claim") + " " + r.text("level")).limit(4).toList();
        assertEquals(List.of("1a c16", "1a c64-r9300", "1b c16", "1b c64-r9300"), order);
    }

    @Test
    void without_equal_load_the_saturation_rows_stand_alone_as_before() {
        List<Row> cpu = rows(Claims.evaluate(run(false)), "1b");
        assertEquals(1, cpu.size(), cpu.toString());
        assertEquals("c16", cpu.getFirst().text("level"));
        assertTrue(cpu.getFirst().text("note").startsWith("prefork / max(worker, event) = ")
                && !cpu.getFirst().text("note").contains("equal load"), cpu.getFirst().text("note"));
    }

    @Test
    void an_equal_load_row_reads_the_equal_load_cells() {
        List<Claims.Judged> all = Claims.judge(new RunData(new mpmbench.benchmarks.results.Cells(run(true)),
                new mpmbench.benchmarks.results.JmhResults(List.of()), List.of()));
        Claims.Judged equal = all.stream().filter(j -> j.row().text("claim").equals("1b")
                && j.row().text("level").equals("c64-r9300")).findFirst().orElseThrow();
        assertEquals(List.of("equal-load java-prefork c64-r9300", "equal-load java-worker c64-r9300",
                "equal-load java-event c64-r9300"), equal.cells().stream().map(Object::toString).toList());
    }
}
