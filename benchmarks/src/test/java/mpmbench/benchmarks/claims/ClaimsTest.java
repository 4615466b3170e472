package mpmbench.benchmarks.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.report.CsvTables;
import mpmbench.benchmarks.report.Row;

/** The claim checks on a fixed summary.csv (src/test/resources/fixture), verdict by verdict. */
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

    private static String verdict(String id) {
        return claims.get(id).text("verdict");
    }

    @Test
    void prefork_costs_more_memory_and_cpu_in_java_but_not_in_httpd() {
        assertEquals("holds", verdict("1a/java"));
        assertEquals("holds", verdict("1b/java"));
        assertEquals("does not hold", verdict("1a/httpd"));
        assertEquals("does not hold", verdict("1b/httpd"));
        assertEquals("java-prefork=400.000; java-worker=140.000; java-event=141.000", claims.get("1a/java").text("values"));
        assertEquals("pss_mb, hello at 256 connections", claims.get("1a/java").text("metric"));
    }

    @Test
    void startup_without_httpd_rows_is_not_measured() {
        assertEquals("holds", verdict("1c/java"));
        assertEquals("not measured", verdict("1c/httpd"));
    }

    @Test
    void crash_counts_lost_connections_not_timeouts() {
        // java-prefork has 12 errors but lost only 1 request with its connection.
        assertEquals("holds", verdict("2/java"));
        assertEquals("java-prefork=1.000; java-worker=15.000; java-event=9.000", claims.get("2/java").text("values"));
        // httpd-event's crash cell failed: not measured, and the note says which.
        assertEquals("not measured", verdict("2/httpd"));
        assertEquals("no ok result for httpd-event", claims.get("2/httpd").text("note"));
    }

    @Test
    void connections_per_mib_and_idle_keepalive() {
        assertEquals("holds", verdict("3/java"));
        assertEquals("does not hold", verdict("3/httpd"));
        assertEquals("holds", verdict("4/java"));
        assertEquals("holds", verdict("4/httpd"));
    }

    @Test
    void an_event_that_only_trickles_does_not_keep_serving() {
        java.util.function.BiFunction<String, String[], Row> row = (target, v) -> Row.builder(
                mpmbench.benchmarks.report.Schemas.SUMMARY).put("scenario", v[0]).put("target", target).put("status", "ok")
                .put("connections", 16).put("idle", Integer.parseInt(v[1])).put("rps", Double.parseDouble(v[2])).build();
        List<Row> rows = List.of(row.apply("httpd-event", new String[] {"hello", "0", "20000"}),
                row.apply("httpd-event", new String[] {"idle-keepalive", "300", "8"}),
                row.apply("httpd-worker", new String[] {"idle-keepalive", "300", "0"}),
                row.apply("httpd-prefork", new String[] {"idle-keepalive", "300", "0"}));
        Row c4 = Claims.evaluate(rows).stream().filter(r -> r.text("claim").equals("4") && r.text("family").equals("httpd"))
                .findFirst().orElseThrow();
        assertEquals("does not hold", c4.text("verdict"));
        assertEquals("event served 0 % of its hello rps", c4.text("note"));
    }

    @Test
    void cpu_bound_models_converge_and_peers_cannot_serve_cpu() {
        assertEquals("holds", verdict("6/java"));
        assertEquals("max / min = 1.08", claims.get("6/java").text("note"));
        assertEquals("not measured", verdict("6/httpd"));
    }

    @Test
    void java_orders_like_httpd_with_ties_within_ten_percent() {
        assertEquals("holds", verdict("7/java-vs-httpd"));
        assertEquals("6/6 pairs agree over hello@256 idle-keepalive@300", claims.get("7/java-vs-httpd").text("values"));
    }

    @Test
    void micro_claim_is_not_measured_without_jmh() {
        assertEquals("not measured", verdict("5/micro"));
    }
}
