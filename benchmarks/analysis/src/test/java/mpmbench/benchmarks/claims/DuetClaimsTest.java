package mpmbench.benchmarks.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** A run of suite --duet: no claim is judged from a cell that shared its core with the other build. */
class DuetClaimsTest {

    /** hello for both families and the base build, idle-keepalive for java; java's hello 2x httpd's. */
    private static List<Row> run(int rounds) {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            for (String m : List.of("prefork", "worker", "event")) {
                double cpu = (m.equals("prefork") ? 30 : 20) + r * 0.1; // prefork costs 1.5x: claim 1b holds alone
                rows.add(withCpu(ClaimRulesTest.row("hello", "java-" + m, 16, 0, r, "rps", 2000 + r), cpu));
                rows.add(withCpu(ClaimRulesTest.row("hello", "base:java-" + m, 16, 0, r, "rps", 2000 + r), cpu));
                rows.add(withCpu(ClaimRulesTest.row("hello", "httpd-" + m, 16, 0, r, "rps", 1000 + r), cpu));
                rows.add(ClaimRulesTest.row("idle-keepalive", "java-" + m, 16, 300, r, "rps", 1000 + r));
            }
        }
        return rows;
    }

    private static Row withCpu(Row r, double cpuUsPerReq) {
        return Row.builder(Schemas.SUMMARY).putAll(r).put("cpu_us_per_req", cpuUsPerReq).build();
    }

    @Test
    void a_row_that_reads_a_duet_cell_is_not_measured_and_every_other_row_is_judged_as_before() {
        RunData data = new RunData(new Cells(run(3)), new JmhResults(List.of()), List.of());
        List<Claims.Judged> alone = Claims.judge(data);
        List<Claims.Judged> duet = Claims.judge(data, Set.of("hello"));
        assertEquals(alone.size(), duet.size());
        int marked = 0;
        for (int i = 0; i < alone.size(); i++) {
            Row a = alone.get(i).row();
            Row d = duet.get(i).row();
            boolean readsDuet = alone.get(i).cells().stream()
                    .anyMatch(k -> k.scenario().equals("hello") && k.target().startsWith("java-"));
            if (readsDuet) {
                marked++;
                assertEquals(Verdict.NOT_MEASURED.text(), d.text("verdict"), d.toString());
                assertTrue(d.text("note").contains("measured as a duet"), d.text("note"));
                assertEquals("", d.text("ratio"));
                assertEquals(a.text("values"), d.text("values"));
            } else {
                assertEquals(a.cells(), d.cells(), "a claim read from cells measured alone is judged as before");
            }
        }
        assertTrue(marked > 0, "java's hello claims read the duet cells");
        assertEquals(Verdict.HOLDS.text(), verdict(alone, "1b", "java"), "measured alone, 1b is decided");
        assertEquals(Verdict.NOT_MEASURED.text(), verdict(duet, "1b", "java"));
        assertEquals(verdict(alone, "1b", "httpd"), verdict(duet, "1b", "httpd"), "the peers ran alone");
        // a sequential run's claims are the same as before
        List<Claims.Judged> sequential = Claims.judge(data, Set.of());
        for (int i = 0; i < alone.size(); i++) {
            assertEquals(alone.get(i).row().cells(), sequential.get(i).row().cells());
        }
    }

    private static String verdict(List<Claims.Judged> all, String id, String family) {
        return all.stream().filter(j -> j.row().text("claim").equals(id) && j.row().text("family").equals(family))
                .findFirst().orElseThrow().row().text("verdict");
    }
}
