package mpmbench.benchmarks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real rows of the committed runs of schema 1 (no schema_version) and 2, read as schema 3. */
class ResultsFolderTest {

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ResultsFolderTest.class.getResource("/fixture/schemas/" + name).toURI());
    }

    @Test
    void the_oldest_schema_reads_with_the_columns_it_lacks_empty() throws Exception {
        ResultsFolder v1 = ResultsFolder.readSuite(fixture("v1"));
        assertEquals(1, v1.schema());
        assertEquals(3, v1.summary().size());
        for (Row r : v1.summary()) {
            assertEquals(Schemas.SUMMARY, List.copyOf(r.cells().keySet()).subList(0, Schemas.SUMMARY.size()));
            assertTrue(Double.isNaN(r.num("loadgen_cpu_pct")), "not measured then");
        }
        // the idle-keepalive repeat "ok" with 0 requests is invalid; the others are kept as they were
        assertEquals(List.of("ok", "invalid", "ok"), v1.summary().stream().map(r -> r.text("status")).toList());
        assertEquals("ok-has-requests;p999-samples", v1.invalid().getFirst().text("violations"));
        assertEquals(3, v1.cellTable().size());
        assertEquals("invalid", v1.cellTable().get(1).text("status"));
    }

    @Test
    void schema_2_reads_and_its_impossible_rows_are_invalid_and_never_judged() throws Exception {
        ResultsFolder v2 = ResultsFolder.readSuite(fixture("v2"));
        assertEquals(2, v2.schema());
        List<Row> invalid = v2.invalid();
        assertEquals(List.of("hello_httpd-event_c256_r1", "rate-sweep_java-virtual_c64-r64000_r1"),
                invalid.stream().map(CellIds::of).toList());
        assertTrue(invalid.getFirst().text("reason").startsWith("non-negative: cpu_us_per_req -152.459"),
                invalid.getFirst().text("reason"));
        Cells.Key httpd = Cells.Key.of(invalid.getFirst());
        assertEquals(0, v2.cells().values(httpd, r -> r.num("cpu_us_per_req")).length);
        assertEquals("invalid (1 of 1)", v2.cells().whyEmpty(httpd));
        assertEquals(List.of(), v2.envBreaches());
    }

    @Test
    void a_folder_that_cannot_be_read_names_the_file(@TempDir Path tmp) throws IOException {
        assertEquals(tmp.resolve("x") + ": no such folder",
                assertThrows(ResultsFolder.BadFolder.class, () -> ResultsFolder.read(tmp.resolve("x"))).getMessage());
        Files.writeString(tmp.resolve("summary.csv"), "scenario,target,connections,rate,idle,repeat,status\n"
                + "hello,java-event,16,0,0,1,great\n");
        Files.writeString(tmp.resolve("env.csv"), "key,value\nschema_version,3\n");
        assertEquals(tmp.resolve("summary.csv") + ": row 1: status 'great': expected one of ok, unsettled, saturated, "
                        + "stalled, generator-bound, disturbed, invalid, failed, skipped",
                assertThrows(ResultsFolder.BadFolder.class, () -> ResultsFolder.read(tmp)).getMessage());
        int newer = Schemas.VERSION + 1;
        Files.writeString(tmp.resolve("env.csv"), "key,value\nschema_version," + newer + "\n");
        assertTrue(assertThrows(ResultsFolder.BadFolder.class, () -> ResultsFolder.read(tmp)).getMessage()
                .endsWith("env.csv: schema_version '" + newer + "'; this build reads 1 to " + Schemas.VERSION
                        + " (a newer run needs a newer mpmbench)"));
    }

    @Test
    void infinities_are_written_inf_and_read_back_and_nan_stays_empty() {
        Row r = Row.builder(List.of("a", "b", "c")).put("a", Double.POSITIVE_INFINITY).put("b", Double.NEGATIVE_INFINITY)
                .put("c", Double.NaN).build();
        assertEquals(List.of("inf", "-inf", ""), List.copyOf(r.cells().values()));
        assertEquals(Double.POSITIVE_INFINITY, r.num("a"));
        assertEquals(Double.NEGATIVE_INFINITY, r.num("b"));
        assertTrue(Double.isNaN(r.num("c")));
        assertEquals("∞", Numbers.short3("inf"));
    }

    @Test
    void the_rate_sweep_sustains_a_rate_within_the_slo_without_errors_at_90_percent() {
        Row.Builder b = Row.builder(Schemas.SUMMARY).put("status", "ok").put("rate", 8000.0).put("rps", 7200.0)
                .put("p99_ms", 2.0).put("errors", 0L);
        assertTrue(RateSweep.sustained(b.build(), 10));
        assertTrue(!RateSweep.sustained(b.put("rps", 7199.0).build(), 10), "under 90 % of the rate");
        assertTrue(!RateSweep.sustained(b.put("rps", 8000.0).put("p99_ms", Double.NaN).build(), 10), "no p99");
        assertTrue(!RateSweep.sustained(b.put("p99_ms", 2.0).put("status", "failed").build(), 10));
    }
}
