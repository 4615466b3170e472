package mpmbench.benchmarks.report;

import java.util.List;

import mpmbench.benchmarks.results.CellIds;
import mpmbench.benchmarks.results.Invariants;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;

/**
 * report.md's section "Rows that break an invariant": every rule with the rows that break it (rule,
 * cell, the numbers), and env.csv's own breach; "None." when the run keeps them all. These rows are
 * in no table's median, no claim and no comparison.
 */
final class InvalidRows {

    private InvalidRows() {
    }

    static void render(StringBuilder md, ResultsFolder run) {
        md.append("## Rows that break an invariant\n\n");
        List<Row> invalid = run.invalid();
        if (invalid.isEmpty() && run.envBreaches().isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("Each rule is checked on every row (`mpmbench verify` prints the same); a row that breaks one is "
                + "`invalid`, kept out of every median, claim and comparison.\n\n| rule | cell | value |\n|---|---|---|\n");
        for (Invariants.Breach b : run.envBreaches()) {
            md.append("| ").append(b.rule().name()).append(" | env.csv | ").append(cell(b.detail())).append(" |\n");
        }
        for (Row r : invalid) {
            md.append("| ").append(String.join(", ", Invariants.violations(r))).append(" | ").append(CellIds.of(r))
                    .append(" | ").append(cell(r.text("reason"))).append(" |\n");
        }
        md.append("\nThe rules: ");
        md.append(String.join("; ", Invariants.ALL.stream().map(x -> "`" + x.name() + "` " + x.explanation()).toList()));
        md.append(".\n\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
