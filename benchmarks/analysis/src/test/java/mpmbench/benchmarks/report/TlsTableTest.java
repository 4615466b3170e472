package mpmbench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** report.md's TLS table from planted repeats: handshakes per second, resumption, memory per idle TLS connection. */
class TlsTableTest {

    private static Row.Builder row(String scenario, String target, int idle, int repeat) {
        return Row.builder(Schemas.SUMMARY).put("scenario", scenario).put("target", target).put("status", "ok")
                .put("connections", 16).put("rate", 0).put("idle", idle).put("repeat", repeat).put("duration_s", 2.0);
    }

    @Test
    void a_line_per_target_with_its_handshakes_resumption_and_idle_memory() {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            rows.add(row("tls-churn", "java-prefork", 0, r).put("tls_handshakes", 400 + r).put("tls_resumed", 0).build());
            // our generator's client half of each full handshake was the limit: a lower bound of nginx's rate
            rows.add(row("tls-churn", "nginx", 0, r).put("status", "generator-bound").put("tls_handshakes", 3900 + 10 * r)
                    .build());
            rows.add(row("tls-churn-resumed", "java-prefork", 0, r).put("tls_handshakes", 1000).put("tls_resumed", 200)
                    .build());
            rows.add(row("tls-hello", "java-prefork", 0, r).put("pss_mb", 400.0).build());
            rows.add(row("tls-idle", "java-prefork", 300, r).put("pss_mb", 430.0).put("idle_held", 300).build());
            // java-event closed most of its idle connections when busy: 45 + r held at the end
            rows.add(row("tls-hello", "java-event", 0, r).put("pss_mb", 200.0).build());
            rows.add(row("tls-idle", "java-event", 300, r).put("status", r == 1 ? "stalled" : "ok").put("pss_mb", 260.0)
                    .put("idle_held", 45 + r).build());
        }
        String md = TlsTable.render(new Cells(rows));
        assertTrue(md.contains("| target | full handshakes/s | resumed handshakes/s | resumed of offered |"
                + " KiB per idle TLS connection at 300 |"), md);
        // 401..403 handshakes in 2 s; 200 of 1000 resumed in each of 3 repeats; 30 MiB over 300 connections
        assertTrue(md.contains("| java-prefork | 201 | 500 | 20.0 % (600 of 3000) | 102.4 |"), md);
        assertTrue(md.contains("| nginx | ≥ 1960 (generator-bound) |"), md);
        // 60 MiB over 300 from the ok repeats; held 46, 47, 48 in every repeat that ran, the stalled one too
        assertTrue(md.contains("| java-event |  |  |  | 204.8 (47 held) |"), md);
    }

    @Test
    void nothing_without_a_tls_cell() {
        assertEquals("", TlsTable.render(new Cells(List.of(row("hello", "java-event", 0, 1).build()))));
    }
}
