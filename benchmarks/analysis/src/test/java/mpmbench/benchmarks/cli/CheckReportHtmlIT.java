package mpmbench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.report.ReportBuilder;

/**
 * {@code scripts/check-report-html} in a real browser (Debian's chromium, driven by Node.js): a
 * report.html drawn from a copied results folder passes and leaves its screenshot; the same page with
 * a console error planted and one chart taken out fails, naming both; so does a page with a table that
 * squeezes a column to nothing (its rows hundreds of px tall, its words cut) and one wider than the page.
 * Skipped where chromium or node is missing (.ci/run installs both).
 */
class CheckReportHtmlIT {

    private static final Path ROOT = Path.of(System.getProperty("mpmbench.root", "../..")).toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("scripts/check-report-html");

    @TempDir
    static Path run;

    @BeforeAll
    static void draw() throws IOException, URISyntaxException {
        Path from = Path.of(CheckReportHtmlIT.class.getResource("/fixture/quick/summary.csv").toURI()).getParent();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = run.resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        ReportBuilder.build(run);
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }

    private static String[] check(Path page, Path shot) throws IOException, InterruptedException {
        assumeTrue(onPath("chromium") && onPath("node"), "chromium and node are needed");
        Process p = new ProcessBuilder(SCRIPT.toString(), "--screenshot", shot.toString(), page.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "check-report-html took over 90 s");
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    @Test
    void a_drawn_report_passes_and_leaves_a_screenshot() throws Exception {
        Path shot = run.resolve("report.png");
        String[] r = check(run, shot);
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains(": 7 of 7 charts drawn, 0 problem(s)"), r[1]);
        assertTrue(Files.size(shot) > 50_000, "screenshot " + Files.size(shot) + " bytes");
    }

    @Test
    void a_console_error_and_a_missing_chart_fail() throws Exception {
        String html = Files.readString(run.resolve("report.html"));
        Path planted = run.resolve("planted.html");
        Files.writeString(planted, html.replace("<span class=\"chart\" data-stem=\"memory\">", "<span>")
                .replace("</main>", "<script>console.error('planted')</script></main>"));
        String[] r = check(planted, run.resolve("planted.png"));
        assertEquals("1", r[0], r[1]);
        List<String> lines = r[1].lines().toList();
        assertTrue(lines.contains("check-report-html: FAIL console.error: planted"), r[1]);
        assertTrue(lines.contains("check-report-html: FAIL 6 charts on the page, 7 declared"), r[1]);
    }

    @Test
    void a_table_that_does_not_fit_fails() throws Exception {
        // as report.html's tables were: a long reason in the last column of a table that has no room for it,
        // squeezed to a few px (a row over 1,000 px tall), and a table wider than the page with no scroll bar
        String reason = "ok: r1,r2,r3: context switches not measured: a process of the target started or exited in "
                + "the window (an exited one takes its counts with it)";
        String planted = Files.readString(run.resolve("report.html")).replace("</main>",
                "<h3>planted squeeze</h3>\n<table style=\"table-layout: fixed; width: 400px\"><tr><th style=\"width: 390px\">"
                        + "target</th><th>status</th></tr><tr><td>java-prefork</td><td>" + reason + "</td></tr></table>\n"
                        + "<h3>planted wide</h3>\n<table style=\"width: 3000px\"><tr><th>target</th></tr><tr><td>java-event"
                        + "</td></tr></table>\n</main>");
        Path page = run.resolve("squeezed.html");
        Files.writeString(page, planted);
        String[] r = check(page, run.resolve("squeezed.png"));
        assertEquals("1", r[0], r[1]);
        List<String> fails = r[1].lines().filter(l -> l.startsWith("check-report-html: FAIL ")).toList();
        assertTrue(fails.stream().anyMatch(l -> l.contains("table \"planted squeeze\" row 1 column \"status\" is ")
                && l.contains("its column is squeezed")), r[1]);
        assertTrue(fails.stream().anyMatch(l -> l.contains("table \"planted squeeze\" row 1 is ") && l.contains("px tall")), r[1]);
        assertTrue(fails.stream().anyMatch(l -> l.contains("table \"planted squeeze\" row 1 column \"status\": its text needs")),
                r[1]);
        assertTrue(fails.stream().anyMatch(l -> l.contains("table \"planted wide\" is 3000 px wide")
                && l.contains("with no scroll container")), r[1]);
        assertTrue(fails.stream().anyMatch(l -> l.contains("the page is ")), r[1]);
        assertTrue(fails.stream().noneMatch(l -> l.contains("table \"hello\"") || l.contains("table \"Claims\"")),
                "the report's own tables fit: " + r[1]);
    }
}
