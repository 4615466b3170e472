package mpmbench.loadgen.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mpmbench.loadgen.contract.ResultKey;
import mpmbench.loadgen.report.CsvReport;
import mpmbench.loadgen.report.ResultColumns;

/**
 * One row per agent beside the merged result: on the console and as {@code agents.csv}.
 *
 * <p>{@code agents.csv} columns: {@code agent} (label), {@code host}, {@code status} ({@code ok} or
 * {@code failed}), {@code connections}, {@code rate} (requests/s, 0 closed model),
 * {@code clock_offset_ms} (agent minus coordinator), {@code clock_uncertainty_ms} (±),
 * {@code start_ms} (its actual start after the common instant, coordinator's clock), {@code requests},
 * {@code rps}, {@code p50_ms}, {@code p99_ms}, {@code p999_ms} (its own corrected latency),
 * {@code errors} (sum of {@code err_*}), {@code failure} (one line, empty when ok). Decimals with
 * {@code .}; an unknown figure is empty.
 */
public final class AgentsTable {

    static final List<String> COLUMNS = List.of("agent", "host", "status", "connections", "rate", "clock_offset_ms",
            "clock_uncertainty_ms", "start_ms", "requests", "rps", "p50_ms", "p99_ms", "p999_ms", "errors", "failure");

    private AgentsTable() {
    }

    /** The table as text for the console. */
    public static String render(List<AgentReport> agents, long startUs) {
        StringBuilder sb = new StringBuilder("  Agents\n");
        sb.append(String.format(Locale.ROOT, "    %-16s %-6s %5s %9s %11s %9s %10s %10s %9s %9s %9s%n", "agent", "status",
                "conns", "rate", "offset_ms", "start_ms", "requests", "rps", "p50_ms", "p99_ms", "p999_ms"));
        for (AgentReport a : agents) {
            List<String> v = values(a, startUs);
            sb.append(String.format(Locale.ROOT, "    %-16s %-6s %5s %9s %11s %9s %10s %10s %9s %9s %9s%n", v.get(0),
                    v.get(2), v.get(3), v.get(4), v.get(5).isEmpty() ? "" : v.get(5) + "±" + v.get(6), v.get(7),
                    v.get(8), v.get(9), v.get(10), v.get(11), v.get(12)));
        }
        return sb.toString();
    }

    /** Writes {@code agents.csv} (replaced). */
    public static void write(Path file, List<AgentReport> agents, long startUs) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (AgentReport a : agents) {
            sb.append(String.join(",", values(a, startUs).stream().map(CsvReport::quote).toList())).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static List<String> values(AgentReport a, long startUs) {
        List<String> v = new ArrayList<>();
        v.add(a.agent().label());
        v.add(a.agent().host());
        v.add(a.ok() ? "ok" : "failed");
        v.add(Integer.toString(a.share().connections()));
        v.add(ResultColumns.format(a.share().rate()));
        v.add(a.clock() == null ? "" : Coordinator.ms(a.clock().offsetUs()));
        v.add(a.clock() == null ? "" : Coordinator.ms(a.clock().uncertaintyUs()));
        v.add(a.startedUs() == null || startUs == 0 ? "" : Coordinator.ms(a.startedUs() - startUs));
        if (a.result() != null) {
            v.add(Long.toString(a.result().counts().get(mpmbench.loadgen.record.Counter.REQUESTS)));
            for (ResultKey f : List.of(ResultKey.RPS, ResultKey.P50_MS, ResultKey.P99_MS, ResultKey.P999_MS)) {
                v.add(ResultColumns.format(a.result().number(f)));
            }
            v.add(Long.toString(a.result().counts().errors()));
        } else {
            v.addAll(List.of("", "", "", "", "", ""));
        }
        v.add(a.failure() == null ? "" : a.failure());
        return v;
    }
}
