package mpmbench.benchmarks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The duet rule: java-X and base:java-X measured at the same time on one pinned core (duet.csv names the pair)
 * together used at most that core; each alone keeps {@link Invariants#CPU_WITHIN_CORES}, only the pair can break it.
 */
class DuetInvariantTest {

    private static final Map<String, String> ONE_CORE = Map.of("pin_target", "taskset -c 0", "cores", "2");

    /** A duet's hello row using {@code cores} of a core: 20,000 req/s at cores × 50 µs each. */
    private static Row row(String target, double cores) {
        return Row.builder(Schemas.SUMMARY).put("scenario", "hello").put("target", target).put("path", "/hello")
                .put("keepalive", true).put("connections", 16).put("rate", 0.0).put("idle", 0).put("repeat", 2)
                .put("status", "ok").put("requests", 40000L).put("rps", 20000.0).put("cpu_us_per_req", cores * 50).build();
    }

    private static Row pair(double overlapPct) {
        return Row.builder(Schemas.DUET).put("scenario", "hello").put("target", "java-event")
                .put("base_target", "base:java-event").put("connections", 16).put("rate", 0.0).put("idle", 0)
                .put("repeat", 2).put("first", "base:java-event").put("overlap_pct", overlapPct).build();
    }

    private static List<String> statuses(List<Row> rows) {
        return rows.stream().map(r -> r.text("status")).toList();
    }

    @Test
    void a_pair_that_used_more_than_its_one_core_together_is_invalid_on_both_rows() {
        List<Row> rows = List.of(row("java-event", 0.7), row("base:java-event", 0.6), row("httpd-event", 0.9));
        // each row alone keeps the rule of one core
        assertEquals(List.of("ok", "ok", "ok"), statuses(Invariants.apply(rows, ONE_CORE)));
        List<Row> out = Invariants.apply(rows, ONE_CORE, List.of(pair(100)));
        assertEquals(List.of("invalid", "invalid", "ok"), statuses(out));
        assertEquals(Invariants.DUET_CPU_WITHIN_CORES.name(), out.get(0).text("violations"));
        assertTrue(out.get(1).text("reason").contains("1.30 CPUs at the same time"), out.get(1).text("reason"));
        // half a core each is what sharing one looks like
        List<Row> shared = List.of(row("java-event", 0.5), row("base:java-event", 0.49));
        assertEquals(List.of("ok", "ok"), statuses(Invariants.apply(shared, ONE_CORE, List.of(pair(100)))));
        // beyond the windows' overlap a target may have had the core alone: 10 % apart allows 10 % more
        List<Row> apart = List.of(row("java-event", 0.56), row("base:java-event", 0.5));
        assertEquals(List.of("ok", "ok"), statuses(Invariants.apply(apart, ONE_CORE, List.of(pair(90)))));
        assertEquals(List.of("invalid", "invalid"), statuses(Invariants.apply(apart, ONE_CORE, List.of(pair(100)))));
        // applied twice, nothing changes (as the suite writes and ResultsFolder reads)
        assertEquals(statuses(out), statuses(Invariants.apply(out, ONE_CORE, List.of(pair(100)))));
        assertTrue(Invariants.ALL.contains(Invariants.DUET_CPU_WITHIN_CORES));
    }
}
