package mpmbench.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.catalogue.Scenarios;

/**
 * The answer of {@code slow-clients} per target: the fewest trickling connections that deny the
 * normal clients service, that is the first step whose normal clients' requests/s (median of the
 * repeats) fall below {@link Scenarios#DENY_FRACTION} of their requests/s with no trickling connection;
 * "more than the last step" when none does.
 */
public final class SlowClients {

    /** One target's answer: the denying step (-1 when none did), the step-0 and denied req/s, the last step run. */
    public record Denial(String target, long deniedAt, double baseRps, double deniedRps, long lastStep) {

        public String text() {
            if (Double.isNaN(baseRps)) {
                return "no step-0 baseline";
            }
            if (deniedAt < 0) {
                return "not denied up to " + lastStep + " trickling connections (> " + lastStep + ")";
            }
            return String.format(Locale.ROOT, "denied at %d trickling connections (%.0f req/s there, %.0f with none)",
                    deniedAt, deniedRps, baseRps);
        }
    }

    private SlowClients() {
    }

    /** The answer per target from slow-clients' cells.csv rows, in their order. */
    public static List<Denial> of(List<Row> cells) {
        Map<String, List<Row>> byTarget = new LinkedHashMap<>();
        cells.stream().filter(r -> r.text("scenario").equals(Scenarios.SLOW_CLIENTS) && Cells.judged(r))
                .forEach(r -> byTarget.computeIfAbsent(r.text("target"), k -> new ArrayList<>()).add(r));
        List<Denial> out = new ArrayList<>();
        byTarget.forEach((t, rows) -> {
            rows.sort(java.util.Comparator.comparingDouble(r -> r.num("idle")));
            Row base = rows.getFirst().num("idle") == 0 ? rows.getFirst() : null;
            long last = Math.round(rows.getLast().num("idle"));
            if (base == null) {
                out.add(new Denial(t, -1, Double.NaN, Double.NaN, last));
                return;
            }
            double baseRps = base.num("rps");
            for (Row r : rows) {
                if (r.num("idle") > 0 && r.num("rps") < Scenarios.DENY_FRACTION * baseRps) {
                    out.add(new Denial(t, Math.round(r.num("idle")), baseRps, r.num("rps"), last));
                    return;
                }
            }
            out.add(new Denial(t, -1, baseRps, Double.NaN, last));
        });
        return out;
    }

    /** The report.md lines under the slow-clients table. */
    static void denials(StringBuilder md, List<Row> cells) {
        md.append("\nTrickling connections that deny the ").append(Scenarios.SLOW_NORMAL_CONNECTIONS)
                .append(" normal clients service (their requests/s under ")
                .append(Math.round(Scenarios.DENY_FRACTION * 100)).append(" % of their requests/s with none; medians "
                        + "of the repeats):\n\n");
        for (Denial d : of(cells)) {
            md.append("- ").append(d.target()).append(": ").append(d.text()).append('\n');
        }
    }
}
