package mpmbench.benchmarks.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * Claim 9 on planted tls-churn-resumed repeats: the resumption rate (tls_resumed / tls_handshakes) of
 * prefork against worker's, per family, from the interval of their ratio; not measured without
 * handshake counts (wrk) or when worker resumed nothing; generator-bound repeats count.
 */
class ResumptionClaimTest {

    private static Row repeat(String target, int repeat, String status, Object handshakes, Object resumed) {
        return Row.builder(Schemas.SUMMARY).put("scenario", Scenarios.TLS_CHURN_RESUMED).put("target", target)
                .put("status", status).put("keepalive", false).put("connections", 16).put("rate", 0).put("idle", 0)
                .put("repeat", repeat).put("tls_handshakes", handshakes).put("tls_resumed", resumed).build();
    }

    /** Three repeats of prefork and worker of a family, with the given resumed counts of 1000 handshakes each. */
    private static List<Row> family(String family, long[] prefork, long[] worker) {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= prefork.length; r++) {
            rows.add(repeat(family + "-prefork", r, "ok", 1000L, prefork[r - 1]));
            rows.add(repeat(family + "-worker", r, "ok", 1000L, worker[r - 1]));
        }
        return rows;
    }

    private static Row claim(List<Row> rows, String family) {
        return Claims.evaluate(rows).stream().filter(r -> r.text("claim").equals("9") && r.text("family").equals(family))
                .findFirst().orElseThrow();
    }

    @Test
    void holds_when_every_child_resumes_every_client_as_httpds_shared_cache_does() {
        Row c = claim(family("httpd", new long[] {998, 999, 997}, new long[] {999, 998, 999}), "httpd");
        assertEquals("holds", c.text("verdict"), c.toString());
        assertEquals("c16", c.text("level"));
        assertTrue(c.text("note").contains("httpd-prefork 2994 of 3000 (3 repeats)"), c.text("note"));
    }

    @Test
    void does_not_hold_when_prefork_children_resume_only_their_own_clients() {
        // our prefork: 5 child JVMs, each its own JSSE cache and ticket keys; worker: 2 children
        Row c = claim(family("java", new long[] {190, 210, 200}, new long[] {480, 520, 500}), "java");
        assertEquals("does not hold", c.text("verdict"), c.toString());
        assertEquals(0.4, c.num("ratio"), 0.01);
    }

    @Test
    void not_measured_without_handshake_counts() {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) { // wrk counts no handshakes: the tls_* columns are empty
            rows.add(repeat("httpd-prefork", r, "ok", "", ""));
            rows.add(repeat("httpd-worker", r, "ok", "", ""));
        }
        Row c = claim(rows, "httpd");
        assertEquals("not measured", c.text("verdict"), c.toString());
        assertTrue(c.text("note").contains("no handshake counted"), c.text("note"));
    }

    @Test
    void not_measured_when_the_threaded_model_resumed_nothing() {
        Row c = claim(family("java", new long[] {0, 0, 0}, new long[] {0, 0, 0}), "java");
        assertEquals("not measured", c.text("verdict"), c.toString());
        assertTrue(c.text("note").contains("java-worker resumed no handshake"), c.text("note"));
    }

    @Test
    void a_generator_bound_repeat_still_counts_its_resumptions() {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) { // a full handshake per request costs the generator a core
            rows.add(repeat("httpd-prefork", r, "generator-bound", 1000L, 990L + r));
            rows.add(repeat("httpd-worker", r, "generator-bound", 1000L, 995L - r));
        }
        assertEquals("holds", claim(rows, "httpd").text("verdict"));
    }

    @Test
    void a_run_without_the_scenario_is_not_measured() {
        Row c = claim(List.of(), "java");
        assertEquals("not measured", c.text("verdict"));
        assertTrue(c.text("note").contains("java-prefork tls-churn-resumed: not run"), c.text("note"));
    }
}
