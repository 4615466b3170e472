package mpmbench.benchmarks.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.report.SlowClients;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** Claim 8 per target, and the slow-clients answer, on planted summary rows. */
class GracefulRestartClaimTest {

    private static Row restartRun(String target, int repeat, String status, long closed, long timeouts) {
        return Row.builder(Schemas.SUMMARY).put("scenario", "graceful-restart").put("target", target)
                .put("connections", 16).put("rate", 0.0).put("idle", 0).put("repeat", repeat).put("status", status)
                .put("reason", status.equals("ok") ? "" : "graceful restart 1 failed (exit 1): no pid file")
                .put("rps", 10000.0).put("errors", closed + timeouts).put("err_connect", 0).put("err_read", 0)
                .put("err_write", 0).put("err_timeout", timeouts).put("err_status", 0).put("err_parse", 0)
                .put("err_closed", closed).put("restarts", 3).build();
    }

    private static Map<String, Row> claim8(List<Row> summary) {
        return Claims.evaluate(summary).stream().filter(r -> r.text("claim").equals("8"))
                .collect(Collectors.toMap(r -> r.text("family"), r -> r));
    }

    @Test
    void holds_with_no_failed_request_in_any_repeat_and_not_with_one() {
        List<Row> summary = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            summary.add(restartRun("java-event", r, "ok", 0, 0));
            summary.add(restartRun("httpd-event", r, "ok", r == 2 ? 2 : 0, r == 2 ? 1 : 0));
        }
        Map<String, Row> c = claim8(summary);
        assertEquals("holds", c.get("java-event").text("verdict"), c.get("java-event").toString());
        assertEquals("0 failed requests across 3 repeats, 3 restarts each", c.get("java-event").text("note"));
        assertEquals("c16", c.get("java-event").text("level"));
        assertEquals("does not hold", c.get("httpd-event").text("verdict"));
        assertTrue(c.get("httpd-event").text("values").contains("r2=3 (err_timeout 1, err_closed 2)"),
                c.get("httpd-event").text("values"));
        // the per-target rows come after every family's claims
        List<Row> all = Claims.evaluate(summary);
        assertEquals("8", all.getLast().text("claim"));
    }

    @Test
    void not_measured_when_no_repeat_restarted_and_absent_when_the_scenario_did_not_run() {
        List<Row> summary = List.of(restartRun("nginx", 1, "failed", 0, 0));
        Row nginx = claim8(summary).get("nginx");
        assertEquals("not measured", nginx.text("verdict"));
        assertTrue(nginx.text("note").contains("failed (1 of 1)"), nginx.text("note"));
        assertTrue(claim8(List.of()).isEmpty());
    }

    private static Row slowStep(String target, int trickling, double rps) {
        return Row.builder(Schemas.SUMMARY).put("scenario", "slow-clients").put("target", target)
                .put("connections", 16).put("rate", 0.0).put("idle", trickling).put("repeat", 1).put("status", "ok")
                .put("rps", rps).build();
    }

    @Test
    void service_is_denied_at_the_first_step_under_a_tenth_of_step_zero() {
        List<Row> summary = List.of(slowStep("java-prefork", 0, 9000), slowStep("java-prefork", 64, 8000),
                slowStep("java-prefork", 512, 850), slowStep("java-prefork", 4096, 0),
                slowStep("java-event", 0, 9000), slowStep("java-event", 64, 9000), slowStep("java-event", 512, 7000),
                slowStep("java-event", 4096, 901));
        List<SlowClients.Denial> d = SlowClients.of(new Cells(summary).table());
        assertEquals(512, d.get(0).deniedAt(), d.toString());
        assertEquals("denied at 512 trickling connections (850 req/s there, 9000 with none)", d.get(0).text());
        assertEquals(-1, d.get(1).deniedAt());
        assertEquals("not denied up to 4096 trickling connections (> 4096)", d.get(1).text());
    }
}
