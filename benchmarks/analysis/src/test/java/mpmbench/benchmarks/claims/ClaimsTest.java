package mpmbench.benchmarks.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * The claim checks on a fixed summary.csv (src/test/resources/fixture: three repeats per cell, ±3 %
 * apart), verdict by verdict, and on small planted cases for the inconclusive answer.
 */
class ClaimsTest {

    private static Map<String, Row> claims;

    @BeforeAll
    static void evaluate() throws Exception {
        List<Row> summary;
        try (var in = new InputStreamReader(ClaimsTest.class.getResourceAsStream("/fixture/summary.csv"),
                StandardCharsets.UTF_8)) {
            summary = CsvTables.read(in);
        }
        claims = Claims.evaluate(summary).stream()
                .collect(Collectors.toMap(r -> r.text("claim") + "/" + r.text("family"), r -> r));
    }

    private static void assertVerdict(String expected, String id) {
        assertEquals(expected, claims.get(id).text("verdict"), claims.get(id).toString());
    }

    @Test
    void prefork_costs_more_memory_and_cpu_in_java_but_not_in_httpd() {
        assertVerdict("holds", "1a/java");
        assertVerdict("holds", "1b/java");
        assertVerdict("does not hold", "1a/httpd");
        assertVerdict("does not hold", "1b/httpd");
        assertEquals("java-prefork=400.000 [370.190, 429.810] (n=3); java-worker=140.000 [129.567, 150.433] (n=3); "
                + "java-event=141.000 [130.492, 151.508] (n=3)", claims.get("1a/java").text("values"));
        assertEquals("pss_mb, hello at 256 connections", claims.get("1a/java").text("metric"));
        // the deciding ratio is prefork / event, the larger of the two others, with its paired interval: the
        // fixture's targets all move by the same share from round to round, which the per-round ratio removes
        Row c = claims.get("1a/java");
        assertEquals(400.0 / 141.0, c.num("ratio"), 1e-3);
        assertEquals("paired", c.text("ratio_method"));
        assertTrue(c.num("ratio_ci_low") > Claims.MORE && c.num("ratio_ci_low") <= c.num("ratio")
                && c.num("ratio_ci_high") >= c.num("ratio"), c.toString());
    }

    @Test
    void startup_without_httpd_rows_is_not_measured() {
        assertVerdict("holds", "1c/java");
        assertVerdict("not measured", "1c/httpd");
    }

    @Test
    void crash_counts_lost_connections_not_timeouts() {
        // java-prefork has 12 errors but lost only 1 request with its connection.
        assertVerdict("holds", "2/java");
        assertTrue(claims.get("2/java").text("values").startsWith("java-prefork=1.000 [1.000, 1.000] (n=3); java-worker=15.000"),
                claims.get("2/java").text("values"));
        // httpd-event's crash cell failed: not measured, and the note says which and why.
        assertVerdict("not measured", "2/httpd");
        assertEquals("no ok result for crash httpd-event c16: failed (3 of 3)", claims.get("2/httpd").text("note"));
    }

    @Test
    void connections_per_mib_and_idle_keepalive() {
        assertVerdict("holds", "3/java");
        assertVerdict("does not hold", "3/httpd");
        assertVerdict("holds", "4/java");
        assertVerdict("holds", "4/httpd");
    }

    /** A summary.csv row of one repeat with status ok. */
    static Row row(String scenario, String target, int idle, int repeat, String column, double value) {
        return Row.builder(Schemas.SUMMARY).put("scenario", scenario).put("target", target).put("status", "ok")
                .put("connections", 16).put("rate", 0).put("idle", idle).put("repeat", repeat).put(column, value).build();
    }

    @Test
    void an_event_that_only_trickles_does_not_keep_serving() {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            rows.add(row("hello", "httpd-event", 0, r, "rps", 20000 + 100 * r));
            rows.add(row("idle-keepalive", "httpd-event", 300, r, "rps", 7 + r));
            rows.add(row("idle-keepalive", "httpd-worker", 300, r, "rps", 0));
            rows.add(row("idle-keepalive", "httpd-prefork", 300, r, "rps", 0));
        }
        Row c4 = claim(rows, "4", "httpd");
        assertEquals("does not hold", c4.text("verdict"));
        assertTrue(c4.text("note").contains("event served 0 % of its hello rps"), c4.text("note"));
    }

    @Test
    void a_ratio_whose_interval_straddles_the_threshold_is_inconclusive_and_says_what_would_decide_it() {
        // prefork 24 % above the others on average, but its repeats scatter by ±12 %
        List<Row> rows = new ArrayList<>();
        double[] prefork = {110, 125, 140};
        for (int r = 1; r <= 3; r++) {
            rows.add(row("hello", "java-prefork", 0, r, "pss_mb", prefork[r - 1]));
            rows.add(row("hello", "java-worker", 0, r, "pss_mb", 100 + r));
            rows.add(row("hello", "java-event", 0, r, "pss_mb", 99 + r));
        }
        Row c = claim(rows, "1a", "java");
        assertEquals("inconclusive", c.text("verdict"));
        assertTrue(c.num("ratio_ci_low") < Claims.MORE && c.num("ratio_ci_high") > Claims.MORE, c.toString());
        assertTrue(c.num("repeats_needed") > 3, c.toString());
    }

    @Test
    void generator_bound_repeats_count_for_memory_only_and_the_note_says_why_cpu_is_not_measured() {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            rows.add(Row.builder(Schemas.SUMMARY).putAll(row("hello", "java-prefork", 0, r, "pss_mb", 400 + r))
                    .put("cpu_us_per_req", 90 + r).build());
            rows.add(Row.builder(Schemas.SUMMARY).putAll(row("hello", "java-worker", 0, r, "pss_mb", 100 + r))
                    .put("cpu_us_per_req", 30 + r).build());
            rows.add(Row.builder(Schemas.SUMMARY).putAll(row("hello", "java-event", 0, r, "pss_mb", 100 + r))
                    .put("cpu_us_per_req", 30 + r).put("status", "generator-bound").build());
        }
        // the target's memory at the load it got is its own: 1a is decided on all three repeats
        Row memory = claim(rows, "1a", "java");
        assertEquals("holds", memory.text("verdict"), memory.toString());
        assertTrue(memory.text("values").contains("java-event=102.000 [") && memory.text("values").endsWith("(n=3)"),
                memory.text("values"));
        assertEquals("c16", memory.text("level"));
        // its CPU per request is at the generator's pace: not judged
        Row cpu = claim(rows, "1b", "java");
        assertEquals("not measured", cpu.text("verdict"));
        assertEquals("no ok result for hello java-event c16: generator-bound (3 of 3)", cpu.text("note"));
    }

    @Test
    void a_disturbed_or_invalid_repeat_gives_no_memory() {
        for (String status : List.of("disturbed", "invalid", "failed")) {
            List<Row> rows = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                rows.add(row("hello", "java-prefork", 0, r, "pss_mb", 400 + r));
                rows.add(row("hello", "java-worker", 0, r, "pss_mb", 100 + r));
                rows.add(Row.builder(Schemas.SUMMARY).putAll(row("hello", "java-event", 0, r, "pss_mb", 100 + r))
                        .put("status", status).build());
            }
            Row c = claim(rows, "1a", "java");
            assertEquals("not measured", c.text("verdict"), status);
            assertEquals("no ok result for hello java-event c16: " + status + " (3 of 3)", c.text("note"));
        }
    }

    @Test
    void unsettled_repeats_count_and_a_claim_of_several_ratios_shows_the_undecided_one() {
        List<Row> rows = new ArrayList<>();
        double[] event = {80, 120, 100};
        for (int r = 1; r <= 3; r++) {
            rows.add(Row.builder(Schemas.SUMMARY).putAll(row("hello", "java-prefork", 0, r, "pss_mb", 400))
                    .put("status", "unsettled").build());
            rows.add(row("hello", "java-worker", 0, r, "pss_mb", 100 + r));
            rows.add(row("hello", "java-event", 0, r, "pss_mb", event[r - 1] * 3.2));
        }
        Row c = claim(rows, "1a", "java");
        // prefork / worker clears 1.1 by far; prefork / event (about 1.25, spread ±20 %) does not: that one is shown
        assertEquals("inconclusive", c.text("verdict"), c.toString());
        // paired by round: the geometric mean of 400/256, 400/384 and 400/320 (the ratio of the medians is 1.25)
        assertEquals(Math.cbrt(400 / 256.0 * 400 / 384.0 * 400 / 320.0), c.num("ratio"), 1e-3);
        assertEquals("paired", c.text("ratio_method"));
    }

    private static Row claim(List<Row> rows, String id, String family) {
        return Claims.evaluate(rows).stream().filter(r -> r.text("claim").equals(id) && r.text("family").equals(family))
                .findFirst().orElseThrow();
    }

    @Test
    void cpu_bound_models_converge_and_peers_cannot_serve_cpu() {
        assertVerdict("holds", "6/java"); // every pair's interval at or below 1.25
        // paired by round: the fixture's rounds move every target by the same share, so the interval is the point
        assertTrue(claims.get("6/java").text("note").startsWith("java-virtual / java-prefork = 1.075 [1.075, 1.075]"),
                claims.get("6/java").text("note"));
        assertVerdict("not measured", "6/httpd");
    }

    @Test
    void java_orders_like_httpd_counts_only_pairs_decided_on_both_sides() {
        // 6 pairs compared, 5 of them decided on both sides (2 of them tied on one side and ordered on the
        // other: disagreements), 3 agree: fewer than 3/4. Once "6/6 agree" (undecided pairs counted as agreement)
        assertVerdict("does not hold", "7/java-vs-httpd");
        assertEquals("3/5 pairs decided on both sides agree (1 of 6 undecided on a side) over hello@c256 idle-keepalive@c16-i300",
                claims.get("7/java-vs-httpd").text("values"));
        assertEquals("all", claims.get("7/java-vs-httpd").text("level"));
    }

    @Test
    void every_claim_names_the_level_it_was_decided_at() {
        assertEquals("c256", claims.get("1a/java").text("level"));
        assertEquals("c16-i300", claims.get("3/java").text("level"));
        assertEquals("c16-i300", claims.get("4/httpd").text("level"));
        assertEquals("c16", claims.get("2/java").text("level"));
    }

    @Test
    void an_unbounded_ratio_is_written_inf_never_empty() {
        // worker and prefork served 0 req/s in every repeat: event / max(worker, prefork) is infinite
        Row c = claims.get("4/java");
        assertEquals("inf", c.text("ratio"), c.toString());
        assertEquals("inf", c.text("ratio_ci_low"));
        assertEquals("inf", c.text("ratio_ci_high"));
    }

    @Test
    void micro_claim_is_not_measured_without_jmh() {
        assertVerdict("not measured", "5/micro");
    }
}
