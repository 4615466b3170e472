package mpmbench.benchmarks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** Each invariant on a row that keeps it and one that breaks it; {@link Invariants#apply} marks only the latter. */
class InvariantsTest {

    /** A closed-model hello repeat of java-event on one pinned core: keeps every rule (from a real row). */
    private static Row.Builder hello() {
        return Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", "java-event").put("path", "/hello")
                .put("keepalive", true).put("connections", 16).put("rate", 0.0).put("idle", 0).put("repeat", 1)
                .put("status", "ok").put("requests", 213348L).put("rps", 42669.6).put("errors", 0L)
                .put("err_timeout", 0).put("err_read", 0).put("p50_ms", 0.022).put("p90_ms", 0.025).put("p99_ms", 0.036)
                .put("p999_ms", 0.151).put("max_ms", 12.551).put("cpu_us_per_req", 23.392).put("rss_mb", 195.4)
                .put("ctx_switches_per_req", 4.277);
    }

    /** An open-model repeat at 8000 req/s that accounts for every scheduled request. */
    private static Row.Builder open() {
        return hello().put("scenario", "rate-sweep").put("rate", 8000.0).put("rps", 7990.0).put("requests", 39950L)
                .put("scheduled", 40000L).put("err_timeout", 20).put("err_read", 10).put("unsent", 15L)
                .put("unanswered", 5L).put("errors", 30L);
    }

    private static final double ONE_CORE = 1;

    private static List<String> broken(Row r) {
        return Invariants.check(r, ONE_CORE).stream().map(b -> b.rule().name()).toList();
    }

    private static void keepsAndBreaks(Invariants.Rule rule, Row.Builder good, UnaryOperator<Row.Builder> breakIt) {
        assertEquals(List.of(), broken(good.build()), "the good row");
        assertEquals(List.of(rule.name()), broken(breakIt.apply(good).build()), rule.name());
    }

    @Test
    void non_negative() {
        keepsAndBreaks(Invariants.NON_NEGATIVE, hello(), b -> b.put("cpu_us_per_req", -152.459));
        keepsAndBreaks(Invariants.NON_NEGATIVE, hello(), b -> b.put("ctx_switches_per_req", -5.396));
        assertTrue(Invariants.check(hello().put("restart_at_s", "1.5;-0.2").build(), ONE_CORE).getFirst().detail()
                .contains("restart_at_s 1.5;-0.2"));
    }

    @Test
    void cpu_within_the_cores_the_target_may_use() {
        // 23.4 µs × 42.7k req/s = 1.00 CPUs: within one core + 2 %; 26 µs is 1.11
        keepsAndBreaks(Invariants.CPU_WITHIN_CORES, hello(), b -> b.put("cpu_us_per_req", 26.0));
        Row r = hello().put("cpu_us_per_req", 26.0).build();
        assertEquals(List.of(), Invariants.check(r, 2), "two cores may be used");
        assertEquals(List.of(), Invariants.check(r, Double.NaN), "cores unknown: the rule does not apply");
    }

    @Test
    void an_ok_row_has_requests() {
        keepsAndBreaks(Invariants.OK_HAS_REQUESTS, hello(), b -> b.put("requests", 0L).put("p999_ms", Double.NaN));
        assertEquals(List.of(), broken(hello().put("status", "stalled").put("requests", 0L).put("p999_ms", Double.NaN)
                .build()), "a stall named so");
        assertEquals(List.of(), broken(hello().put("scenario", "startup").put("requests", Double.NaN).build()),
                "startup has no requests column value");
    }

    @Test
    void percentiles_monotonic() {
        keepsAndBreaks(Invariants.PERCENTILES_MONOTONIC, hello(), b -> b.put("p99_ms", 0.2));
    }

    @Test
    void p999_only_from_enough_samples() {
        keepsAndBreaks(Invariants.P999_SAMPLES, hello().put("requests", Schemas.P999_MIN_SAMPLES),
                b -> b.put("requests", Schemas.P999_MIN_SAMPLES - 1));
        assertEquals(List.of(), broken(hello().put("requests", 500L).put("p999_ms", Double.NaN).build()));
    }

    @Test
    void every_scheduled_request_is_accounted_for() {
        keepsAndBreaks(Invariants.REQUESTS_ACCOUNTED, open(), b -> b.put("unsent", 16L));
        // err_status and err_connect are not request errors: they do not count
        assertEquals(List.of(), broken(open().put("err_status", 7).put("err_connect", 3).build()));
        assertEquals(List.of(), broken(open().put("scheduled", Double.NaN).build()), "closed model or older schema");
    }

    @Test
    void an_ok_open_model_row_achieved_its_rate() {
        keepsAndBreaks(Invariants.OK_ACHIEVED_RATE, open(), b -> b.put("rps", 7100.0));
        assertEquals(List.of(), broken(open().put("rps", 7100.0).put("status", "saturated").build()));
    }

    @Test
    void env_of_schema_3_records_the_load() {
        Map<String, String> env = Map.of("load_avg_start", "0.12", "load_avg_end", "1.5", "steal_pct", "0.0");
        assertEquals(List.of(), Invariants.checkEnv(env, 3));
        assertEquals("env-load-recorded: env.csv lacks load_avg_end, steal_pct",
                Invariants.checkEnv(Map.of("load_avg_start", "0.1"), 3).getFirst().toString());
        assertEquals(List.of(), Invariants.checkEnv(Map.of(), 2), "older schemas did not record it");
    }

    @Test
    void apply_marks_only_the_breaking_rows_invalid_with_the_rule_and_the_status_they_had() {
        Map<String, String> env = Map.of("cores", "2", "pin_target", "taskset -c 0");
        Row good = hello().build();
        Row bad = hello().put("repeat", 2).put("cpu_us_per_req", -1.0).put("reason", "slow start").build();
        List<Row> out = Invariants.apply(List.of(good, bad), env);
        assertEquals(good, out.getFirst());
        Row marked = out.get(1);
        assertEquals("invalid", marked.text("status"));
        assertEquals("non-negative", marked.text("violations"));
        assertEquals("non-negative: cpu_us_per_req -1.000 (was ok: slow start)", marked.text("reason"));
        // applied again, nothing changes
        assertEquals(out, Invariants.apply(out, env));
        assertEquals(Schemas.SUMMARY, List.copyOf(marked.cells().keySet()), "the columns in order");
    }

    @Test
    void failed_and_skipped_rows_are_not_checked() {
        assertEquals(List.of(), broken(hello().put("status", "skipped").put("cpu_us_per_req", -1.0).build()));
    }
}
