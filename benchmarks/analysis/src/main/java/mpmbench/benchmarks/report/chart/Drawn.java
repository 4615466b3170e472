package mpmbench.benchmarks.report.chart;

import org.jfree.chart.JFreeChart;

/**
 * A chart as drawn: its file stem under {@code charts/} ({@code <stem>.png} and {@code <stem>.svg}),
 * its caption (what it shows and how to read it), the chart itself (for tests to ask what it shows)
 * and its SVG text, ready to be inlined in report.html.
 */
public record Drawn(String stem, String caption, JFreeChart chart, String svg) {
}
