package mpmbench.benchmarks.claims.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;

/**
 * README's ops table: claim 8 ("a graceful restart drops no request") per target that ran
 * graceful-restart, with what summary.csv says of its judged repeats: the failed requests summed and
 * by error class, the restarts, the control command's time ({@code restart_command_ms}, ms or s) and
 * each restart's time until requests/s were back to 90 % ({@code restart_recovery_s}; an empty entry
 * is a restart whose rate was not back before the next restart or the window's end).
 */
public final class OpsTable {

    private static final List<String> ERRORS = List.of("err_connect", "err_read", "err_write", "err_timeout",
            "err_status", "err_parse", "err_closed");

    private OpsTable() {
    }

    /** The table from claims.csv's rows and summary.csv's cells of the same run. */
    public static String render(List<Row> claims, Cells cells) {
        Map<String, Row> verdicts = claims.stream().filter(c -> c.text("claim").equals("8"))
                .collect(Collectors.toMap(c -> c.text("family"), c -> c, (a, b) -> a));
        List<String> lines = new ArrayList<>();
        lines.add("| target | failed requests | restarts | verdict | restart command | requests/s back to 90 % |");
        lines.add("|---|---|---|---|---|---|");
        for (Cells.Key k : cells.keys()) {
            if (!k.scenario().equals(Scenarios.GRACEFUL_RESTART) || !verdicts.containsKey(k.target())) {
                continue;
            }
            List<Row> judged = cells.ok(k);
            lines.add("| " + String.join(" | ", k.target(), failed(judged), restarts(judged),
                    "**" + verdicts.get(k.target()).text("verdict") + "**", command(judged), recovery(judged)) + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    /** "189 (err_timeout 189)", "0". */
    static String failed(List<Row> judged) {
        long total = Math.round(judged.stream().mapToDouble(r -> r.num("errors")).filter(d -> !Double.isNaN(d)).sum());
        List<String> types = new ArrayList<>();
        for (String e : ERRORS) {
            long n = Math.round(judged.stream().mapToDouble(r -> r.num(e)).filter(d -> !Double.isNaN(d)).sum());
            if (n > 0) {
                types.add(e + " " + n);
            }
        }
        return total + (types.isEmpty() ? "" : " (" + String.join(", ", types) + ")");
    }

    /** "9 (3 repeats)". */
    static String restarts(List<Row> judged) {
        long n = Math.round(judged.stream().mapToDouble(r -> r.num("restarts")).filter(d -> !Double.isNaN(d)).sum());
        return n + " (" + judged.size() + " repeats)";
    }

    /** "23–27 ms", "14.2–20.1 s": the slowest command of each repeat, lowest to highest. */
    static String command(List<Row> judged) {
        double[] ms = judged.stream().mapToDouble(r -> r.num("restart_command_ms")).filter(d -> !Double.isNaN(d))
                .sorted().toArray();
        if (ms.length == 0) {
            return "";
        }
        double lo = ms[0];
        double hi = ms[ms.length - 1];
        if (hi < 1000) {
            return range(String.format(Locale.ROOT, "%.0f", lo), String.format(Locale.ROOT, "%.0f", hi)) + " ms";
        }
        return range(String.format(Locale.ROOT, "%.1f", lo / 1000), String.format(Locale.ROOT, "%.1f", hi / 1000)) + " s";
    }

    /** "0.0–2.1 s", "0.2–0.4 s, 6 of 9 not back before the next restart". */
    static String recovery(List<Row> judged) {
        List<Double> back = new ArrayList<>();
        int notBack = 0;
        int all = 0;
        for (Row r : judged) {
            long restarts = Math.round(r.num("restarts"));
            String[] parts = r.text("restart_recovery_s").split(";", -1);
            for (int i = 0; i < restarts; i++) {
                all++;
                String p = i < parts.length ? parts[i].trim() : "";
                if (p.isEmpty()) {
                    notBack++;
                } else {
                    back.add(Double.parseDouble(p));
                }
            }
        }
        String times = back.isEmpty() ? "" : range(String.format(Locale.ROOT, "%.1f", back.stream().mapToDouble(d -> d).min().orElseThrow()),
                String.format(Locale.ROOT, "%.1f", back.stream().mapToDouble(d -> d).max().orElseThrow())) + " s";
        String late = notBack == 0 ? "" : notBack + " of " + all + " not back before the next restart or the end";
        return times.isEmpty() ? late : late.isEmpty() ? times : times + ", " + late;
    }

    private static String range(String lo, String hi) {
        return lo.equals(hi) ? lo : lo + "–" + hi;
    }
}
