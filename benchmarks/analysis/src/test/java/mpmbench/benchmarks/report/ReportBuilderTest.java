package mpmbench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Hgrm;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** Claims, charts and report.md rebuilt from a results folder's files alone (a fixture copied to a temp dir). */
class ReportBuilderTest {

    @Test
    void redraws_a_copied_folder(@TempDir Path dir) throws IOException {
        for (String f : List.of("summary.csv", "samples.csv", "env.csv", "latency/hello_java-event_c256_r1.hgrm",
                "latency/hello_java-prefork_c256_r1.hgrm")) {
            Path to = dir.resolve(f);
            Files.createDirectories(to.getParent());
            try (InputStream in = ReportBuilderTest.class.getResourceAsStream("/fixture/" + f)) {
                Files.copy(in, to);
            }
        }
        assertEquals(0, ReportMain.run(new String[] {dir.toString()}));
        for (String chart : List.of("throughput-vs-connections", "idle-keepalive", "idle-held", "memory",
                "cpu-per-request", "latency-spectrum-hello-c256")) {
            assertTrue(Files.size(dir.resolve("charts/" + chart + ".png")) > 1000, chart);
            assertTrue(Files.readString(dir.resolve("charts/" + chart + ".svg")).contains("<svg"), chart);
        }
        // no rate-sweep rows: no chart rather than an empty one
        assertTrue(Files.notExists(dir.resolve("charts/latency-vs-rate.png")));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| 1a | java | Prefork costs more memory than worker and event"), md);
        assertTrue(md.contains("![throughput-vs-connections](charts/throughput-vs-connections.png)"), md);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("data-stem=\"throughput-vs-connections\""));
        assertTrue(md.contains("- skipped: cpu needs /cpu — cpu httpd-prefork c4 r1"), md);
        assertEquals(18, CsvTables.read(dir.resolve("claims.csv")).size());
    }

    /** A folder of suite --until-decided judged again: its claims at the looks' level (env.csv), the report saying so. */
    @Test
    void a_folder_of_sequential_looks_is_judged_again_at_their_level(@TempDir Path dir) throws IOException {
        for (String f : List.of("summary.csv", "env.csv")) {
            try (InputStream in = ReportBuilderTest.class.getResourceAsStream("/fixture/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        assertEquals(0, ReportMain.run(new String[] {dir.toString()}));
        // a claim whose interval has a width at 95 %
        Row once = CsvTables.read(dir.resolve("claims.csv")).stream().filter(r -> r.text("ratio_method").equals("paired")
                && r.num("ratio_ci_low") < r.num("ratio_ci_high")).findFirst().orElseThrow();
        assertTrue(!Files.readString(dir.resolve("report.md")).contains("--until-decided"));
        List<Row> env = new java.util.ArrayList<>(CsvTables.read(dir.resolve("env.csv")));
        env.add(Row.builder(Schemas.ENV).put("key", mpmbench.benchmarks.results.SequentialLooks.KEY).put("value", 8).build());
        CsvTables.write(dir.resolve("env.csv"), Schemas.ENV, env);
        assertEquals(0, ReportMain.run(new String[] {dir.toString()}));
        Row ofEight = claim(dir, once.text("claim"), once.text("family"), once.text("level"));
        assertTrue(ofEight.num("ratio_ci_low") < once.num("ratio_ci_low")
                && ofEight.num("ratio_ci_high") > once.num("ratio_ci_high"), ofEight + " vs " + once);
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("intervals are at 99.38 % (1 - 5 %/8: Bonferroni over its 8 looks)"), md);
        assertTrue(md.contains("| verdict | rounds |"), md);
    }

    private static Row claim(Path dir, String id, String family, String level) throws IOException {
        return CsvTables.read(dir.resolve("claims.csv")).stream().filter(r -> r.text("claim").equals(id)
                && r.text("family").equals(family) && r.text("level").equals(level)).findFirst().orElseThrow();
    }

    @Test
    void a_reason_is_a_note_under_its_table_and_a_clipped_bound_is_marked_and_explained(@TempDir Path dir)
            throws IOException {
        for (String f : List.of("summary.csv", "env.csv")) {
            try (InputStream in = ReportBuilderTest.class.getResourceAsStream("/fixture/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        // java-event's hello at 256 connections: three repeats far apart (a t-interval below zero), each with a
        // reason of a sentence, the kind that squeezed the other columns of report.html's tables
        String why = "context switches not measured: a process of the target started or exited in the window "
                + "(an exited one takes its counts with it)";
        // not in one direction (no drift named beside the reason), within the cores at the fixture's CPU per request
        double[] rps = {7807.3, 5, 15000};
        List<Row> summary = CsvTables.read(dir.resolve("summary.csv")).stream().map(r -> r.text("scenario").equals("hello")
                && r.text("target").equals("java-event") && r.text("connections").startsWith("256")
                ? Row.builder(Schemas.SUMMARY).putAll(r).put("rps", rps[(int) r.num("repeat") - 1]).put("reason", why).build()
                : r).toList();
        CsvTables.write(dir.resolve("summary.csv"), List.of(Files.readAllLines(dir.resolve("summary.csv")).getFirst().split(",")),
                summary);
        assertEquals(0, ReportMain.run(new String[] {dir.toString()}));
        String md = Files.readString(dir.resolve("report.md"));
        String row = md.lines().filter(l -> l.startsWith("| java-event | c256 | 3/3 |")).findFirst()
                .orElseThrow(() -> new AssertionError(md));
        assertTrue(row.contains("| 7807 [0*, ") && row.matches(".*\\| ok [¹²³⁴⁵⁶⁷⁸⁹⁰]+ \\|"), row);
        String mark = row.substring(row.lastIndexOf(" ok ") + 4, row.length() - 2);
        String hello = md.substring(md.indexOf("### hello"), md.indexOf("###", md.indexOf("### hello") + 3));
        assertTrue(hello.contains("\n- " + mark + " r1,r2,r3: " + why + "\n"), hello);
        assertTrue(hello.contains("\n- \\* lower bound clipped at 0: the 95 % t-interval from n=3 repeats reached below "
                + "zero, which the figure cannot; its half-width is t·sd/√n, 2.48 sd with n=3 (t = 4.30)"), hello);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<div class=\"table-scroll\"><table>"), "each table scrolls in a container of its own");
        assertTrue(html.contains("<ul class=\"notes\">") && html.contains("<li>" + mark + " r1,r2,r3: context switches"), "notes");
        assertTrue(html.contains(">p99_<wbr>ms</th>"), "a column name breaks after an underscore");
        assertTrue(html.contains("7807 [0*,&nbsp;"), "an interval on one line");
        assertTrue(!html.contains("display: block; overflow-x: auto"), "no table squeezed into a block");
    }

    @Test
    void rows_that_break_an_invariant_are_listed_and_left_out_of_the_cells(@TempDir Path dir) throws IOException {
        for (String f : List.of("summary.csv", "env.csv")) {
            try (InputStream in = ReportBuilderTest.class.getResourceAsStream("/fixture/schemas/v2/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        assertEquals(0, ReportMain.run(new String[] {dir.toString()}));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Rows that break an invariant"), md);
        assertTrue(md.contains("| non-negative | hello_httpd-event_c256_r1 | non-negative: cpu_us_per_req -152.459, "
                + "ctx_switches_per_req -5.396 (was ok) |"), md);
        assertTrue(md.contains("| ok-has-requests, ok-achieved-rate | rate-sweep_java-virtual_c64-r64000_r1 |"), md);
        Row httpd = CsvTables.read(dir.resolve("cells.csv")).stream()
                .filter(r -> r.text("target").equals("httpd-event")).findFirst().orElseThrow();
        assertEquals("invalid", httpd.text("status"));
        assertEquals("", httpd.text("cpu_us_per_req"), "no median from an invalid row");
        // the file the run wrote is left as it was: report derives, it does not rewrite summary.csv
        assertTrue(Files.readString(dir.resolve("summary.csv")).contains(",ok,"));
    }

    @Test
    void the_knee_is_the_first_rate_past_the_slo() {
        java.util.function.Function<double[], Row> row = v -> Row.builder(Schemas.SUMMARY).put("scenario", "rate-sweep")
                .put("target", "nginx").put("status", "ok").put("rate", v[0]).put("rps", v[1]).put("p99_ms", v[2])
                .put("errors", (long) v[3]).build();
        StringBuilder md = new StringBuilder();
        ReportMarkdown.knees(md, List.of(row.apply(new double[] {4000, 4000, 1.5, 0}),
                row.apply(new double[] {16000, 15990, 3.0, 0}), row.apply(new double[] {64000, 30000, 250, 0})));
        assertTrue(md.toString().contains("- nginx: 16000 req/s; knee: 64000 req/s (p99 250 ms, 0 errors, 30000 req/s achieved)"),
                md.toString());
    }

    @Test
    void a_micro_run_gets_its_section_charts_and_claim(@TempDir Path dir) throws IOException {
        for (String f : List.of("summary.csv", "env.csv")) {
            try (InputStream in = ReportBuilderTest.class.getResourceAsStream("/fixture/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        for (String f : List.of("jmh.csv", "memory.csv")) {
            try (InputStream in = ReportBuilderTest.class.getResourceAsStream("/fixture/micro/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        assertEquals(0, ReportMain.run(new String[] {dir.toString()}));
        for (String chart : List.of("micro", "micro-switch")) {
            assertTrue(Files.size(dir.resolve("charts/" + chart + ".png")) > 1000, chart);
            String svg = Files.readString(dir.resolve("charts/" + chart + ".svg"));
            assertTrue(svg.contains("<svg"), chart);
        }
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Microbenchmarks"), md);
        assertTrue(md.contains("| Bench_01_ThreadStart.platformThread |  | avgt | 260 | 513 | us/op |  | 267 |"), md);
        assertTrue(md.contains("| Bench_05_PipePingPong.roundTrip | peer=process | sample | 6.51 | 0.586 | us/op | 3.33 |"), md);
        assertTrue(md.contains("| Bench_03_ChildJvmStart.childToReady | mpm=event | ss | 304 | 139 | ms/op |"), md);
        assertTrue(md.contains("| virtual_thread | 10000 | 2.63 | 2.61 | 2.03 |"), md);
        assertTrue(md.contains("](charts/micro.png)"), md);
        assertTrue(md.indexOf("## Microbenchmarks") < md.indexOf("## Skipped, failed, generator-bound and unsettled repeats"));
        Row c5 = CsvTables.read(dir.resolve("claims.csv")).stream().filter(r -> r.text("claim").equals("5")).findFirst()
                .orElseThrow();
        assertEquals("inconclusive", c5.text("verdict")); // JMH's errors leave start and switch in doubt (MicroClaimTest)
    }

    @Test
    void the_start_chart_is_logarithmic_the_bars_of_a_quiet_range_are_not() throws IOException {
        List<Row> csv;
        try (var in = new java.io.InputStreamReader(ReportBuilderTest.class.getResourceAsStream("/fixture/micro/jmh.csv"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            csv = CsvTables.read(in);
        }
        JmhResults jmh = JmhResults.of(csv);
        List<mpmbench.benchmarks.report.chart.BarChart.Bar> start = MicroCharts.startBars(jmh);
        assertEquals(List.of("platform thread", "virtual thread", "process /bin/true", "child JVM prefork to READY",
                "child JVM worker to READY", "child JVM event to READY", "child JVM virtual to READY"),
                start.stream().map(mpmbench.benchmarks.report.chart.BarChart.Bar::label).toList());
        assertEquals(303692.931, start.get(5).value(), 1e-6); // ms/op converted to µs
        assertTrue(mpmbench.benchmarks.report.chart.BarChart.logScale(start));
        List<mpmbench.benchmarks.report.chart.BarChart.Bar> sw = MicroCharts.switchBars(jmh);
        assertEquals("04 platform SynchronousQueue", sw.getFirst().label());
        assertEquals(13, sw.size());
        assertEquals(7.526369305, sw.stream().filter(b -> b.label().equals("06 thread")).findFirst()
                .orElseThrow().value(), 1e-9);
    }

    @Test
    void a_micro_folder_alone_is_a_report(@TempDir Path dir) throws IOException {
        try (InputStream in = ReportBuilderTest.class.getResourceAsStream("/fixture/micro/jmh.csv")) {
            Files.copy(in, dir.resolve("jmh.csv"));
        }
        assertEquals(0, ReportMain.run(new String[] {dir.toString()}));
        assertTrue(Files.exists(dir.resolve("charts/micro.svg")));
        assertTrue(Files.readString(dir.resolve("report.md")).contains("## Microbenchmarks"));
    }

    @Test
    void a_folder_without_summary_is_refused(@TempDir Path dir) {
        assertEquals(2, ReportMain.run(new String[] {dir.toString()}));
    }

    @Test
    void hgrm_lines_and_short_numbers() {
        List<Hgrm.Point> p = Hgrm.parse("       Value     Percentile TotalCount 1/(1-Percentile)\n\n"
                + "       0.025 0.000000000000          9           1.00\n"
                + "      96.575 1.000000000000      55887\n"
                + "      90.000 0.990000000000      55000         100.00\n#[Mean    =        1.427]\n");
        assertEquals(2, p.size());
        assertEquals(90.0, p.get(1).valueMs());
        assertEquals(100.0, p.get(1).inverse());
        assertEquals("1235", ReportMarkdown.short3("1234.567"));
        assertEquals("12.35", ReportMarkdown.short3("12.345"));
        assertEquals("0.123", ReportMarkdown.short3("0.123"));
        assertEquals("7", ReportMarkdown.short3("7.000"));
    }
}
