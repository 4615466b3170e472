package mpmbench.benchmarks.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import mpmbench.benchmarks.catalogue.Targets;

/**
 * The one visual grammar of every chart: a colour per concurrency model (prefork, worker, event,
 * virtual; Okabe–Ito colours, which stay apart for colour-blind readers and in greyscale), a line
 * style per implementation (solid for our Java models, dashed for Apache httpd), nginx and any other
 * target in neutral greys, and one order (model, then Java before httpd, then nginx, then the rest)
 * for every legend. A target keeps its look in every chart of every run.
 */
public final class Looks {

    /** How one target is drawn: its colour, its line, and its place in a legend (smaller first). */
    public record Look(String target, Color color, BasicStroke stroke, int order) {

        /** Whether this is one of Apache httpd's MPMs (dashed). */
        public boolean dashed() {
            return stroke.getDashArray() != null;
        }
    }

    /** The models, in legend order ({@link Targets#MODELS}), with their colours. */
    static final List<String> MODELS = Targets.MODELS;
    private static final List<Color> MODEL_COLORS = List.of(new Color(0x0072B2), new Color(0xE69F00),
            new Color(0x009E73), new Color(0xCC79A7));
    static final Color NGINX = new Color(0x555555);
    static final Color OTHER = new Color(0x999999);

    /** Line width of a series, in px at the PNG's size. */
    static final float WIDTH = 2.25f;
    private static final BasicStroke SOLID = new BasicStroke(WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED = new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 4f}, 0f);
    private static final BasicStroke DOTTED = new BasicStroke(WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1.5f, 4f}, 0f);

    private Looks() {
    }

    /** The look of a target name as the suite writes it ({@code java-event}, {@code httpd-prefork}, {@code nginx}, a URL). */
    public static Look of(String target) {
        String t = target.toLowerCase(Locale.ROOT);
        if (t.equals(Targets.NGINX)) {
            return new Look(target, NGINX, DOTTED, 100);
        }
        for (int m = 0; m < MODELS.size(); m++) {
            if (t.equals(Targets.name(Targets.JAVA, MODELS.get(m)))) {
                return new Look(target, MODEL_COLORS.get(m), SOLID, 10 * m);
            }
            if (t.equals(Targets.name(Targets.HTTPD, MODELS.get(m)))) {
                return new Look(target, MODEL_COLORS.get(m), DASHED, 10 * m + 1);
            }
        }
        return new Look(target, OTHER, SOLID, 200);
    }

    /** Legend order: by {@link Look#order()}, then by name. */
    public static final Comparator<String> ORDER = Comparator.<String>comparingInt(t -> of(t).order())
            .thenComparing(Comparator.naturalOrder());

    /** The targets sorted in legend order, each once. */
    public static List<String> sorted(java.util.Collection<String> targets) {
        return targets.stream().distinct().sorted(ORDER).toList();
    }
}
