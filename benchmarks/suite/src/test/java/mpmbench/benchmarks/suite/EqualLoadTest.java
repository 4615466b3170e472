package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenario;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.SuiteKind;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** equal-load's rate: half the lowest hello knee of a family's targets, from the run's own cells. */
class EqualLoadTest {

    private static Row hello(String target, int connections, int repeat, double rps, String status) {
        return Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", target).put("connections", connections)
                .put("rate", 0).put("idle", 0).put("repeat", repeat).put("status", status).put("rps", rps).build();
    }

    private static List<TargetSpec> targets(String... names) {
        return java.util.Arrays.stream(names).map(TargetSpec::parse).toList();
    }

    @Test
    void a_familys_rate_is_half_its_lowest_knee_over_the_levels_each_target_ran() {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            rows.add(hello("java-prefork", 1, r, 4_000 + r, "ok"));
            rows.add(hello("java-prefork", 16, r, 18_694 + r, "ok")); // prefork's knee, the lowest: median 18696
            rows.add(hello("java-event", 1, r, 5_000, "ok"));
            rows.add(hello("java-event", 16, r, 41_000 + r, "ok"));
            rows.add(hello("base:java-event", 16, r, 9_000, "ok")); // the base build is of the java family
            rows.add(hello("httpd-event", 16, r, 30_000, "ok"));
            rows.add(hello("httpd-prefork", 16, r, 1_000, "failed")); // no measured repeat: no knee
            rows.add(hello("httpd-worker", 16, r, 24_000 + 100 * r, "disturbed")); // not judged: a lower bound
        }
        List<TargetSpec> targets = new ArrayList<>(targets("java-prefork", "java-event", "httpd-prefork", "httpd-event",
                "nginx"));
        List<TargetSpec> withWorker = new ArrayList<>(targets);
        withWorker.add(TargetSpec.parse("httpd-worker"));
        targets.add(TargetSpec.parse("java-event").asBase());
        Map<String, EqualLoad.Rate> rates = EqualLoad.rates(targets, new Cells(rows));
        assertEquals(List.of("java", "httpd"), List.copyOf(rates.keySet()), rates.toString());
        assertEquals(4_500, rates.get("java").rate(), rates.toString()); // 50 % of base:java-event's 9000
        assertTrue(rates.get("java").why().contains("base:java-event at c16"), rates.get("java").why());
        assertEquals(15_000, rates.get("httpd").rate());
        assertTrue(rates.get("httpd").why().endsWith("no hello median: httpd-prefork"), rates.get("httpd").why());
        // without the base build the lowest knee is prefork's at 16 connections, not its c1
        Map<String, EqualLoad.Rate> own = EqualLoad.rates(targets("java-prefork", "java-event"), new Cells(rows));
        assertEquals(9_300, own.get("java").rate(), own.toString());
        // httpd-worker's only repeats were disturbed: its 24200 req/s it at least reached is its knee
        EqualLoad.Rate httpd = EqualLoad.rates(withWorker, new Cells(rows)).get("httpd");
        assertEquals(12_000, httpd.rate(), httpd.toString());
        assertTrue(httpd.why().contains("httpd-worker at c16, from repeats not judged: a lower bound"), httpd.why());
    }

    @Test
    void a_knee_is_taken_where_the_target_had_as_many_connections_as_equal_load_opens() {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            // full's levels; java-prefork's best is its c1 (one child, no contention), useless at 64 connections
            rows.add(hello("java-prefork", 1, r, 22_904, "ok"));
            rows.add(hello("java-prefork", 16, r, 6_958, "ok"));
            rows.add(hello("java-prefork", 256, r, 7_500, "ok"));
            rows.add(hello("java-event", 1, r, 30_000, "ok"));
            rows.add(hello("java-event", 16, r, 45_000, "ok"));
            rows.add(hello("java-event", 256, r, 40_000, "ok"));
        }
        EqualLoad.Rate java = EqualLoad.rates(targets("java-prefork", "java-event"), new Cells(rows)).get("java");
        assertEquals(3_700, java.rate(), java.toString()); // half of prefork's c256, not 11000 from its c1
        assertTrue(java.why().contains("java-prefork at c256"), java.why());
        // a level without a measured repeat does not count as the target's most connections
        rows.add(hello("java-prefork", 512, 1, 900, "failed"));
        assertEquals(3_700, EqualLoad.rates(targets("java-prefork", "java-event"), new Cells(rows)).get("java").rate());
    }

    @Test
    void equal_load_without_hello_is_a_bad_flag() {
        SuiteMain m = ParsedSuite.command("quick", "--scenarios", "equal-load", "--root", "/repo");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ParsedSuite.plan(m));
        assertEquals("--scenarios: equal-load needs hello in the same run (its rate is half the lowest hello knee of "
                + "each family)", e.getMessage());
        SuitePlan ok = ParsedSuite.plan("quick", "--scenarios", "hello,equal-load", "--root", "/repo");
        assertEquals(List.of("hello", "equal-load"), ok.scenarios().stream().map(Scenario::name).toList());
    }

    @Test
    void the_rate_is_rounded_down_to_two_significant_digits() {
        assertEquals(9_300, EqualLoad.roundDown(9_347.9));
        assertEquals(810, EqualLoad.roundDown(812));
        assertEquals(45, EqualLoad.roundDown(45.7));
        assertEquals(1, EqualLoad.roundDown(0.2));
        assertEquals(1, EqualLoad.roundDown(Double.NaN));
    }

    @Test
    void equal_load_runs_one_open_model_level_at_the_rate_and_full_runs_it_by_default() {
        Scenario s = Scenarios.byName(SuiteKind.FULL, 2).get(Scenarios.EQUAL_LOAD);
        Scenario at = EqualLoad.at(s, 9_300);
        assertEquals(List.of(new Level(Scenarios.EQUAL_LOAD_CONNECTIONS, 9_300, 0)), at.levels());
        assertEquals("c16-r9300", at.levels().getFirst().label());
        assertTrue(Scenarios.defaults(SuiteKind.FULL, 2).contains(Scenarios.EQUAL_LOAD));
        assertFalse(Scenarios.defaults(SuiteKind.QUICK, 2).contains(Scenarios.EQUAL_LOAD));
        assertEquals(List.of("equal_load_rate_java"), EqualLoad.envRows(Map.of("java",
                new EqualLoad.Rate("java", 9_300, "why"))).stream().map(r -> r.text("key")).toList());
    }
}
