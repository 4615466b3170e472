package mpmbench.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * report.html: report.md rendered to HTML (CommonMark with GitHub tables; each heading an anchor, e.g.
 * {@code report.html#charts}), one self-contained file
 * that opens offline: every chart the Markdown links as {@code charts/<stem>.png} is inlined as its
 * SVG; nothing is loaded from elsewhere and there is no script. The page names how many charts it
 * holds ({@code <meta name="mpmbench-charts" content="N">}), and each sits in
 * {@code <span class="chart" data-stem="<stem>">}, so a browser check can count them. Tables are laid out
 * to stay readable at any width ({@link #layout}); {@code scripts/check-report-html} fails a page where
 * one is not.
 */
public final class ReportHtml {

    private static final Pattern CHART = Pattern.compile("charts/([A-Za-z0-9._-]+)\\.png");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    private ReportHtml() {
    }

    /**
     * @param markdown report.md's text
     * @param svgs     the SVG element of each chart, by stem
     * @param title    the page title
     */
    public static String render(String markdown, Map<String, String> svgs, String title) {
        Parser parser = Parser.builder().extensions(EXTENSIONS).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
                .nodeRendererFactory(ctx -> new InlineChart(ctx, svgs)).build();
        String body = layout(renderer.render(parser.parse(markdown)));
        long charts = CHART.matcher(markdown).results().map(m -> m.group(1)).filter(svgs::containsKey).count();
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"mpmbench-charts\" content=\"" + charts + "\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    /** Renders an image of {@code charts/<stem>.png} as the chart's inline SVG; other images as usual. */
    private static final class InlineChart implements NodeRenderer {

        private final HtmlNodeRendererContext ctx;
        private final Map<String, String> svgs;

        InlineChart(HtmlNodeRendererContext ctx, Map<String, String> svgs) {
            this.ctx = ctx;
            this.svgs = svgs;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            HtmlWriter w = ctx.getWriter();
            Matcher m = CHART.matcher(image.getDestination());
            if (m.matches() && svgs.containsKey(m.group(1))) {
                w.raw("<span class=\"chart\" data-stem=\"" + escape(m.group(1)) + "\">");
                w.raw(svgs.get(m.group(1)));
                w.raw("</span>");
            } else {
                w.raw("<span class=\"missing-chart\">chart not available: " + escape(image.getDestination()) + "</span>");
            }
        }
    }

    private static final Pattern HEADER = Pattern.compile("(<th(?:\\s[^>]*)?>)(.*?)(</th>)", Pattern.DOTALL);
    private static final Pattern DATA = Pattern.compile("(<td(?:\\s[^>]*)?>)(.*?)(</td>)", Pattern.DOTALL);
    private static final Pattern INTERVAL = Pattern.compile("(\\[[^\\],\\s<]*), ");

    /**
     * What keeps a table readable at any width: each table in a container of its own that scrolls
     * sideways when the table is wider than the page (the page itself never does); a column name
     * may break after an underscore ({@code idle_open_<wbr>unanswered}), so a long name does not set
     * its column's width; an interval stays on one line and breaks before its bracket only
     * ({@code 78073 [0*,&nbsp;161499]}); the notes under a table (its reasons, {@link TableNotes}) in
     * a smaller type.
     */
    static String layout(String body) {
        String b = HEADER.matcher(body).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + m.group(2).replace("_", "_<wbr>") + m.group(3)));
        b = DATA.matcher(b).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + INTERVAL.matcher(m.group(2)).replaceAll("$1,&nbsp;") + m.group(3)));
        return b.replace("<table>", "<div class=\"table-scroll\"><table>")
                .replace("</table>\n<ul>", "</table>\n<ul class=\"notes\">")
                .replace("</table>", "</table></div>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0; }
            main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
            h1, h2, h3 { line-height: 1.25; }
            h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
            .table-scroll { overflow-x: auto; max-width: 100%; margin: .8rem 0; }
            table { border-collapse: collapse; font-size: .8rem; }
            th, td { border: 1px solid #ddd; padding: .25rem .4rem; vertical-align: top; }
            th { background: #f4f4f4; text-align: left; }
            th[align="right"], td[align="right"] { text-align: right; }
            td { font-variant-numeric: tabular-nums; }
            tr:nth-child(even) td { background: #fafafa; }
            ul.notes { font-size: .8rem; color: #444; margin-top: -.3rem; }
            code { background: #f4f4f4; padding: 0 .2rem; }
            .chart { display: block; margin: .5rem 0 1.8rem; }
            .chart svg { display: block; box-sizing: border-box; width: 100%; height: auto; max-width: 960px; border: 1px solid #eee; }
            .missing-chart { color: #b00; font-weight: bold; }
            """;
}
