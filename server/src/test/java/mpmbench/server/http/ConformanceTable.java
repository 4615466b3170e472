package mpmbench.server.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints {@link Rfc9112Rules} as a Markdown table with what each server answers to the same bytes,
 * for {@code server/CONFORMANCE.md}. Run by {@code scripts/conformance-table}, or by hand:
 * <pre>
 * java -cp server/target/test-classes:server/target/classes mpmbench.server.http.ConformanceTable \
 *     mpmbench=8080 httpd=18080
 * </pre>
 * Each argument is {@code label=port} on 127.0.0.1. A row where a server differs from this server's
 * expected answer is marked; "no answer" means the server said nothing for 3 s.
 */
public final class ConformanceTable {

    private ConformanceTable() {
    }

    public static void main(String[] args) throws Exception {
        List<String> labels = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                System.err.println("usage: ConformanceTable label=port ...");
                System.exit(2);
            }
            labels.add(a.substring(0, eq));
            ports.add(Integer.parseInt(a.substring(eq + 1)));
        }
        StringBuilder header = new StringBuilder("| RFC | input | expected |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (String l : labels) {
            header.append(' ').append(l).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        int[] differing = new int[labels.size()];
        for (Rfc9112Rules.Rule r : Rfc9112Rules.all()) {
            StringBuilder row = new StringBuilder("| ").append(r.section()).append(" | ")
                    .append(r.name().replace("|", "\\|")).append(" | ").append(r.expected()).append(" |");
            for (int i = 0; i < ports.size(); i++) {
                String shown = RuleProbe.send(ports.get(i), r.raw(), 3_000).shown();
                boolean same = shown.equals(r.expected());
                if (!same) {
                    differing[i]++;
                }
                row.append(' ').append(same ? shown : "**" + shown + "**").append(" |");
            }
            System.out.println(row);
        }
        System.out.println();
        for (int i = 0; i < labels.size(); i++) {
            System.out.println(labels.get(i) + ": " + differing[i] + " of " + Rfc9112Rules.all().size()
                    + " rows differ from the expected answer");
        }
    }
}
