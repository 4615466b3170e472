package mpmbench.benchmarks.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;

/**
 * Which cells each claims.csv row reads (what {@code suite --until-decided} gives another round while
 * the row is inconclusive) and the {@code rounds} its verdict rests on.
 */
class ClaimCellsTest {

    /** hello at 16 connections for both families, idle-keepalive for java, a base build's hello, cpu for java. */
    private static List<Row> run(int rounds) {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            for (String m : List.of("prefork", "worker", "event")) {
                rows.add(ClaimRulesTest.row("hello", "java-" + m, 16, 0, r, "rps", 1000 + r));
                rows.add(ClaimRulesTest.row("hello", "httpd-" + m, 16, 0, r, "rps", 1000 + r));
                rows.add(ClaimRulesTest.row("idle-keepalive", "java-" + m, 16, 300, r, "rps", 1000 + r));
                rows.add(ClaimRulesTest.row("cpu", "java-" + m, 4, 0, r, "rps", 1000 + r));
            }
            rows.add(ClaimRulesTest.row("hello", "base:java-event", 16, 0, r, "rps", 1000 + r));
        }
        return rows;
    }

    private static Claims.Judged judged(List<Claims.Judged> all, String id, String family) {
        return all.stream().filter(j -> j.row().text("claim").equals(id) && j.row().text("family").equals(family))
                .findFirst().orElseThrow();
    }

    private static Set<String> names(Claims.Judged j) {
        return j.cells().stream().map(Cells.Key::toString).collect(Collectors.toSet());
    }

    @Test
    void each_row_reads_its_claims_scenarios_for_its_familys_targets_only() {
        List<Claims.Judged> all = Claims.judge(new RunData(new Cells(run(3)), new JmhResults(List.of()), List.of()));
        assertEquals(Set.of("hello java-prefork c16", "hello java-worker c16", "hello java-event c16"),
                names(judged(all, "1b", "java")));
        assertEquals(Set.of("hello httpd-prefork c16", "hello httpd-worker c16", "hello httpd-event c16"),
                names(judged(all, "1b", "httpd")));
        // claim 4 reads idle-keepalive and event's hello beside it
        assertTrue(names(judged(all, "4", "java")).containsAll(Set.of("idle-keepalive java-event c16-i300",
                "hello java-event c16")), names(judged(all, "4", "java")).toString());
        // claim 7 reads both families, never the base build's cells
        Set<String> seven = names(judged(all, "7", "java-vs-httpd"));
        assertTrue(seven.contains("hello java-prefork c16") && seven.contains("hello httpd-event c16"), seven.toString());
        assertFalse(seven.stream().anyMatch(s -> s.contains("base:")), seven.toString());
        assertEquals(Set.of("cpu java-prefork c4", "cpu java-worker c4", "cpu java-event c4"), names(judged(all, "6", "java")));
        // the micro benchmarks read no cell
        assertEquals(Set.of(), judged(all, "5", "micro").cells());
    }

    @Test
    void rounds_is_the_most_repeats_among_the_cells_a_row_reads() {
        List<Row> rows = new ArrayList<>(run(3));
        // java-prefork's hello got two more rounds (suite --until-decided), httpd none
        rows.add(ClaimRulesTest.row("hello", "java-prefork", 16, 0, 4, "rps", 1004));
        rows.add(ClaimRulesTest.row("hello", "java-prefork", 16, 0, 5, "rps", 1005));
        List<Row> claims = Claims.evaluate(rows);
        assertEquals("5", claims.stream().filter(r -> r.text("claim").equals("1b") && r.text("family").equals("java"))
                .findFirst().orElseThrow().text("rounds"));
        assertEquals("3", claims.stream().filter(r -> r.text("claim").equals("1b") && r.text("family").equals("httpd"))
                .findFirst().orElseThrow().text("rounds"));
        assertEquals("", claims.stream().filter(r -> r.text("claim").equals("5")).findFirst().orElseThrow().text("rounds"));
    }

    @Test
    void a_family_owns_its_targets_and_a_per_target_row_its_target() {
        assertTrue(ClaimCells.inFamily("java-virtual", "java"));
        assertFalse(ClaimCells.inFamily("javax", "java"));
        assertFalse(ClaimCells.inFamily("base:java-event", "java"));
        assertTrue(ClaimCells.inFamily("nginx", "nginx"));
        assertFalse(ClaimCells.inFamily("nginx", ClaimCells.BOTH));
        assertTrue(ClaimCells.inFamily("httpd-worker", ClaimCells.BOTH));
    }
}
