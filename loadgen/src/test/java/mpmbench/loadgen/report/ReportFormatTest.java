package mpmbench.loadgen.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.LatencyRecorders;
import mpmbench.loadgen.record.ProcessCpu;

/**
 * The machine-readable outputs, sealed by golden files under {@code src/test/resources/golden}: a
 * fixed result rendered under several default locales must match byte for byte. Changing a column
 * is a deliberate change of the golden file (set {@code GOLDEN_UPDATE=1} to rewrite them).
 */
class ReportFormatTest {

    static LoadResult fixture() {
        LoadSpec spec = LoadSpec.builder(Target.parse("http://127.0.0.1:8080/hello?a=1,2")).threads(2).connections(64)
                .rate(2000).duration(Duration.ofSeconds(10)).warmup(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(1)).idle(100).idleInterval(Duration.ofSeconds(3)).build();
        Histogram corrected = LatencyRecorders.newHistogram();
        Histogram uncorrected = LatencyRecorders.newHistogram();
        Histogram lag = LatencyRecorders.newHistogram();
        for (int i = 1; i <= 20_000; i++) {
            corrected.recordValue(100 + i % 1000 + (i % 100 == 0 ? 50_000 : 0));
            uncorrected.recordValue(100 + i % 1000);
            lag.recordValue(1 + i % 50);
        }
        Counts counts = Counts.zero()
                .with(Counter.REQUESTS, 20_000).with(Counter.BYTES, 1_020_000)
                .with(Counter.WARMUP_REQUESTS, 3999).with(Counter.ERR_CONNECT, 1).with(Counter.ERR_READ, 2)
                .with(Counter.ERR_WRITE, 3).with(Counter.ERR_TIMEOUT, 4).with(Counter.ERR_STATUS, 5)
                .with(Counter.ERR_PARSE, 6).with(Counter.ERR_CLOSED, 7).with(Counter.UNANSWERED, 8)
                .with(Counter.UNSENT, 9).with(Counter.RECONNECTS, 10)
                .with(Counter.CLOSES_ANNOUNCED, 13).with(Counter.CLOSES_IDLE, 14).with(Counter.RESENT, 15)
                // the identity: 20000 + (2 + 3 + 4 + 6 + 7) + 9 + 8 == 20039
                .with(Counter.SCHEDULED, 20_039).with(Counter.ANSWERED_IN_GRACE, 5)
                .with(Counter.WARMUP_ERRORS, 11).with(Counter.ERR_UNSOLICITED, 12).with(Counter.IDLE_ESTABLISHED, 100)
                .with(Counter.IDLE_ANSWERED, 99).with(Counter.IDLE_HELD, 97).with(Counter.IDLE_CLOSED, 3)
                .with(Counter.IDLE_FAILED, 0).with(Counter.IDLE_TIMEOUTS, 1)
                .with(Counter.IDLE_OPEN_ANSWERED, 96).with(Counter.IDLE_OPEN_UNANSWERED, 1);
        return new LoadResult(spec, 1_790_000_000_000L, counts, corrected, uncorrected, lag,
                LatencyRecorders.newHistogram(), new ProcessCpu(1.25, 2.5), true, "c1", Duration.ofSeconds(2).toNanos(), Duration.ofSeconds(10).toNanos(), false, "epoll", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "ar-EG"})
    void csvAndJsonAreLocaleIndependentAndMatchTheGoldenFiles(String tag) throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(tag));
        try {
            assertGolden("load.csv", CsvReport.header() + "\n" + CsvReport.row(fixture()) + "\n");
            assertGolden("load.json", JsonReport.render(fixture()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theTlsColumnsAreEmptyForHttpAndFilledForHttps() {
        LoadResult plain = fixture();
        Histogram handshake = LatencyRecorders.newHistogram();
        handshake.recordValue(1_000);
        handshake.recordValue(3_000);
        LoadResult tls = new LoadResult(plain.spec().toBuilder().target(Target.parse("https://127.0.0.1:8443/"))
                .tls(new mpmbench.loadgen.TlsOptions(List.of("TLSv1.3"), mpmbench.loadgen.TlsOptions.Resume.NONE, false))
                .build(), plain.startEpochMs(), plain.counts().with(Counter.TLS_HANDSHAKES, 40).with(Counter.TLS_RESUMED, 30),
                plain.corrected(), plain.uncorrected(), plain.lag(), handshake, plain.clientCpu(), true, "c1",
                plain.warmupNs(), plain.windowNs(), false, plain.ioBackend(), "openssl");
        String json = JsonReport.render(tls);
        for (String kv : List.of("\"tls_protocols\":\"TLSv1.3\"", "\"tls_resume\":\"none\"", "\"tls_groups\":\"x25519\"",
                "\"tls_engine\":\"openssl\"",
                "\"tls_handshakes\":40", "\"tls_resumed\":30", "\"tls_handshake_p50_ms\":1.000", "\"tls_handshake_max_ms\":3.001")) {
            assertTrue(json.replace(" ", "").contains(kv), kv + " in " + json);
        }
        assertTrue(JsonReport.render(plain).replace(" ", "").contains("\"tls_handshakes\":null"));
        assertTrue(ConsoleSummary.render(tls, false).contains("TLS (TLSv1.3, resume none, groups x25519, openssl): 40 handshakes in "
                + "the window, 30 resumed (4.00/s); handshake p50 1.00ms, p99 3.00ms, max 3.00ms"), ConsoleSummary.render(tls, false));
    }

    @Test
    void csvAppendWritesTheHeaderOnlyIntoANewFile(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("runs.csv");
        CsvReport.append(csv, fixture());
        CsvReport.append(csv, fixture());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertEquals(CsvReport.header(), lines.get(0));
        assertEquals(lines.get(1), lines.get(2));
        assertEquals(ResultColumns.ALL.size(), CsvReport.header().split(",").length);
    }

    @Test
    void csvOfAnotherVersionsColumnsIsRefusedNotAppendedTo(@TempDir Path dir) throws IOException {
        // a file an older mpmbench wrote (a column fewer): a row under its header would be read shifted
        Path csv = dir.resolve("old.csv");
        String older = String.join(",", ResultColumns.names().subList(0, ResultColumns.ALL.size() - 1));
        Files.writeString(csv, older + "\n1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvReport.append(csv, fixture()));
        assertTrue(e.getMessage().startsWith("--csv " + csv + ": the file's header (" + (ResultColumns.ALL.size() - 1)
                + " columns) is not this version's (" + ResultColumns.ALL.size() + ")"), e.getMessage());
        assertEquals(2, Files.readAllLines(csv).size(), "nothing appended");
        Files.writeString(dir.resolve("empty.csv"), "");
        CsvReport.checkAppendable(dir.resolve("empty.csv"));
        CsvReport.checkAppendable(dir.resolve("missing.csv"));
    }

    @Test
    void hgrmIsAPercentileSpectrumInMilliseconds(@TempDir Path dir) throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Path hgrm = dir.resolve("load.hgrm");
            HgrmReport.write(hgrm, fixture());
            List<double[]> rows = HgrmParser.rows(hgrm);
            assertTrue(rows.size() > 20);
            double[] last = rows.getLast();
            assertEquals(1.0, last[1], 1e-9);                       // percentile reaches 1
            assertEquals(20_000, last[2], 0);                        // total count
            assertEquals(51.0, last[0], 0.01);                       // max in ms (51000 µs)
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void consoleSummaryLabelsTheLatencyAndWarnsLoudly() {
        String text = ConsoleSummary.render(fixture(), true);
        assertTrue(text.contains("corrected: from the intended send time"), text);
        assertTrue(text.contains("Uncorrected (from the actual send)"), text);
        assertTrue(text.contains("99.900%"), text);
        assertTrue(text.contains("WARNING: 17 of the 20039 requests scheduled in the window are in the corrected "
                + "histogram at a LOWER BOUND (window end - intended send time; they waited at least that long): 9 never "
                + "sent (their connections were busy or down), 8 unanswered at the window's end (5 of them answered in "
                + "the grace)"), text);
        assertTrue(text.contains("warm-up: 3999 requests, 11 errors in 2.00s"), text);
        assertTrue(text.contains("Requests/sec:    2000.00"), text);
    }

    @Test
    void theClosedModelHasNoScheduleSoItsOpenModelCountsAreNullNotZero() {
        LoadResult open = fixture();
        LoadSpec closedSpec = open.spec().toBuilder().rate(0).build();
        LoadResult closed = new LoadResult(closedSpec, open.startEpochMs(), open.counts(), open.corrected(),
                open.uncorrected(), open.lag(), open.handshake(), open.clientCpu(), true, "c1", open.warmupNs(), open.windowNs(), false, open.ioBackend(), open.tlsEngine());
        String json = JsonReport.render(closed);
        for (String key : List.of("scheduled", "unsent", "unanswered", "answered_in_grace")) {
            assertTrue(json.contains("\"" + key + "\": null,"), key + " in " + json);
            assertTrue(JsonReport.render(open).contains("\"" + key + "\": "), key);
        }
        // the fixture's URL holds a comma, so the row starts with a quoted field: compare past it
        List<String> header = List.of(CsvReport.header().split(",")).subList(1, ResultColumns.ALL.size());
        String line = CsvReport.row(closed);
        String[] row = line.substring(line.indexOf("\",") + 2).split(",", -1);
        assertEquals("", row[header.indexOf("scheduled")]);
        assertEquals("", row[header.indexOf("unanswered")]);
        assertTrue(!ConsoleSummary.render(closed, false).contains("LOWER BOUND"), "no lower bounds in the closed model");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2000})
    void aRunThatCompletedNothingShowsNoLatencyOnlyTheWarning(int rate) {
        LoadResult good = fixture();
        Counts none = Counts.zero().with(Counter.ERR_CONNECT, 3).with(Counter.SCHEDULED, rate > 0 ? 5 : 0)
                .with(Counter.UNSENT, rate > 0 ? 5 : 0);
        Histogram corrected = LatencyRecorders.newHistogram();
        if (rate > 0) {
            corrected.recordValue(250_000); // an unsent request at its lower bound: no latency
        }
        LoadResult nothing = new LoadResult(good.spec().toBuilder().rate(rate).build(), good.startEpochMs(), none, corrected,
                LatencyRecorders.newHistogram(), good.lag(), good.handshake(), good.clientCpu(), true, "c1", 0, good.windowNs(), false, good.ioBackend(), good.tlsEngine());
        String text = ConsoleSummary.render(nothing, true);
        assertTrue(text.contains("WARNING: NO REQUEST COMPLETED"), text);
        for (String absent : List.of("Latency", "Avg", "Uncorrected", "250.00ms", "99.900%")) {
            assertTrue(!text.contains(absent), absent + " in\n" + text);
        }
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path golden = Path.of("src/test/resources/golden", name);
        if (System.getenv("GOLDEN_UPDATE") != null) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, name);
    }
}
