package mpmbench.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.claims.ResumptionAcrossProcesses;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Status;

/**
 * report.md's TLS table (issue 21), one line per target that ran a {@code tls-*} scenario: full handshakes
 * per second ({@code tls-churn}: {@code tls_handshakes / duration_s}, median of the judged repeats; with
 * none judged, "≥ N (generator-bound)" from the generator-bound ones, a lower bound of the target's), the
 * same resumed ({@code tls-churn-resumed}) with its resumption rate ({@code tls_resumed / tls_handshakes}
 * summed over the repeats that count, {@link Cells#TARGET_FACTS}), and the memory per idle TLS
 * connection at each {@code tls-idle} level: (PSS there − PSS of {@code tls-hello} at the same active
 * connections) / idle connections, KiB, from the medians, with the idle connections held at the window's
 * end ({@code idle_held}, median of every repeat that ran) when fewer than the level. Two instances' PSS:
 * for a JVM the difference carries each one's heap growth too, so read it beside the held count. Empty
 * text when the run has no TLS cell.
 */
final class TlsTable {

    private TlsTable() {
    }

    static String render(Cells cells) {
        Set<String> targets = new LinkedHashSet<>();
        List<Long> idleLevels = new ArrayList<>();
        for (Cells.Key k : cells.keys()) {
            if (Scenarios.TLS.contains(k.scenario())) {
                targets.add(k.target());
            }
            if (k.scenario().equals(Scenarios.TLS_IDLE) && !idleLevels.contains(k.idle())) {
                idleLevels.add(k.idle());
            }
        }
        if (targets.isEmpty()) {
            return "";
        }
        idleLevels.sort(null);
        StringBuilder md = new StringBuilder("\n### TLS per target\n\nFull and resumed handshakes per second (a "
                + "handshake per request; median of the judged repeats), the share of the offered sessions each target "
                + "resumed (claim 9; every repeat that measured the target), and the memory per idle TLS connection "
                + "(tls-idle's PSS less tls-hello's at the same active connections, per idle connection, KiB; "
                + "two instances' PSS, a JVM's heap growth in each; with the idle connections still held at the end when "
                + "fewer: closed by the target when busy, or past its limit).\n\n");
        md.append("| target | full handshakes/s | resumed handshakes/s | resumed of offered |");
        idleLevels.forEach(i -> md.append(" KiB per idle TLS connection at ").append(i).append(" |"));
        md.append("\n|---|---|---|---|");
        idleLevels.forEach(i -> md.append("---|"));
        md.append('\n');
        for (String t : targets) {
            md.append("| ").append(t).append(" | ").append(perSecond(cells, Scenarios.TLS_CHURN, t)).append(" | ")
                    .append(perSecond(cells, Scenarios.TLS_CHURN_RESUMED, t)).append(" | ").append(resumed(cells, t))
                    .append(" |");
            for (long i : idleLevels) {
                md.append(' ').append(perIdle(cells, t, i)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String perSecond(Cells cells, String scenario, String target) {
        Cells.Key k = cells.find(scenario, target, null, null);
        if (k == null) {
            return "";
        }
        ToDoubleFunction<Row> perSecond = r -> r.num("tls_handshakes") / r.num("duration_s");
        double m = Intervals.median(cells.values(k, perSecond));
        if (Double.isFinite(m)) {
            return String.format(Locale.ROOT, "%.0f", m);
        }
        // none judged: when the generator was the limit, the target did at least what it was given
        double bound = Intervals.median(cells.repeats(k).stream().filter(r -> Cells.status(r) == Status.GENERATOR_BOUND)
                .mapToDouble(perSecond).filter(Double::isFinite).toArray());
        return Double.isFinite(bound) ? String.format(Locale.ROOT, "≥ %.0f (generator-bound)", bound) : "—";
    }

    /** "93.1 % (2994 of 3216)", or "—" without counts. */
    static String resumed(Cells cells, String target) {
        Cells.Key k = cells.find(Scenarios.TLS_CHURN_RESUMED, target, null, null);
        if (k == null) {
            return "";
        }
        ResumptionAcrossProcesses.Counts c = ResumptionAcrossProcesses.Counts.of(cells, k);
        return c.handshakes() == 0 ? "—" : String.format(Locale.ROOT, "%.1f %% (%d of %d)",
                100.0 * c.resumed() / c.handshakes(), c.resumed(), c.handshakes());
    }

    private static String perIdle(Cells cells, String target, long idle) {
        Cells.Key k = cells.find(Scenarios.TLS_IDLE, target, null, idle);
        Cells.Key hello = k == null ? null : cells.find(Scenarios.TLS_HELLO, target, k.connections(), 0L);
        if (k == null || hello == null || idle <= 0) {
            return k == null ? "" : "— (no tls-hello at c" + k.connections() + ")";
        }
        double kib = (cells.estimate(k, "pss_mb").median() - cells.estimate(hello, "pss_mb").median()) * 1024 / idle;
        if (!Double.isFinite(kib)) {
            return "—";
        }
        // a target that closed idle connections (event when busy) or could not take them all (its limit) held
        // fewer than it is divided by: say how many, from every repeat that ran
        double held = Intervals.median(cells.repeats(k).stream().filter(r -> Cells.status(r).measured())
                .mapToDouble(r -> r.num("idle_held")).filter(Double::isFinite).toArray());
        return String.format(Locale.ROOT, "%.1f", kib)
                + (held < idle ? String.format(Locale.ROOT, " (%.0f held)", held) : "");
    }
}
