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
            rows.add(row("tls-churn-resumed", "java-prefork", 0, r).put("tls_handshakes", 1000).put("tls_resumed", 200)
                    .build());
            // two instances' PSS 30 MiB apart: what the table used to divide by the idle connections
            rows.add(row("tls-hello", "java-prefork", 0, r).put("pss_mb", 400.0).build());
            rows.add(row("tls-idle", "java-prefork", 300, r).put("pss_mb", 430.0).put("idle_kib_per_conn", 30.0 + 4 * r)
                    .put("status", r == 3 ? "generator-bound" : "ok").build());
        }
        String md = TlsTable.render(new Cells(rows));
        assertTrue(md.contains("| target | full handshakes/s | resumed handshakes/s | resumed of offered |"
                + " KiB per idle TLS connection at 300 |"), md);
        // 401..403 handshakes in 2 s; 200 of 1000 resumed in each of 3 repeats; idle_kib_per_conn 34, 38, 42
        // (a generator-bound repeat's memory is the target's too): the median, not (430 - 400) MiB / 300
        assertTrue(md.contains("| java-prefork | 201 | 500 | 20.0 % (600 of 3000) | 38.0 |"), md);
    }

    @Test
    void a_dash_where_no_repeat_measured_the_memory_per_idle_connection_never_a_difference_of_two_cells() {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 2; r++) {
            rows.add(row("tls-hello", "java-event", 0, r).put("pss_mb", 100.0).build());
            // a child started between the two readings: the suite left the figure empty, with the reason
            rows.add(row("tls-idle", "java-event", 300, r).put("pss_mb", 130.0).put("reason", "idle_kib_per_conn not "
                    + "measured: a process of the target started or exited between the two readings").build());
        }
        String md = TlsTable.render(new Cells(rows));
        assertTrue(md.contains("| java-event |  |  |  | — |"), md);
    }

    @Test
    void nothing_without_a_tls_cell() {
        assertEquals("", TlsTable.render(new Cells(List.of(row("hello", "java-event", 0, 1).build()))));
    }
}
