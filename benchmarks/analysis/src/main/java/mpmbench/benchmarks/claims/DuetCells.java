package mpmbench.benchmarks.claims;

import java.util.List;
import java.util.Set;

import mpmbench.benchmarks.catalogue.Design;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/**
 * The claims of a run of {@code suite --baseline REF --duet} ({@link Design}): a cell measured as a duet shared
 * its core with the other build, so its figures are not the target's own (the kernel split the core between
 * two servers), and a claim about one model against another cannot rest on them. A claims.csv row that reads
 * such a cell ({@link ClaimCells}) is {@link Verdict#NOT_MEASURED}, its ratio and interval cleared, the reason
 * in its note; the rows that read only cells measured alone (the peers', the sequential scenarios') are
 * judged as in any run. Stateless.
 */
final class DuetCells {

    private DuetCells() {
    }

    /** The judged rows with those that read a duet cell marked not measured; as they are when none does. */
    static List<Claims.Judged> notFromDuets(List<Claims.Judged> judged, Set<String> duetScenarios) {
        if (duetScenarios.isEmpty()) {
            return judged;
        }
        return judged.stream().map(j -> {
            List<String> duets = j.cells().stream()
                    .filter(k -> Design.duetCell(duetScenarios, k.scenario(), k.target()))
                    .map(Cells.Key::scenario).distinct().toList();
            return duets.isEmpty() ? j : new Claims.Judged(marked(j.row(), duets), j.cells());
        }).toList();
    }

    private static Row marked(Row row, List<String> duets) {
        String why = "not judged: it reads " + String.join(", ", duets) + ", measured as a duet (suite --duet: each "
                + "java-X beside its base:java-X on one core), whose figures are not a target's own";
        String note = row.text("note").isEmpty() ? why : why + "; " + row.text("note");
        return Row.builder(Schemas.CLAIMS).putAll(row).put("verdict", Verdict.NOT_MEASURED.text()).put("ratio", "")
                .put("ratio_ci_low", "").put("ratio_ci_high", "").put("ratio_method", "").put("repeats_needed", "")
                .put("note", note).build();
    }
}
