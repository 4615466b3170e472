package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;

/**
 * One short real run: java-event started as a process, startup timed, one hello level measured by the
 * load generator as a process, telemetry from /proc, the report built. Runs only in the
 * {@code suite-e2e} Maven profile (it needs the server and loadgen jars and takes about 15 s).
 */
@EnabledIfSystemProperty(named = "mpmbench.e2e", matches = "true")
class SuiteE2ETest {

    @Test
    void one_short_cell_against_java_event(@TempDir Path out) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SuiteMain.execute(new String[] {"quick", "--targets", "java-event", "--scenarios", "startup,hello",
                "--duration", "1s", "--warmup", "500ms", "--root", System.getProperty("mpmbench.root"),
                "--out", out.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString());
        List<Row> summary = CsvTables.read(out.resolve("summary.csv"));
        assertEquals(3, summary.size(), summary.toString());
        Row startup = summary.getFirst();
        assertEquals("startup", startup.text("scenario"));
        assertTrue(startup.num("first_200_ms") > 0 && startup.num("full_capacity_ms") >= startup.num("first_200_ms"));
        for (Row r : summary.subList(1, 3)) {
            assertEquals("ok", r.text("status"), r.toString());
            assertTrue(r.num("rps") > 0, r.toString());
            assertTrue(r.num("pss_mb") > 0 && r.num("processes") >= 2 && r.num("cpu_us_per_req") > 0, r.toString());
        }
        assertTrue(Files.exists(out.resolve("latency/hello_java-event_c16_r1.hgrm")));
        assertTrue(Files.exists(out.resolve("charts/throughput-vs-connections.png")));
        assertTrue(Files.readString(out.resolve("report.md")).contains("## Claims"));
        assertTrue(err.toString().contains("2/3 cells"), err.toString());
    }
}
